/**
 * Where the tests find code-server and Chromium, as scripts/e2e/setup.sh installs them. When either is
 * missing the tests fail with a sentence that says to run that script; they are never skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/** scripts/e2e/code-server-versions.json, which setup.sh reads too: the code-server release for each Node major. */
function codeServerReleases(): Map<string, string> {
  const table = JSON.parse(readFileSync(path.join(repoRoot, 'scripts/e2e/code-server-versions.json'), 'utf8')) as Record<string, { codeServer: string } | string>;
  return new Map(Object.entries(table).flatMap(([major, entry]) => (typeof entry === 'string' ? [] : [[major, entry.codeServer]])));
}

export interface E2eInstall {
  /** code-server's entry script, run with this Node. */
  codeServerEntry: string;
  /** Debian's Chromium (or CODEBOOM_CHROMIUM). */
  chromium: string;
}

export class SetupMissingError extends Error {
  override name = 'SetupMissingError';
}

/** The folder setup.sh installs into: CODEBOOM_E2E_DIR, or .e2e/ in the repository. */
export function e2eDir(): string {
  return path.resolve(process.env.CODEBOOM_E2E_DIR || path.join(repoRoot, '.e2e'));
}

export function findInstall(): E2eInstall {
  const dir = path.join(e2eDir(), 'code-server');
  const codeServerEntry = path.join(dir, 'node_modules/code-server/out/node/entry.js');
  const chromium = process.env.CODEBOOM_CHROMIUM || '/usr/bin/chromium';
  // Each code-server release runs only on the Node major it was built for.
  const releases = codeServerReleases();
  const version = releases.get(process.versions.node.split('.')[0]);
  if (version === undefined) {
    const majors = [...releases.keys()];
    const supported = majors.length > 1 ? `${majors.slice(0, -1).join(', ')} or ${majors.at(-1)}` : majors.join('');
    throw new SetupMissingError(`The tests in VS Code need Node ${supported}, the versions code-server runs on; this is Node ${process.versions.node}: run them with one of those.`);
  }
  const missing: string[] = [];
  if (!existsSync(path.join(dir, `.installed-${version}`)) || !existsSync(codeServerEntry)) missing.push(`code-server ${version} (in ${dir})`);
  if (!existsSync(chromium)) missing.push(`Chromium (${chromium})`);
  if (missing.length > 0) {
    throw new SetupMissingError(`${missing.join(' and ')} not installed: run scripts/e2e/setup.sh (npm test runs it first) to install what the tests in VS Code need.`);
  }
  return { codeServerEntry, chromium };
}
