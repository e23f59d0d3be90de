// Bundles the tests that run inside VS Code's extension host (test/vscode/suite) into out/test/vscode/suite:
// index.js (mocha, bundled in) and each *.test.ts on its own; `vscode` is the host's.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/vscode/suite';
const outdir = 'out/test/vscode/suite';
const tests = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `${dir}/${f}`);

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [`${dir}/index.ts`, ...tests],
  outdir,
  outbase: dir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha's parallel mode resolves its worker files at run time; the suite runs serially and never loads them.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
