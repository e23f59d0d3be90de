// Bundles the command line, the language server and the VS Code client with esbuild: for Node (desktop VS
// Code, the command line) and for a browser (vscode.dev, github.dev: the client in the web extension host,
// the server in a web worker). The browser bundles must not need Node: the build fails if one does.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';

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

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Fails the build when a browser bundle imports a Node built-in, naming the module and who imports it.
 * esbuild's browser platform already refuses to resolve most of them; this also catches a package whose
 * `browser` field does not replace one, and says which file to fix.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.split('/')[0];
      if (!nodeBuiltins.has(args.path) && !nodeBuiltins.has(name)) return undefined;
      return { errors: [{ text: `The browser bundle may not use Node's "${args.path}" (imported by ${args.importer}).` }] };
    });
  },
};

const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  plugins: [noNodeBuiltins],
};

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/node.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The web extension: the client as CommonJS for the web extension host, the server as a worker script.
  { ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...browser, format: 'iife', entryPoints: ['server/src/lsp/browser.ts'], outfile: 'dist/web/server.js' },
];
if (existsSync('scripts/bench/bench.ts')) entries.push({ entryPoints: ['scripts/bench/bench.ts'], outfile: 'dist/bench.js' });
if (existsSync('scripts/fuzz/fuzz.ts')) entries.push({ entryPoints: ['scripts/fuzz/fuzz.ts'], outfile: 'dist/fuzz.js' });

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
