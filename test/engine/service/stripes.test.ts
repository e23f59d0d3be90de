import { strict as assert } from 'node:assert';
import { words } from '../../../server/src/engine/messages';
import { documentMedia, mediaProblem, playFrom } from '../../../server/src/engine/service/media';
import { CODEBOOK_ID } from '../../../server/src/engine/service/model';
import { codingStripes } from '../../../server/src/engine/service/stripes';
import { markedProject } from './serviceProject';

const T1 = [
  '---', // 0
  'participant: T1',
  '---',
  'I= Hoe begin je?', // 3
  '',
  'T1= Ik wacht af. [[afstemmen/geduld]] [[effect/band]]', // 5
  'en blijf. [[afstemmen/geduld]]',
  '',
  'T1= Dan {{speel ik mee}}[[afstemmen/improvisatie]] en', // 8
  '{{wacht ik}}[[afstemmen/geduld]] af.', // 9
  '',
  'T1= Iets [[bestaat/niet]]', // 11
  '',
].join('\n');

describe('service: coding stripes', () => {
  it('gives every code of the segments that start on a line, once each, with label and colour', () => {
    const { model } = markedProject({ 'T1.txt': T1 }, { labelLanguage: 'en' });
    const stripes = codingStripes(model, 'T1.txt')!;
    assert.deepEqual(stripes, [
      {
        line: 5,
        codes: [
          { path: 'afstemmen/geduld', label: 'Patience', color: '#2a9d8f', passage: false },
          { path: 'effect/band', label: 'Bond', color: undefined, passage: false },
        ],
      },
      { line: 8, codes: [{ path: 'afstemmen/improvisatie', label: 'Improvisational ability', color: '#2a9d8f', passage: true }] },
      { line: 9, codes: [{ path: 'afstemmen/geduld', label: 'Patience', color: '#2a9d8f', passage: true }] },
    ]);
  });

  it('labels in the label language, and follows the codebook when a code is merged', () => {
    const { model } = markedProject({ 'T1.txt': 'T1= Oud. [[effect/oud]] [[afstemmen/geduld]]\n' }, { labelLanguage: 'nl' });
    assert.deepEqual(codingStripes(model, 'T1.txt')!.map((l) => [l.line, l.codes.map((c) => c.label)]), [[0, ['Band (samenwerking)', 'Geduld']]]);
  });

  it('has nothing for the codebook, an unknown document or an uncoded one', () => {
    const { model } = markedProject({ 'T1.txt': 'T1= Niets.\n' });
    assert.equal(codingStripes(model, CODEBOOK_ID), undefined);
    assert.equal(codingStripes(model, 'T9.txt'), undefined);
    assert.deepEqual(codingStripes(model, 'T1.txt'), []);
  });
});

describe('service: the recording of a transcript', () => {
  const T9 = '---\nparticipant: T9\nmedia: audio/T09.m4a\nopname: "[09:00]"\n---\n[00:10] T9= Ja [12:00] en nog eens.\nverder\n\n[1:02:03] I= En?\n';

  it('gives media: judged and the timestamps of the body, not of the front matter', () => {
    const { model } = markedProject({ 'T9.txt': T9 });
    const found = documentMedia(model, 'T9.txt')!;
    assert.deepEqual(found.media, { ok: true, path: 'audio/T09.m4a', kind: 'audio', extension: 'm4a' });
    assert.deepEqual(found.timestamps.map((t) => t.seconds), [10, 720, 3723]);
    assert.equal(documentMedia(model, CODEBOOK_ID), undefined);
  });

  it('plays from the first timestamp of the cursor line, else the last before it, else the start', () => {
    const { model } = markedProject({ 'T9.txt': T9, 'T1.txt': 'T1= Geen tijden.\n' });
    const found = documentMedia(model, 'T9.txt')!;
    assert.equal(playFrom(model, 'T9.txt', found, T9.indexOf('en nog eens')).seconds, 10, 'the line opens with [00:10]');
    assert.equal(playFrom(model, 'T9.txt', found, T9.indexOf('verder')).seconds, 720, 'the last one before the cursor');
    assert.equal(playFrom(model, 'T9.txt', found, T9.indexOf('En?')).seconds, 3723);
    assert.equal(playFrom(model, 'T9.txt', found, 0).seconds, 0, 'before any timestamp');
    assert.equal(playFrom(model, 'T1.txt', documentMedia(model, 'T1.txt')!, 3).seconds, 0);
  });

  it('says in one sentence why a recording cannot be played', () => {
    const { model } = markedProject({ 'T1.txt': 'T1= Geen opname.\n', 'T2.txt': '---\nmedia: audio/T2.wma\n---\nT2= Ja.\n' });
    assert.equal(mediaProblem('en', documentMedia(model, 'T1.txt')!.media, undefined), words('en', 'media.none'));
    assert.equal(mediaProblem('en', documentMedia(model, 'T2.txt')!.media, 'file'), 'VS Code cannot play .wma files: convert audio/T2.wma to .m4a or .mp3.');
    const ok = { ok: true as const, path: 'audio/T09.m4a', kind: 'audio' as const, extension: 'm4a' };
    assert.equal(mediaProblem('en', ok, undefined), 'audio/T09.m4a is not in the project folder: check media: in the front matter.');
    assert.equal(mediaProblem('nl', ok, undefined), 'audio/T09.m4a staat niet in de projectmap: controleer media: in de front matter.');
    assert.match(mediaProblem('en', ok, 'folder')!, /is a folder/);
    assert.match(mediaProblem('en', { ok: false, problem: 'outside', path: '../x.mp3', extension: 'mp3' }, undefined)!, /not inside the project folder/);
    assert.equal(mediaProblem('en', ok, 'file'), undefined);
  });
});
