/**
 * A copy of the built extension as a browser loads it: code-server runs an extension under development in
 * the browser's web worker extension host only when its package.json has a `browser` entry and no `main`
 * (with both it runs on the Node host). So the web tests load this copy, whose manifest names only
 * dist/web/extension.js, with the files that entry needs; nothing of the desktop build is in it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/install';

export interface WebExtension {
  /** The copy's folder, to pass as an extension development path. */
  root: string;
  remove(): void;
}

const COPIED = ['dist/web', 'media', 'syntaxes', 'l10n', 'package.nls.json', 'package.nls.nl.json', 'codebook.schema.json', 'LICENSE'];

export function webExtensionCopy(): WebExtension {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const browser = typeof manifest.browser === 'string' ? manifest.browser : undefined;
  if (!browser || !existsSync(path.join(repoRoot, browser))) {
    throw new Error(`package.json names no browser entry that exists (${String(browser)}): run npm run build first.`);
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), 'codeboom-web-extension-'));
  const root = path.join(parent, 'codeboom');
  for (const item of COPIED) cpSync(path.join(repoRoot, item), path.join(root, item), { recursive: true });
  delete manifest.main;
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
