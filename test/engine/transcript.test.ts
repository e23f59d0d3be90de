import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { defaultSettings } from '../../server/src/engine/project/settings';
import { digestBytes, digestParsed } from '../../server/src/engine/transcript/digest';
import { diagnosticMessage } from '../../server/src/engine/messages';
import { resolveTranscript } from '../../server/src/engine/transcript/resolve';
import { cleanDocument, cleanText, parseTranscript } from '../../server/src/engine/transcript/transcript';
import { marked } from '../helpers/markers';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const settings = defaultSettings();
const codebook = parseCodebook(SMALL_CODEBOOK);

function segmentsOf(text: string, fallback = 'doc') {
  const parsed = parseTranscript(text, codebook.settings);
  const resolved = resolveTranscript(digestParsed(parsed), codebook, fallback);
  return {
    parsed,
    resolved,
    list: resolved.segments.map((s) => ({ code: s.code, text: cleanText(parsed, s.span), participant: s.participant, speaker: s.speaker })),
  };
}

describe('transcript parsing', () => {
  it('reads front matter: the participant and every other key as a document variable', () => {
    const parsed = parseTranscript('---\nparticipant: T12\ndiscipline: muziektherapie\ndate: 2016-03-08\n---\nT12= Hallo.\n', settings);
    assert.equal(parsed.frontMatter?.participant, 'T12');
    assert.deepEqual(parsed.frontMatter?.variables, { discipline: 'muziektherapie', date: '2016-03-08' });
    assert.equal(parsed.text.slice(parsed.bodyStart), 'T12= Hallo.\n');
  });

  it('does not read front matter longer than 256 KiB as YAML, and says so', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const text = `---\n${keys}\n---\nT12= Hallo. [[afstemmen/geduld]]\n`;
    const parsed = parseTranscript(text, settings);
    assert.deepEqual(parsed.frontMatter?.variables, {});
    assert.equal(parsed.text.slice(parsed.bodyStart), 'T12= Hallo. [[afstemmen/geduld]]\n');
    const problem = parsed.problems.find((p) => p.code === 'frontmatter.invalid')!;
    assert.equal(problem.args.detail, 'too-long');
    assert.match(diagnosticMessage(problem, 'en'), /^The front matter runs to [\d,]+ characters, more than Codeboom reads as front matter/);
    // From the file's bytes, as the command line reads it, the same.
    const fromBytes = digestBytes(new TextEncoder().encode(text), codebook.settings);
    assert.deepEqual(fromBytes.problems.map((p) => [p.code, p.args.detail]), [['frontmatter.invalid', 'too-long']]);
  });

  it('does not read front matter whose brackets nest more than 32 deep as YAML, and reads it the same from bytes', () => {
    const text = `---\r\n${'[['.repeat(1200)} zei [[effect//band]]P3: client \n\n---\ndiscipline: drama\n`;
    const parsed = parseTranscript(text, settings);
    assert.deepEqual(parsed.problems.map((p) => [p.code, p.args.detail]), [['frontmatter.invalid', 'too-deep']]);
    assert.equal(parsed.frontMatter?.variables.discipline, undefined);
    const fromBytes = digestBytes(new TextEncoder().encode(text), codebook.settings);
    assert.deepEqual(fromBytes.problems.map((p) => [p.code, p.args.detail, p.span.start]), [['frontmatter.invalid', 'too-deep', 0]]);
  });

  it('reads speakers: as who each label is, not as a document variable to group by', () => {
    const parsed = parseTranscript('---\nparticipant:\nspeakers:\n  PDV: Pieter de Vries\n  I: Interviewer\nsite: Utrecht\n---\nPDV: Hallo.\n', settings);
    assert.deepEqual(parsed.frontMatter?.speakers, { PDV: 'Pieter de Vries', I: 'Interviewer' });
    assert.deepEqual(parsed.frontMatter?.variables, { site: 'Utrecht' });
    assert.equal(parsed.frontMatter?.participant, undefined);
  });

  it('reads front matter that needs the YAML parser, and reports invalid YAML at its line', () => {
    const ok = parseTranscript('---\nparticipant: "T 3"\ntags: [a, b]\n---\nT3= x\n', settings);
    assert.equal(ok.frontMatter?.participant, 'T 3');
    assert.equal(ok.frontMatter?.variables.tags, 'a, b');
    const bad = parseTranscript('---\nparticipant: T3\nnote: [unclosed\n---\n', settings);
    const d = bad.problems.find((p) => p.code === 'frontmatter.invalid');
    assert.ok(d, 'invalid YAML is reported');
    assert.equal(bad.positions.positionAt(d.span.start).line >= 2, true);
    const unclosed = parseTranscript('---\nparticipant: T3\nT3= x\n', settings);
    assert.deepEqual(unclosed.problems.map((p) => p.code), ['frontmatter.unclosed']);
  });

  it('finds speaker turns in the thesis style and with colons, but not in ordinary sentences', () => {
    const text = 'I= Hoe begin je?\nT12= Ik kijk eerst.\nDat doe ik altijd.\n\nInterviewer: En dan?\nNee: dat is geen label.\n[32:56] T12= Daarna.\n';
    const parsed = parseTranscript(text, settings);
    assert.deepEqual(parsed.turns.map((t) => t.speaker), ['I', 'T12', 'Interviewer', 'T12']);
    assert.equal(parsed.text.slice(parsed.turns[1].contentStart, parsed.turns[1].contentStart + 2), 'Ik');
  });

  it('codes the paragraph a tag stands in, without the speaker label and the tag', () => {
    const { list } = segmentsOf('---\nparticipant: T9\n---\nT9= Ik wacht af.\nSoms weken. [[afstemmen/geduld]]\n\nT9= Ander punt.\n');
    assert.deepEqual(list, [{ code: 'afstemmen/geduld', text: 'Ik wacht af.\nSoms weken.', participant: 'T9', speaker: 'T9' }]);
  });

  it('starts a new paragraph at every speaker label, even without a blank line', () => {
    const { list } = segmentsOf('---\nparticipant: T9\n---\nI= Vraag?\nT9= Antwoord. [[afstemmen/geduld]]\n');
    assert.deepEqual(list.map((s) => s.text), ['Antwoord.']);
  });

  it('makes one segment per code per paragraph, however often the tag is repeated', () => {
    const { list } = segmentsOf('---\nparticipant: T1\n---\nT1= Een. [[effect/band]] Twee. [[effect/band]] [[afstemmen/geduld]]\n');
    assert.deepEqual(list.map((s) => s.code), ['effect/band', 'afstemmen/geduld']);
  });

  it('codes a passage with every tag that follows its close without a gap', () => {
    const { list } = segmentsOf('---\nparticipant: T1\n---\nT1= Je moet {{heel veel geduld}}[[afstemmen/geduld]][[effect/band | mooi]] hebben. [[afstemmen/improvisatie]]\n');
    assert.deepEqual(list, [
      { code: 'afstemmen/geduld', text: 'heel veel geduld', participant: 'T1', speaker: 'T1' },
      { code: 'effect/band', text: 'heel veel geduld', participant: 'T1', speaker: 'T1' },
      { code: 'afstemmen/improvisatie', text: 'Je moet heel veel geduld hebben.', participant: 'T1', speaker: 'T1' },
    ]);
  });

  it('keeps a memo on its coding', () => {
    const { resolved } = segmentsOf('T1= {{x}}[[effect/band | vanaf hier ging het anders]]\n');
    assert.deepEqual(resolved.segments[0].memos, ['vanaf hier ging het anders']);
  });

  it('nests passages, and overlaps labelled passages without nesting', () => {
    const nested = segmentsOf('T1= {{hij ging {{voor het eerst}}[[afstemmen/geduld]] spelen}}[[effect/band]]\n').list;
    assert.deepEqual(nested.map((s) => [s.code, s.text]), [
      ['afstemmen/geduld', 'voor het eerst'],
      ['effect/band', 'hij ging voor het eerst spelen'],
    ]);
    const overlap = segmentsOf('T1= {{#a ik bleef rustig {{#b en toen}}#a[[afstemmen/geduld]] begon hij}}#b[[effect/band]]\n').list;
    assert.deepEqual(overlap.map((s) => [s.code, s.text]), [
      ['afstemmen/geduld', 'ik bleef rustig en toen'],
      ['effect/band', 'en toen begon hij'],
    ]);
  });

  it('leaves what transcripts already contain alone', () => {
    const text = 'T1= Ik [onverstaanbaar] weet het niet [32:56] (lacht). [[effect/band]]\n';
    const { list, parsed } = segmentsOf(text);
    assert.equal(parsed.problems.length, 0);
    assert.equal(list[0].text, 'Ik [onverstaanbaar] weet het niet [32:56] (lacht).');
  });

  it('reports unclosed tags, unclosed and unopened passages, and passages without a code', () => {
    const codes = (t: string) => parseTranscript(t, settings).problems.map((p) => p.code);
    assert.deepEqual(codes('T1= a [[effect/band\nb\n'), ['tag.unclosed']);
    assert.deepEqual(codes('T1= a {{b [[effect/band]]\n'), ['passage.unclosed']);
    assert.deepEqual(codes('T1= a b}}[[effect/band]]\n'), ['passage.unopened']);
    assert.deepEqual(codes('T1= a {{b}} c\n'), ['passage.uncoded']);
    assert.deepEqual(codes('T1= a [[]] [[two words]]\n'), ['tag.malformed', 'tag.malformed']);
    assert.deepEqual(codes('T1= {{#a x {{#a y}}#a[[b]]}}#a[[c]]\n'), ['passage.malformed', 'passage.unopened', 'passage.unclosed']);
  });

  it('reads the path of a tag without the spaces around it, whatever kind of space', () => {
    const m = marked('T1= a [[ $[effect/band]$ ]] b [[\u00a0$[naïef]$\u2003]] c [[\t$[x/y]$ | memo ]] d [[$[effect/band]$]]\n');
    const tags = parseTranscript(m.text, settings).tags;
    assert.deepEqual(tags.map((t) => t.path), ['effect/band', 'naïef', 'x/y', 'effect/band']);
    assert.deepEqual(tags.map((t) => t.pathSpan), m.ranges);
    assert.equal(tags[2].memo, 'memo');
    assert.equal(tags[0].path, tags[3].path);
  });

  it('points every problem at its place', () => {
    const m = marked('T1= Hier $[[[effect/band]$ en verder\n');
    const d = parseTranscript(m.text, settings).problems[0];
    assert.deepEqual(d.span, { start: m.ranges[0].start, end: m.text.indexOf('\n') });
  });
});

describe('transcript checking against the codebook', () => {
  it('suggests the nearest codes for an unknown code', () => {
    const m = marked('T1= x [[$[afstemmen/gedudl]$]]\n');
    const { resolved } = segmentsOf(m.text);
    const d = resolved.diagnostics.find((x) => x.code === 'code.unknown')!;
    assert.deepEqual(d.span, m.ranges[0]);
    assert.equal((d.args.suggestions as string[])[0], 'afstemmen/geduld');
    assert.equal(resolved.segments.length, 0, 'an unknown code is not counted');
  });

  it('follows aliases and merges with a warning, and warns on deprecated and grouping codes', () => {
    const { resolved } = segmentsOf('---\nparticipant: T1\n---\nT1= a [[afstemmen/wachten]] [[effect/oud]] [[effect/verouderd]] [[afstemmen]]\n');
    assert.deepEqual(resolved.diagnostics.map((d) => d.code), ['code.alias', 'code.merged', 'code.deprecated', 'code.not-codable']);
    assert.deepEqual(resolved.segments.map((s) => s.code), ['afstemmen/geduld', 'effect/band', 'effect/verouderd', 'afstemmen']);
  });

  it('attributes segments to declared participants, the document participant, or the interviewer', () => {
    const cb = parseCodebook(SMALL_CODEBOOK.replace('project:\n', 'project:\n  participants: [T3, T4]\n  interviewers: [I, R]\n'));
    const text = '---\nparticipant: T3\n---\nIntro zonder spreker. [[effect/band]]\n\nT4= Ik ook. [[effect/band]]\n\nR= Vraag. [[effect/band]]\n\nX= Onbekend. [[effect/band]]\n';
    const resolved = resolveTranscript(digestParsed(parseTranscript(text, cb.settings)), cb, 'doc');
    assert.deepEqual(
      resolved.segments.map((s) => [s.participant, s.role, s.speaker]),
      [
        ['T3', 'participant', undefined],
        ['T4', 'participant', 'T4'],
        ['R', 'interviewer', 'R'],
        ['T3', 'participant', 'X'],
      ],
    );
  });

  it('warns when a coded transcript names no participant and counts it under its file name', () => {
    const { resolved } = segmentsOf('T1= x [[effect/band]]\n', 'T01');
    assert.deepEqual(resolved.diagnostics.map((d) => d.code), ['participant.missing']);
    assert.equal(resolved.segments[0].participant, 'T01');
  });

  it('gives exact positions with CRLF line ends, emoji and combining characters', () => {
    const text = '---\r\nparticipant: T1\r\n---\r\nT1= Zo 😀 cafe\u0301 {{mooi}}[[effect/band]]\r\n';
    const { parsed, resolved } = segmentsOf(text);
    const s = resolved.segments[0];
    assert.equal(text.slice(s.span.start, s.span.end), 'mooi');
    assert.deepEqual(parsed.positions.positionAt(s.span.start), { line: 3, character: 18 });
    assert.equal(parsed.positions.toCodePoint(s.span.start), [...text.slice(0, s.span.start)].length);
  });
});

describe('clean text', () => {
  it('maps offsets between the tagged transcript and its text without markup, both ways', () => {
    const text = 'T1= Je moet {{heel veel geduld}}[[afstemmen/geduld]] hebben. [[effect/band]]\nEn {{#a x {{#b y}}#a[[a]] z}}#b[[b]].\n';
    const parsed = parseTranscript(text, settings);
    const clean = cleanDocument(parsed);
    assert.equal(clean.text, 'T1= Je moet heel veel geduld hebben.\nEn x y z.\n');
    for (let i = 0; i < clean.text.length; i++) {
      const source = clean.toSource(i);
      assert.equal(text[source], clean.text[i], `clean ${i}`);
      assert.equal(clean.toClean(source), i);
    }
    assert.equal(clean.toClean(text.indexOf('[[effect')), clean.text.indexOf('\n'));
  });
});

describe('marks before a speaker label', () => {
  it('still finds the turn when a passage or a tag starts the line', () => {
    const text = '---\nparticipant: T1\n---\nI= Vraag?\n{{T1= Antwoord met een passage}}[[effect/band]]\n}}[[x]]T1= na een sluiting\n[[effect/band]] T1= na een tag\n';
    const parsed = parseTranscript(text, settings);
    assert.deepEqual(parsed.turns.map((t) => t.speaker), ['I', 'T1', 'T1', 'T1']);
    const { list } = segmentsOf(text);
    assert.equal(list[0].speaker, 'T1');
  });
});
