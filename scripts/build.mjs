// Bundles the command line, the language server and the VS Code client with esbuild.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];
entries.push({ entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' });
if (existsSync('client/src/extension.ts')) entries.push({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
if (existsSync('scripts/bench/bench.ts')) entries.push({ entryPoints: ['scripts/bench/bench.ts'], outfile: 'dist/bench.js' });
if (existsSync('scripts/fuzz/fuzz.ts')) entries.push({ entryPoints: ['scripts/fuzz/fuzz.ts'], outfile: 'dist/fuzz.js' });

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
