/**
 * The entry point the extension host loads (--extensionTestsPath): runs every *.test.js next to it with
 * mocha, one file per area (activation, diagnostics, hover, ...). Add an area by adding a file; the build
 * (scripts/e2e/build-suite.mjs) bundles each test file on its own.
 *
 * CODEBOOM_VSCODE_GREP runs only the tests whose titles match it.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = process.env.CODEBOOM_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed in VS Code`);
}
