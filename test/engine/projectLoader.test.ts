/**
 * The one loader over an in-memory host: which files it reads, which it leaves out and why, and what it
 * says when no file is a transcript. The same loader serves the command line (over the Node host).
 */
import { strict as assert } from 'node:assert';
import { MemoryHost } from '../../server/src/engine/host/memoryHost';
import { joinUri, relativeId, sameUri, uriKey } from '../../server/src/engine/host/uris';
import { globsToWatch, WATCHED_GLOBS } from '../../server/src/engine/project/projectFiles';
import { loadProject } from '../../server/src/engine/project/projectLoader';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const ROOT = 'memfs:/studie';
const uri = (id: string) => `${ROOT}/${id}`;
const T1 = '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/geduld]]\n';

/** UTF-16 little-endian with its byte-order mark, as Notepad saves "Unicode". */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const problems = (loaded: Awaited<ReturnType<typeof loadProject>>) =>
  loaded.fileProblems.map(({ file, problem }) => [file, problem.code, problem.args?.detail ?? problem.args?.encoding ?? '']);

describe('the project loader over an in-memory host', () => {
  it('indexes every transcript, leaves out what its globs do not match, and names each file it cannot use', async () => {
    const host = new MemoryHost({
      [uri('codebook.yaml')]: SMALL_CODEBOOK,
      [uri('T1.txt')]: T1,
      [uri('T2.txt')]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      [uri('T3.txt')]: utf16le('T3= Hallo.\n'),
      [uri('T4.txt')]: new Uint8Array([0x54, 0x34, 0x3d, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
      [uri('T5.txt')]: T1.replace(/T1/g, 'T5'),
      [uri('notes/readme.md')]: 'not a transcript\n',
      [uri('node_modules/x/T9.txt')]: T1,
    });
    host.deny(uri('T5.txt'));
    const loaded = await loadProject(host, ROOT);
    assert.deepEqual(loaded.index.documents().map((d) => d.id), ['T1.txt']);
    assert.deepEqual(problems(loaded), [
      ['T2.txt', 'file.binary', ''],
      ['T3.txt', 'file.not-utf8', 'UTF-16'],
      ['T4.txt', 'file.not-utf8', ''],
      ['T5.txt', 'file.unreadable', 'EACCES'],
    ]);
    assert.equal(loaded.complete, true);
    assert.ok(!loaded.files.some((f) => f.startsWith('node_modules/')), 'node_modules is not listed');
    // The words of a closed transcript are read again through the host when a feature needs them.
    assert.equal(loaded.index.parsed('T1.txt')!.text, T1);
  });

  it('takes off a byte-order mark, and says which transcripts had one', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(T1)]);
    const host = new MemoryHost({ [uri('codebook.yaml')]: SMALL_CODEBOOK, [uri('T1.txt')]: bom, [uri('T2.txt')]: T1.replace(/T1/g, 'T2') });
    const loaded = await loadProject(host, ROOT);
    assert.deepEqual([...loaded.withBom], ['T1.txt']);
    assert.deepEqual(problems(loaded), []);
    assert.equal(loaded.index.parsed('T1.txt')!.text, T1);
    assert.deepEqual(loaded.index.participants(), ['T1', 'T2']);
  });

  it('names a folder it cannot read, and then does not say that no file is a transcript', async () => {
    const host = new MemoryHost({
      [uri('codebook.yaml')]: SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["interviews/**/*.txt"]'),
      [uri('interviews/T1.txt')]: T1,
    });
    host.deny(uri('interviews'));
    const loaded = await loadProject(host, ROOT);
    assert.deepEqual(problems(loaded), [['interviews', 'file.unreadable', 'EACCES']]);
    assert.equal(loaded.fileProblems[0].problem.args?.folder, 'yes');
    assert.equal(loaded.index.size, 0);
  });

  it('says when no file is a transcript, with the files that look like one', async () => {
    const codebook = SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["transcripts/*.txt"]');
    const host = new MemoryHost({
      [uri('codebook.yaml')]: codebook,
      [uri('interviews/T1.txt')]: T1,
      [uri('interviews/T2.docx')]: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    });
    const loaded = await loadProject(host, ROOT);
    assert.deepEqual(problems(loaded), [['codebook.yaml', 'project.no-transcripts', '']]);
    const args = loaded.fileProblems[0].problem.args!;
    assert.deepEqual([args.textFiles, args.textExample, args.documents, args.documentExample], [1, 'interviews/T1.txt', 1, 'interviews/T2.docx']);
    // It points at `transcripts:` in codebook.yaml.
    const span = loaded.fileProblems[0].problem.span;
    assert.equal(codebook.slice(span.start, span.end), 'transcripts');
  });

  it('reads a project whose codebook cannot be read with an empty codebook and an error', async () => {
    const host = new MemoryHost({ [uri('codebook.yaml')]: SMALL_CODEBOOK, [uri('T1.txt')]: T1 });
    host.deny(uri('codebook.yaml'), 'EPERM');
    const loaded = await loadProject(host, ROOT);
    assert.deepEqual(problems(loaded)[0], ['codebook.yaml', 'file.unreadable', 'EPERM']);
    assert.equal(loaded.fileProblems[0].problem.severity, 'error');
  });

  it('uses an editor\'s open text before the file, reports progress and stops when aborted', async () => {
    const files: Record<string, string> = { [uri('codebook.yaml')]: SMALL_CODEBOOK };
    for (let i = 1; i <= 5; i++) files[uri(`T${i}.txt`)] = T1.replace(/T1/g, `T${i}`);
    const host = new MemoryHost(files);
    const seen: [number, number][] = [];
    const signal = { aborted: false };
    const loaded = await loadProject(host, ROOT, {
      openText: (id) => (id === 'T1.txt' ? 'T1= Open. [[effect/band]]\n' : undefined),
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done === 3) signal.aborted = true;
      },
      signal,
    });
    assert.deepEqual(seen, [[1, 5], [2, 5], [3, 5]]);
    assert.equal(loaded.complete, false);
    assert.deepEqual(loaded.index.documents().map((d) => d.id), ['T1.txt', 'T2.txt', 'T3.txt']);
    assert.equal(loaded.index.parsed('T1.txt')!.text, 'T1= Open. [[effect/band]]\n');
  });

  it('keeps the bytes of each transcript when the host reads only by promise, to quote it later', async () => {
    const host = new MemoryHost({ [uri('codebook.yaml')]: SMALL_CODEBOOK, [uri('T1.txt')]: T1 }, { synchronous: false });
    const loaded = await loadProject(host, ROOT);
    host.delete(uri('T1.txt'));
    assert.equal(loaded.index.parsed('T1.txt')!.text, T1);
  });
});

describe('URIs of a project', () => {
  it('join a root and an id, and find the id again from any spelling of the URI', () => {
    assert.equal(joinUri('file:///home/a b/', 'interviews/T (1).txt'), 'file:///home/a b/interviews/T%20%281%29.txt');
    assert.equal(relativeId('file:///home/a%20b', 'file:///home/a b/interviews/T%20(1).txt'), 'interviews/T (1).txt');
    assert.equal(relativeId('file:///home/ab', 'file:///home/abc/T1.txt'), undefined);
    assert.equal(relativeId('vscode-vfs://github/o/r', 'vscode-vfs://github/o/r'), '');
    assert.ok(sameUri('file:///C:/Users/x', 'file:///c%3A/Users/x/'));
    assert.equal(uriKey('MEMFS:/a/'), 'memfs:/a');
  });
});

describe('which files make a project', () => {
  it('watches every codebook and text file, and a project\'s own globs only when they name other files', () => {
    assert.deepEqual([...WATCHED_GLOBS], ['**/codebook.yaml', '**/*.{txt,md,text,transcript}']);
    assert.deepEqual(globsToWatch(['*.txt', 'interviews/**/*.{txt,md}', 'interviews/*.tr', 'x/*.transcript']), ['interviews/*.tr']);
  });
});
