/**
 * English and Dutch throughout: every string the client shows has a Dutch translation, the manifest's
 * strings exist in both languages, and every engine message exists in both.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticCodes } from '../../server/src/engine/diagnostics';
import { diagnosticMessage } from '../../server/src/engine/messages';

const ROOT = path.join(__dirname, '../..');

function clientStrings(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(m[1].replace(/\\'/g, "'"));
      }
    }
  };
  walk(path.join(ROOT, 'client/src'));
  return [...found];
}

describe('localisation', () => {
  it('has a Dutch translation for every string of the client', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;
    const strings = clientStrings();
    assert.ok(strings.length > 40, 'the client shows its strings through vscode.l10n.t');
    assert.deepEqual(strings.filter((s) => !(s in bundle)), []);
    for (const s of strings) {
      const placeholders = (t: string) => (t.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(bundle[s]), placeholders(s), `placeholders of "${s}"`);
    }
  });

  it('has every manifest string in English and Dutch', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const nl = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.nl.json'), 'utf8'));
    assert.deepEqual(keys.filter((k) => !(k in en)), []);
    assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  });

  it('says every diagnostic in English and Dutch, differently', () => {
    for (const code of Object.values(DiagnosticCodes)) {
      const args = { path: 'a/b', suggestions: ['a/c'], replacement: 'a/c', detail: 'x', file: 'f.txt', fallback: 'T1', color: 'red', alias: 'a', other: 'b', cycle: 'a → b → a', target: 't', key: 'k', folder: 'd', label: 'x' };
      const en = diagnosticMessage({ code, args }, 'en');
      const nl = diagnosticMessage({ code, args }, 'nl');
      assert.ok(en && nl && en !== nl, code);
    }
  });
});
