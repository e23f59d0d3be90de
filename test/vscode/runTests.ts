/**
 * Runs the suite in test/vscode/suite inside a real VS Code with @vscode/test-electron, on a temporary
 * copy of examples/stay-tuned. Build first (`npm run build && node scripts/e2e/build-suite.mjs`, which
 * `npm run test:vscode:suite` does).
 *
 * Which VS Code:
 * - by default, code-server in headless Chromium through scripts/e2e/code-server-vscode (install them
 *   with scripts/e2e/setup.sh); this is what CI runs;
 * - CODEBOOM_VSCODE=desktop: a desktop VS Code that @vscode/test-electron downloads into .vscode-test/
 *   (version CODEBOOM_VSCODE_VERSION, default 1.100.3, the one inside code-server);
 * - CODEBOOM_VSCODE=/path/to/code: that desktop VS Code (another instance of it must not be running).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findInstall, repoRoot, SetupMissingError } from './harness/install';
import { copyExample } from './harness/tempProject';

async function main(): Promise<number> {
  const choice = process.env.CODEBOOM_VSCODE ?? '';
  let vscodeExecutablePath: string | undefined;
  let version: string | undefined;
  if (choice === '') {
    findInstall();
    vscodeExecutablePath = path.join(repoRoot, 'scripts/e2e/code-server-vscode');
  } else if (choice === 'desktop') {
    version = process.env.CODEBOOM_VSCODE_VERSION || '1.100.3';
  } else {
    vscodeExecutablePath = path.resolve(choice);
  }

  const project = copyExample();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'codeboom-vscode-profile-'));
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath,
      version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out/test/vscode/suite/index'),
      launchArgs: [
        project.root,
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
    console.log(`The tests in VS Code passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (e) {
    console.error(`The tests in VS Code failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    project.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof SetupMissingError ? e.message : e);
    process.exitCode = 1;
  },
);
