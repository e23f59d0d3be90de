/**
 * Where the tests find code-server and Chromium, as scripts/e2e/setup.sh installs them. When either is
 * missing the tests fail with a sentence that says to run that script; they are never skipped.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The version scripts/e2e/setup.sh installs; its VS Code is 1.100.3. */
export const codeServerVersion = '4.100.3';

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
  const missing: string[] = [];
  if (!existsSync(path.join(dir, `.installed-${codeServerVersion}`)) || !existsSync(codeServerEntry)) missing.push(`code-server ${codeServerVersion} (in ${dir})`);
  if (!existsSync(chromium)) missing.push(`Chromium (${chromium})`);
  if (missing.length > 0) {
    throw new SetupMissingError(`${missing.join(' and ')} not installed: run scripts/e2e/setup.sh (npm test runs it first) to install what the tests in VS Code need.`);
  }
  return { codeServerEntry, chromium };
}
