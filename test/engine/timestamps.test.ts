import { strict as assert } from 'node:assert';
import { documentVariables } from '../../server/src/engine/analysis/retrieval';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { mediaReference } from '../../server/src/engine/transcript/media';
import { findTimestamps, formatTimestamp, parseTimestamp, timeLabel, timestampAt, timestampInsertText } from '../../server/src/engine/transcript/timestamps';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

describe('timestamps and the recording of a transcript', () => {
  it('reads [mm:ss] and [h:mm:ss] as seconds, and nothing else', () => {
    assert.equal(parseTimestamp('[32:56]'), 32 * 60 + 56);
    assert.equal(parseTimestamp('[1:02:03]'), 3600 + 2 * 60 + 3);
    assert.equal(parseTimestamp('05:07'), 307);
    assert.equal(parseTimestamp('[00:00]'), 0);
    for (const no of ['[5]', '[123:45]', '[1:2]', '[1:02:03:04]', 'twaalf', '[12:345]', '']) assert.equal(parseTimestamp(no), undefined, no);
  });

  it('writes [mm:ss] under an hour and [h:mm:ss] from an hour, as the import does', () => {
    assert.equal(formatTimestamp(0), '[00:00]');
    assert.equal(formatTimestamp(62.9), '[01:02]', 'fractions dropped');
    assert.equal(formatTimestamp(32 * 60 + 56), '[32:56]');
    assert.equal(formatTimestamp(3723), '[1:02:03]');
    assert.equal(formatTimestamp(-4), '[00:00]');
    assert.equal(formatTimestamp(Number.NaN), '[00:00]');
    for (const s of [0, 59, 60, 3599, 3600, 36000 + 7]) assert.equal(parseTimestamp(formatTimestamp(s)), s, `round trip of ${s}`);
    assert.equal(timeLabel(125), '2:05');
    assert.equal(timeLabel(32 * 60 + 56), '32:56');
    assert.equal(timeLabel(3723), '1:02:03');
  });

  it('finds the timestamps of a text, not the brackets of tags or annotations', () => {
    const text = '[00:10] T9= Ja. [[12:30]] [onverstaanbaar] en dan [1:02:03] verder [12:345] of [5:5].';
    const found = findTimestamps(text);
    assert.deepEqual(found.map((t) => [text.slice(t.span.start, t.span.end), t.seconds]), [['[00:10]', 10], ['[1:02:03]', 3723]]);
    assert.deepEqual(findTimestamps(text, 1), [found[1]], 'from an offset on (after the front matter)');
  });

  it('picks the timestamp of the cursor line, else the last one before the cursor', () => {
    const text = '[00:10] T9= Ja.\nverder\n\n[01:00] I= En?\n';
    const ts = findTimestamps(text);
    const line = (n: number) => {
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      return [starts[n], starts[n + 1] ?? text.length] as const;
    };
    assert.equal(timestampAt(ts, 3, ...line(0))?.seconds, 10, 'on its own line');
    assert.equal(timestampAt(ts, text.indexOf('verder') + 2, ...line(1))?.seconds, 10, 'a later line of the paragraph');
    assert.equal(timestampAt(ts, text.indexOf('En?'), ...line(3))?.seconds, 60);
    assert.equal(timestampAt([], 0, 0, 5), undefined);
  });

  it('inserts a timestamp with a space where it would touch a word', () => {
    assert.equal(timestampInsertText(75, '', 'T9= ja'), '[01:15] ');
    assert.equal(timestampInsertText(75, 'a', ''), ' [01:15] ');
    assert.equal(timestampInsertText(75, ' ', ' '), '[01:15]');
    assert.equal(timestampInsertText(3723, '.', 'E'), ' [1:02:03] ');
  });

  it('takes media: as a path inside the project with a playable extension', () => {
    assert.deepEqual(mediaReference('audio/T09.m4a'), { ok: true, path: 'audio/T09.m4a', kind: 'audio', extension: 'm4a' });
    assert.deepEqual(mediaReference(' ./audio\\sub/../T09.MP4 '), { ok: true, path: 'audio/T09.MP4', kind: 'video', extension: 'mp4' });
    for (const ext of ['mp3', 'm4a', 'wav', 'ogg', 'mp4', 'webm']) assert.equal(mediaReference(`a.${ext}`).ok, true, ext);
    assert.deepEqual(mediaReference('audio/T09.wma'), { ok: false, problem: 'not-playable', path: 'audio/T09.wma', extension: 'wma' });
    assert.deepEqual(mediaReference('audio/T09'), { ok: false, problem: 'not-playable', path: 'audio/T09', extension: '' });
    assert.equal((mediaReference('../T09.mp3') as { problem: string }).problem, 'outside');
    for (const abs of ['/home/x/T09.mp3', 'C:\\T09.mp3', 'file:///T09.mp3', 'https://example.org/T09.mp3']) {
      assert.equal((mediaReference(abs) as { problem: string }).problem, 'absolute', abs);
    }
    assert.equal((mediaReference('') as { problem: string }).problem, 'empty');
  });

  it('keeps media: out of the document variables, as participant and speakers are', () => {
    const index = new ProjectIndex(parseCodebook(SMALL_CODEBOOK));
    index.set('T9.txt', '---\nparticipant: T9\nmedia: audio/T09.m4a\ndiscipline: muziek\n---\nT9= Ja.\n');
    index.set('T10.txt', '---\nparticipant: T10\nmedia:\n  - a.mp3\n---\nT10= Ja.\n');
    assert.equal(index.parsed('T9.txt')!.frontMatter!.media, 'audio/T09.m4a');
    assert.deepEqual([...documentVariables(index).keys()], ['discipline']);
  });
});
