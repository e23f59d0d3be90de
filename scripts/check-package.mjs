// Checks the extension as it would be published: builds the production bundles, packages them with vsce
// into a temporary folder, and fails when the .vsix is 1.5 MB or more (vscode.dev downloads it into every
// browser that opens a study) or lacks a bundle that package.json names. The development bundles are built
// again afterwards, so the tests that follow use them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LIMIT = 1.5 * 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), 'codeboom-vsix-'));
const vsix = path.join(dir, 'codeboom.vsix');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
let failed = false;
try {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  run(process.execPath, [path.join('node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
  const files = run(process.execPath, [path.join('node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies']).split('\n').filter(Boolean);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const entry of [manifest.main, manifest.browser]) {
    const file = path.posix.normalize(`${entry}`.replace(/^\.\//, ''));
    if (!files.includes(file)) {
      console.error(`The package lacks ${file}, which package.json names: allow it in .vscodeignore.`);
      failed = true;
    }
  }
  const size = statSync(vsix).size;
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (size >= LIMIT) {
    console.error(`The .vsix is ${mb(size)}, over the limit of ${mb(LIMIT)}: keep heavy modules out of the bundles.`);
    failed = true;
  } else {
    console.log(`The .vsix is ${mb(size)} (${files.length} files), under ${mb(LIMIT)}.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  run(process.execPath, ['scripts/build.mjs']);
}
if (failed) process.exit(1);
