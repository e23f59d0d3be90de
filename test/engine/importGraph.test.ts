import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * The engine's imports go one way: it imports nothing of the rooms above it (the language server, the
 * command line, the Node host, the client), and inside it no file imports, through any chain, itself, and
 * the lower floors (text, codebook, transcript) import nothing from the floors above them.
 */
const ENGINE = path.resolve(__dirname, '../../server/src/engine');

/** The lower floors, lowest first: each may import from itself and the floors before it, and no others. */
const FLOORS = ['.', 'text', 'codebook', 'transcript'];

function engineFiles(dir: string): string[] {
  const files: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...engineFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(p);
  }
  return files;
}

/** The module specifiers a file imports or re-exports (type-only imports included: they are dependencies too). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = statement.exec(source); m; m = statement.exec(source)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const floorOf = (file: string) => {
  const parts = path.relative(ENGINE, file).split(path.sep);
  return parts.length > 1 ? parts[0] : '.';
};
const name = (file: string) => path.relative(ENGINE, file).split(path.sep).join('/');

const graph = new Map<string, { local: string[]; outside: string[] }>();
for (const file of engineFiles(ENGINE)) {
  const local: string[] = [];
  const outside: string[] = [];
  for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
    if (!spec.startsWith('.')) {
      // Packages are the engine's to use, but not Node's built-ins, VS Code or the language server protocol.
      if (spec.startsWith('node:') || builtinModules.includes(spec) || /^vscode(-|$)/.test(spec)) outside.push(spec);
      continue;
    }
    const target = resolveLocal(file, spec);
    if (target && target.startsWith(ENGINE + path.sep)) local.push(target);
    else outside.push(spec);
  }
  graph.set(file, { local, outside });
}

describe('the engine’s imports', () => {
  it('finds the engine’s files and their imports', () => {
    assert.ok(graph.size > 50, `${graph.size} files`);
    const projectIndex = [...graph.keys()].find((f) => name(f) === 'project/projectIndex.ts');
    assert.ok(projectIndex && graph.get(projectIndex)!.local.some((f) => name(f) === 'transcript/digest.ts'));
  });

  it('reach nothing outside the engine (no language server, command line, Node host, client, Node built-in or VS Code)', () => {
    const outside = [...graph].flatMap(([file, { outside }]) => outside.map((spec) => `${name(file)} imports ${spec}`));
    assert.deepEqual(outside, []);
  });

  it('make no circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file)?.local ?? []) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });

  it('go down from the text, codebook and transcript floors, never up', () => {
    const upward: string[] = [];
    for (const [file, { local }] of graph) {
      const floor = FLOORS.indexOf(floorOf(file));
      if (floor < 0) continue;
      for (const target of local) {
        const to = FLOORS.indexOf(floorOf(target));
        if (to < 0 || to > floor) upward.push(`${name(file)} imports ${name(target)}`);
      }
    }
    assert.deepEqual(upward, []);
  });
});
