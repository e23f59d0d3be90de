/**
 * Importing transcripts as they arrive: Word documents made here, subtitles and Whisper output from
 * test/fixtures/import, each read back by the engine's own transcript reader to see turns where the
 * source had speakers.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importMessage, importTranscript, transcriptFileName, type ImportedTranscript } from '../../server/src/engine/import/transcriptImport';
import { assignSpeakerLabels } from '../../server/src/engine/import/speakerLabels';
import { defaultSettings } from '../../server/src/engine/project/settings';
import { parseTranscript } from '../../server/src/engine/transcript/transcript';
import { makeDocx } from '../helpers/docx';

const FIXTURES = path.join(__dirname, '../fixtures/import');

async function imported(name: string, bytes: Uint8Array = fs.readFileSync(path.join(FIXTURES, name))): Promise<ImportedTranscript> {
  const result = await importTranscript(name, bytes);
  assert.ok(result.ok, result.ok ? '' : importMessage(result.problem));
  return result.transcript;
}

/** The speakers of the turns as the engine reads the transcript, and its problems (none expected). */
function turnsRead(t: ImportedTranscript): string[] {
  const parsed = parseTranscript(t.text, defaultSettings());
  assert.deepEqual(parsed.problems.map((p) => p.code), []);
  assert.equal(parsed.frontMatter?.participant, undefined);
  return parsed.turns.map((turn) => turn.speaker);
}

/** The transcript without its front matter. */
const body = (t: ImportedTranscript): string => t.text.slice(t.text.indexOf('\n---\n') + 5);

describe('importing a Word document', () => {
  it('keeps paragraphs, soft line breaks, bold and plain speaker labels and tables, and leaves no markup', async () => {
    const docx = makeDocx([
      { heading: 'Interview 3' },
      [{ bold: 'Interviewer:' }, ' Hoe begon het?'],
      [{ bold: 'Pieter de Vries' }, ': Langzaam. ', { italic: 'Heel' }, ' langzaam & <echt>.', 'br', 'Tweede regel.', 'image'],
      ['En toen ging het anders.'],
      { table: [['Naam', 'Rol'], ['Pieter', 'Therapeut']] },
      ['image'],
      ['Interviewer: En daarna?'],
      ['Nee: dat niet.'],
      ['Pieter de Vries: Daarna niets.'],
      ['T12: Mag ik ook iets zeggen?'],
    ]);
    const t = await imported('Interview 3.docx', docx);
    assert.equal(
      body(t),
      [
        'Interview 3',
        '',
        'Interviewer: Hoe begon het?',
        '',
        'PDV: Langzaam. Heel langzaam & <echt>.',
        'Tweede regel.',
        '',
        'En toen ging het anders.',
        '',
        'Naam | Rol',
        'Pieter | Therapeut',
        '',
        'Interviewer: En daarna?',
        '',
        'Nee: dat niet.',
        '',
        'PDV: Daarna niets.',
        '',
        'T12: Mag ik ook iets zeggen?',
        '',
      ].join('\n'),
    );
    assert.deepEqual(t.speakers, [
      { label: 'Interviewer', name: 'Interviewer' },
      { label: 'PDV', name: 'Pieter de Vries' },
      { label: 'T12', name: 'T12' },
    ]);
    assert.match(t.text, /^---\n# .*\nparticipant:\nspeakers:\n  Interviewer: Interviewer\n  PDV: Pieter de Vries\n  T12: T12\n---\n/);
    assert.deepEqual(turnsRead(t), ['Interviewer', 'PDV', 'Interviewer', 'PDV', 'T12']);
  });

  it('takes a plain name as a label only when it opens more than one paragraph, and a bold label alone for the next paragraph', async () => {
    const docx = makeDocx([
      [{ bold: 'Anna Jansen:' }],
      ['Ik begin hier.'],
      ['Maria: zei ze toen.'],
      ['Kees Bakker: Eerste beurt.'],
      ['Ja.'],
      ['Kees Bakker: Tweede beurt.'],
    ]);
    const t = await imported('a.docx', docx);
    assert.equal(body(t), 'AJ: Ik begin hier.\n\nMaria: zei ze toen.\n\nKB: Eerste beurt.\n\nJa.\n\nKB: Tweede beurt.\n');
  });

  it('refuses a .docx that is not a Word document, in English and Dutch', async () => {
    for (const bytes of [new TextEncoder().encode('just text'), makeZipWithoutDocument()]) {
      const result = await importTranscript('Interview.docx', bytes);
      assert.ok(!result.ok);
      assert.match(importMessage(result.problem, 'en'), /^Interview\.docx is not a Word document \(\.docx\)/);
      assert.match(importMessage(result.problem, 'nl'), /^Interview\.docx is geen leesbaar Word-document/);
    }
  });
});

function makeZipWithoutDocument(): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { zipSync, strToU8 } = require('fflate') as typeof import('fflate');
  return zipSync({ 'readme.txt': strToU8('not a document') });
}

describe('importing subtitles and automatic transcriptions', () => {
  it('Teams WebVTT: voice tags become turns, one per run of a speaker, with start times', async () => {
    const t = await imported('teams.vtt');
    assert.equal(
      body(t),
      [
        '[00:03] PDV: Goedemiddag, fijn dat je tijd hebt gemaakt. Hoe ben je met muziektherapie begonnen?',
        '',
        '[00:10] AJ: Eigenlijk via een stage. Ik speelde al piano en toen zag ik wat het met die jongens deed & dat bleef.',
        '',
        '[01:02] PDV: Mooi. En nu?',
        '',
        '[1:00:02] AJ: Nu werk ik er al tien jaar.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(t.speakers, [
      { label: 'PDV', name: 'Pieter de Vries' },
      { label: 'AJ', name: 'Anna Jansen' },
    ]);
    assert.deepEqual(turnsRead(t), ['PDV', 'AJ', 'PDV', 'AJ']);
  });

  it('Zoom WebVTT: the names before the text become turns, a colon later in the text stays', async () => {
    const t = await imported('zoom.vtt');
    assert.equal(
      body(t),
      '[00:01] PDV: Goedemiddag, fijn dat je tijd hebt gemaakt. Hoe ben je met muziektherapie begonnen?\n\n[00:10] AJ: Eigenlijk via een stage. Nee: niet meteen, pas later.\n\n[00:19] PDV: Dank je.\n',
    );
  });

  it('Whisper WebVTT: no speakers; notes, styles, cue settings and inline tags go; a pause starts a paragraph', async () => {
    const t = await imported('whisper.vtt');
    assert.deepEqual(t.speakers, []);
    assert.deepEqual(turnsRead(t), []);
    assert.equal(body(t), '[00:00] Goedemiddag, fijn dat je tijd hebt gemaakt. Hoe ben je met muziektherapie begonnen?\n\n[00:12] Eigenlijk via een stage. Nee: niet meteen.\n');
    assert.equal(t.text.split('\n---\n')[0], '---\n# Set participant: to the label of the person interviewed; speakers: says who each label is.\nparticipant:');
  });

  it('SubRip: cue numbers, times and tags go; cues join into paragraphs until a pause; hours are written out', async () => {
    const t = await imported('subtitles.srt');
    assert.equal(body(t), '[00:01] Goedemiddag, fijn dat je tijd hebt gemaakt. Hoe ben je begonnen?\n\n[00:09] Eigenlijk via een stage. Nee: niet meteen.\n\n[1:02:03] Dat was het.\n');
  });

  it('Whisper JSON with diarisation: speakers become short labels', async () => {
    const t = await imported('whisperx.json');
    assert.deepEqual(turnsRead(t), ['S00', 'S01']);
    assert.equal(body(t), '[00:00] S00: Goedemiddag, fijn dat je tijd hebt gemaakt. Hoe ben je begonnen?\n\n[00:06] S01: Eigenlijk via een stage.\n\n[01:15] Dat was het.\n');
  });

  it('oTranscribe: bold labels, timestamps before the label, line breaks kept', async () => {
    const t = await imported('interview.otr');
    assert.equal(
      body(t),
      'Interviewer: [00:04] Hoe ben je begonnen?\n\n[00:09] AJ: Via een stage & daarna bleef ik.\nEcht waar.\n\nIk weet het nog goed.\n\n[1:02:05] Interviewer: Dank je.\n',
    );
  });

  it('a long monologue is cut into paragraphs at sentence ends, and subtitles in Windows-1252 are read with a warning', async () => {
    const cues = Array.from({ length: 12 }, (_, i) => `${i + 1}\n00:00:${String(i * 5).padStart(2, '0')},000 --> 00:00:${String(i * 5 + 5).padStart(2, '0')},000\nZin ${i + 1} \xe9\xe9n.\n`).join('\n');
    const bytes = Uint8Array.from(cues, (c) => c.charCodeAt(0));
    const result = await importTranscript('lang.srt', bytes);
    assert.ok(result.ok);
    assert.deepEqual(result.transcript.warnings.map((w) => w.code), ['import.windows-1252']);
    const paragraphs = body(result.transcript).trim().split('\n\n');
    assert.equal(paragraphs.length, 2);
    assert.match(paragraphs[0], /^\[00:00\] Zin 1 één\. .* Zin 9 één\.$/);
    assert.match(paragraphs[1], /^\[00:45\] Zin 10 één\./);
  });

  it('refuses files that are not what their names say, with one sentence each', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['a.vtt', '1\n00:00:01.000 --> 00:00:02.000\nHallo\n', /^a\.vtt is not a WebVTT file/],
      ['b.vtt', 'WEBVTT\n\nNOTE nothing here\n', /^b\.vtt has no cues/],
      ['c.srt', 'Hallo, dit is gewoon tekst.\n', /^c\.srt has no cues/],
      ['d.srt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /^d\.srt is not a text file/],
      ['e.json', '{"segments": 3}', /^e\.json is not a Whisper transcript/],
      ['f.json', '{oops', /^f\.json is not JSON/],
      ['g.otr', '{"media": "x.mp3"}', /^g\.otr is not an oTranscribe file/],
      ['h.doc', 'x', /^h\.doc is not a kind of file Codeboom imports: open it in your word processor and save it as \.docx/],
      ['i.pdf', 'x', /^i\.pdf is not a kind of file Codeboom imports/],
      ['j.json', '{"segments": [{"start": 0, "end": 1, "text": " "}]}', /^j\.json holds no text to import\./],
    ];
    for (const [name, content, expected] of cases) {
      const result = await importTranscript(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      assert.ok(!result.ok, name);
      assert.match(importMessage(result.problem, 'en'), expected);
      assert.ok(importMessage(result.problem, 'nl').startsWith(name), name);
    }
  });
});

describe('transcript file names and speaker labels', () => {
  it('names the transcript after the file, without folders or characters file systems refuse', () => {
    assert.equal(transcriptFileName('Interview 3.docx'), 'Interview 3.txt');
    assert.equal(transcriptFileName('/home/x/opnames/T12 – 2016.vtt'), 'T12 – 2016.txt');
    assert.equal(transcriptFileName('..\\..\\evil.srt'), 'evil.txt');
    assert.equal(transcriptFileName('a:b?.srt'), 'a-b-.txt');
    assert.equal(transcriptFileName('...vtt'), 'transcript.txt');
    assert.equal(transcriptFileName('con.docx'), 'con-transcript.txt');
  });

  it('gives names labels the engine reads, all different, never an interviewer label to another speaker', () => {
    assert.deepEqual(
      assignSpeakerLabels(['Pieter de Vries', 'Paul de Vos', 'Ingrid', 'I', 'T12', 'Interviewer', 'SPEAKER_00', '王小明']).map((s) => s.label),
      ['PDV', 'PDV2', 'I2', 'I', 'T12', 'Interviewer', 'S00', 'S'],
    );
  });
});

describe('importing in a browser', () => {
  it('bundles for the browser without Node built-ins, and reads a Word document and subtitles there', async function () {
    this.timeout(60_000);
    const esbuild = await import('esbuild');
    const vm = await import('node:vm');
    const built = await esbuild.build({
      entryPoints: [path.join(__dirname, '../../server/src/engine/import/transcriptImport.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'codeboomImport',
      write: false,
      logLevel: 'silent',
    });
    // What a web worker has, and nothing of Node: no Buffer, no process, no require.
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, setTimeout, clearTimeout, queueMicrotask, Uint8Array, ArrayBuffer, Promise };
    sandbox.self = sandbox;
    vm.runInNewContext(built.outputFiles[0].text, vm.createContext(sandbox));
    const api = sandbox.codeboomImport as typeof import('../../server/src/engine/import/transcriptImport');
    const docx = await api.importTranscript('a.docx', makeDocx([[{ bold: 'Anna Jansen:' }, ' Hallo.', 'br', 'Twee.'], { table: [['a', 'b']] }]));
    assert.ok(docx.ok);
    assert.equal(body(docx.transcript), 'AJ: Hallo.\nTwee.\n\na | b\n');
    const vtt = await api.importTranscript('teams.vtt', new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'teams.vtt'))));
    assert.ok(vtt.ok);
    assert.deepEqual(Array.from(vtt.transcript.speakers, (s) => s.label), ['PDV', 'AJ']);
  });
});
