import { strict as assert } from 'node:assert';
import { parseCodebook, resolveCode } from '../../../server/src/engine/codebook/codebook';
import { codeCounts } from '../../../server/src/engine/analysis/frequencies';
import { ProjectIndex } from '../../../server/src/engine/project/projectIndex';
import {
  applyEdits,
  codeUse,
  deleteCodeEdits,
  deprecateEdits,
  moveCodeEdits,
  newCodeEdits,
  proposeSlug,
  recolorEdits,
  renameCodeEdits,
  type ManagementOutcome,
} from '../../../server/src/engine/service/codeManagement';
import { CODEBOOK_ID, indexProject, type ServiceModel } from '../../../server/src/engine/service/model';
import type { Language } from '../../../server/src/engine/messages';

const CODEBOOK = `# Codebook of a small study: comments stay where they are.
project:
  language: nl
  transcripts: ["*.txt"]
codes:
  afstemmen:
    label:
      nl: Afstemmen op cliënt
      en: Attuning to the client
    codable: false
    color: "#2a9d8f"
    codes:
      geduld:   # waiting for the client
        label: {nl: Geduld, en: Patience}
        when_not_to_use:
          nl: Niet als eigenschap (gebruik kenmerken/therapeut/geduld).
          en: Not as a quality (use kenmerken/therapeut/geduld).
      improvisatie:
        label: Improvisatie

  kenmerken:
    label: Kenmerken
    codable: false
    codes:
      # qualities of the therapist
      therapeut:
        label: Therapeut
        codable: false
        codes:
          geduld:
            label: Geduldig zijn
            definition: Geduld als eigenschap; niet kenmerken/therapeut/geduldig of x/kenmerken/therapeut/geduld.
          empathie:
            label: Empathie
  # an empty category
  leeg:
    label: Leeg
`;

const TRANSCRIPTS: Record<string, string> = {
  'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht. [[afstemmen/geduld]]\n\nT1= Geduld is een deugd. [[kenmerken/therapeut/geduld]]\n',
  'T2.txt': '---\nparticipant: T2\n---\nT2= {{Rustig}}[[kenmerken/therapeut/geduld]] blijven. [[kenmerken/therapeut/empathie]]\n\nT2= Echt. [[kenmerken/therapeut/geduld]]\n',
};

function project(codebook = CODEBOOK, transcripts = TRANSCRIPTS, language: Language = 'en'): { model: ServiceModel; index: ProjectIndex } {
  const index = new ProjectIndex(parseCodebook(codebook));
  for (const [id, text] of Object.entries(transcripts)) index.set(id, text);
  return { model: { project: indexProject(index), labelLanguage: 'nl', language }, index };
}

/** The project's texts after the outcome's edits. */
function after(outcome: ManagementOutcome, codebook = CODEBOOK, transcripts = TRANSCRIPTS): { codebook: string; transcripts: Record<string, string> } {
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const texts: Record<string, string> = { ...transcripts };
  let book = codebook;
  for (const f of outcome.files) {
    if (f.file === CODEBOOK_ID) book = applyEdits(book, f.edits);
    else texts[f.file] = applyEdits(texts[f.file], f.edits);
  }
  return { codebook: book, transcripts: texts };
}

/** Segments per code path as the engine counts them. */
function counts(codebook: string, transcripts: Record<string, string>): Map<string, number> {
  const { index } = project(codebook, transcripts);
  return new Map([...codeCounts(index)].map(([path, c]) => [path, c.segments]));
}

const COMMENTS = CODEBOOK.split('\n').filter((l) => l.trim().startsWith('#') || l.includes(' # '));

describe('service: managing codes', () => {
  it('proposes a slug from a label: lower case, no accents, words joined by -, unique among its siblings', () => {
    assert.equal(proposeSlug('Geduld hebben', []), 'geduld-hebben');
    assert.equal(proposeSlug('  Één ding, of twee! ', []), 'een-ding-of-twee');
    assert.equal(proposeSlug('Geduld', ['geduld', 'geduld-2']), 'geduld-3');
    assert.equal(proposeSlug('!!!', []), 'code');
  });

  it('adds a new code under a parent, at the top, and under a code that had no subcodes, with only the new lines added', () => {
    const { model } = project();
    const child = newCodeEdits(model, 'afstemmen', 'Wachten kunnen');
    assert.ok(child.ok && child.path === 'afstemmen/wachten-kunnen');
    const text = after(child).codebook;
    assert.equal(text, CODEBOOK.replace('        label: Improvisatie\n', '        label: Improvisatie\n      wachten-kunnen:\n        label: Wachten kunnen\n'));

    const top = after(newCodeEdits(model, undefined, 'Effect')).codebook;
    assert.ok(top.endsWith('  leeg:\n    label: Leeg\n  effect:\n    label: Effect\n'), top);

    const under = newCodeEdits(model, 'leeg', 'Iets', { slug: 'iets' });
    assert.ok(under.ok);
    assert.equal(after(under).codebook, CODEBOOK.replace('    label: Leeg\n', '    label: Leeg\n    codes:\n      iets:\n        label: Iets\n'));
    assert.ok(parseCodebook(after(under).codebook).codes.has('leeg/iets'));
  });

  it('refuses a new code with an empty label, a slug that exists or is no slug, and an unknown parent', () => {
    const { model } = project();
    assert.ok(!newCodeEdits(model, 'afstemmen', '   ').ok);
    const exists = newCodeEdits(model, 'afstemmen', 'Geduld', { slug: 'geduld' });
    assert.ok(!exists.ok && exists.message.includes("'afstemmen/geduld' already exists"), JSON.stringify(exists));
    assert.ok(!newCodeEdits(model, 'afstemmen', 'X', { slug: 'a b' }).ok);
    assert.ok(!newCodeEdits(model, 'nergens', 'X').ok);
    // A proposed slug steps aside for an existing one.
    const proposed = newCodeEdits(model, 'afstemmen', 'Geduld');
    assert.ok(proposed.ok && proposed.path === 'afstemmen/geduld-2');
  });

  it('renames a slug: the tags, the key, and the whole-path mentions in other codes\' texts, but not longer paths', () => {
    const { model } = project();
    const outcome = renameCodeEdits(model, 'kenmerken/therapeut/geduld', { slug: 'geduldig-zijn' });
    const result = after(outcome);
    assert.ok(result.codebook.includes('(gebruik kenmerken/therapeut/geduldig-zijn).'));
    assert.ok(result.codebook.includes('(use kenmerken/therapeut/geduldig-zijn).'));
    assert.ok(result.codebook.includes('niet kenmerken/therapeut/geduldig of x/kenmerken/therapeut/geduld.'), 'longer paths stay as they are');
    assert.ok(result.codebook.includes('          geduldig-zijn:\n'));
    for (const c of COMMENTS) assert.ok(result.codebook.includes(c.trim()), c);
    assert.equal(result.transcripts['T2.txt'], TRANSCRIPTS['T2.txt'].replaceAll('kenmerken/therapeut/geduld]]', 'kenmerken/therapeut/geduldig-zijn]]'));
    const before = counts(CODEBOOK, TRANSCRIPTS);
    const now = counts(result.codebook, result.transcripts);
    assert.equal(now.get('kenmerken/therapeut/geduldig-zijn'), before.get('kenmerken/therapeut/geduld'));
    assert.equal(before.get('kenmerken/therapeut/geduld'), 3);
  });

  it('renames a label in the label language, or a label written as one string', () => {
    const { model } = project();
    const flow = after(renameCodeEdits(model, 'afstemmen/geduld', { label: 'Wachten' })).codebook;
    assert.equal(flow, CODEBOOK.replace('{nl: Geduld, en: Patience}', '{nl: Wachten, en: Patience}'));
    const block = after(renameCodeEdits(model, 'afstemmen', { label: 'Attunement', language: 'en' })).codebook;
    assert.equal(block, CODEBOOK.replace('en: Attuning to the client', 'en: Attunement'));
    const plain = after(renameCodeEdits(model, 'leeg', { label: 'Nog leeg: later' })).codebook;
    assert.equal(plain, CODEBOOK.replace('label: Leeg', 'label: "Nog leeg: later"'));
  });

  it('moves a code with its subcodes to another parent: tags, mentions and counts follow, old paths stay as aliases', () => {
    const { model } = project();
    const outcome = moveCodeEdits(model, 'kenmerken/therapeut', undefined, { keepAliases: true });
    assert.ok(outcome.ok && outcome.path === 'therapeut');
    const result = after(outcome);
    const book = parseCodebook(result.codebook);
    assert.deepEqual(book.diagnostics, []);
    assert.deepEqual([...book.codes.keys()].filter((p) => p.startsWith('therapeut')), ['therapeut', 'therapeut/geduld', 'therapeut/empathie']);
    assert.equal(resolveCode(book, 'kenmerken/therapeut/geduld').kind, 'alias');
    assert.ok(result.codebook.includes('(use therapeut/geduld).'));
    assert.ok(result.transcripts['T2.txt'].includes('{{Rustig}}[[therapeut/geduld]] blijven. [[therapeut/empathie]]'));
    for (const c of COMMENTS) assert.ok(result.codebook.includes(c.trim()), c);
    assert.ok(
      result.codebook.includes(`  therapeut:
    label: Therapeut
    aliases: [kenmerken/therapeut]
    codable: false
    codes:
      geduld:
        label: Geduldig zijn
        aliases: [kenmerken/therapeut/geduld]
`),
      result.codebook,
    );
    // `kenmerken` lost its only code, and with it its `codes:`.
    assert.ok(result.codebook.includes('  kenmerken:\n    label: Kenmerken\n    codable: false\n  # an empty category\n'), result.codebook);
    assert.ok(result.codebook.includes('  # qualities of the therapist\n  therapeut:\n'), 'the comment above it moves along');
    const before = counts(CODEBOOK, TRANSCRIPTS);
    const now = counts(result.codebook, result.transcripts);
    assert.equal(now.get('therapeut/geduld'), before.get('kenmerken/therapeut/geduld'));
    assert.equal(now.get('therapeut/empathie'), before.get('kenmerken/therapeut/empathie'));
  });

  it('moves a code under a code without subcodes, without aliases when not asked', () => {
    const { model } = project();
    const result = after(moveCodeEdits(model, 'afstemmen/improvisatie', 'leeg'));
    assert.equal(
      result.codebook,
      CODEBOOK.replace('      improvisatie:\n        label: Improvisatie\n', '').replace('    label: Leeg\n', '    label: Leeg\n    codes:\n      improvisatie:\n        label: Improvisatie\n'),
    );
  });

  it('refuses a move under itself, to where it is, or onto a path that exists', () => {
    const { model } = project();
    assert.ok(!moveCodeEdits(model, 'kenmerken', 'kenmerken/therapeut').ok);
    assert.ok(!moveCodeEdits(model, 'afstemmen/geduld', 'afstemmen').ok);
    const exists = moveCodeEdits(model, 'kenmerken/therapeut/geduld', 'afstemmen');
    assert.ok(!exists.ok && exists.message.includes("'afstemmen/geduld' already exists"), JSON.stringify(exists));
  });

  it('gives a code a colour: a new field after its label, or the old value replaced', () => {
    const { model } = project();
    assert.equal(
      after(recolorEdits(model, 'afstemmen/geduld', '#CC6677')).codebook,
      CODEBOOK.replace('{nl: Geduld, en: Patience}\n', '{nl: Geduld, en: Patience}\n        color: "#cc6677"\n'),
    );
    assert.equal(after(recolorEdits(model, 'afstemmen', '#332288')).codebook, CODEBOOK.replace('"#2a9d8f"', '"#332288"'));
    const wrong = recolorEdits(model, 'afstemmen', 'red');
    assert.ok(!wrong.ok && wrong.message.includes('#RRGGBB'));
  });

  it('deprecates a code with its reason', () => {
    const { model } = project();
    const text = after(deprecateEdits(model, 'afstemmen/improvisatie', 'Vervangen: zie afstemmen/geduld')).codebook;
    assert.equal(text, CODEBOOK.replace('        label: Improvisatie\n', '        label: Improvisatie\n        deprecated: "Vervangen: zie afstemmen/geduld"\n'));
    assert.equal(parseCodebook(text).codes.get('afstemmen/improvisatie')?.deprecated, 'Vervangen: zie afstemmen/geduld');
  });

  it('deletes an unused code, and refuses one with codings, saying how many and where', () => {
    const { model, index } = project();
    assert.equal(after(deleteCodeEdits(model, 'afstemmen/improvisatie')).codebook, CODEBOOK.replace('      improvisatie:\n        label: Improvisatie\n', ''));
    assert.equal(after(deleteCodeEdits(model, 'leeg')).codebook, CODEBOOK.replace('  leeg:\n    label: Leeg\n', ''));
    const used = deleteCodeEdits(model, 'kenmerken/therapeut/geduld');
    assert.ok(!used.ok);
    assert.deepEqual(used.use, { codings: 3, documents: 2, mergedFrom: [] });
    assert.equal(used.message, "'kenmerken/therapeut/geduld' has 3 codings in 2 transcripts, so it cannot be deleted: merge it into another code or deprecate it.");
    assert.deepEqual(codeUse(index, 'afstemmen/geduld'), { codings: 1, documents: 1, mergedFrom: [] });
    const nl = deleteCodeEdits(project(CODEBOOK, TRANSCRIPTS, 'nl').model, 'afstemmen/geduld');
    assert.ok(!nl.ok && nl.message.startsWith("'afstemmen/geduld' heeft 1 codering in 1 transcript"), nl.ok ? '' : nl.message);
    assert.ok(!deleteCodeEdits(model, 'kenmerken/therapeut').ok, 'a code with subcodes');
  });
});
