/**
 * Hostile and broken input: each is refused with one sentence that says what is wrong, and the command
 * line writes nothing at all.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { exportQdpx } from '../../server/src/engine/refi/qdpxExport';
import { declaredSizeProblem, DEFAULT_ZIP_LIMITS } from '../../server/src/engine/refi/zip';
import { importQdpx } from '../../server/src/engine/refi/qdpxImport';
import { RefiError } from '../../server/src/engine/refi/refiError';
import { tempProject } from '../helpers/tempProject';
import { runCli } from '../cli/runCli';
import { GUID, projectXml, qdpx, textSource } from './helpers';

const TEXT = 'Short text.\n';
const good = (path = 'internal://a.txt', start = 0, end = 5) => projectXml(textSource(path, start, end));

/** Imports through the engine and through the command line; both must refuse with the message. */
async function refused(bytes: Uint8Array, message: RegExp): Promise<void> {
  assert.throws(() => importQdpx(bytes), (e: unknown) => e instanceof RefiError && message.test(e.message));
  const project = tempProject({ 'in.qdpx': bytes });
  try {
    const run = await runCli(['import', 'in.qdpx', '--into', 'out'], { cwd: project.root });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, 'one sentence, no stack trace');
    assert.equal(fs.existsSync(path.join(project.root, 'out')), false, 'nothing written');
  } finally {
    project.dispose();
  }
}

/** Rewrites a central-directory field of every entry (offset from the entry's signature). */
function patchCentral(zip: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 46 <= copy.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + offset, value, true);
  return copy;
}

describe('REFI-QDA import of hostile or broken files', () => {
  it('refuses zip entries that climb out of the folder or are absolute', async () => {
    for (const name of ['../evil.txt', 'sources/../../evil.txt', '/etc/evil.txt', 'C:/evil.txt', '..\\evil.txt']) {
      await refused(qdpx(good(), { 'sources/a.txt': TEXT, [name]: 'x' }), /points outside the project/);
    }
  });

  it('refuses a plainTextPath that points outside the .qdpx', async () => {
    for (const p of ['internal://../../etc/passwd', 'absolute:///etc/passwd', 'relative://../secret.txt', '/etc/passwd', 'C:\\Windows\\win.ini', 'internal://%2e%2e/x.txt']) {
      await refused(qdpx(good(p), { 'sources/a.txt': TEXT }), /outside the \.qdpx: the file may have been crafted/);
    }
  });

  it('stops inflating a zip bomb by the bytes it produces, whatever sizes the zip declares', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = patchCentral(qdpx(good(), { 'sources/a.txt': zeros }), 24, 100);
    await refused(bomb, /in The \.qdpx file inflates to more than the 100 bytes it declares: it looks like a zip bomb/);
    // A bomb that declares what it holds is refused before anything is inflated.
    const declared = patchCentral(qdpx(good(), { 'sources/a.txt': zeros }), 24, 0xfffffff0);
    await refused(declared, /holds 4096 MiB, more than Codeboom imports \(512 MiB a file, 1024 MiB in all\)/);
    // The per-file and total limits hold for ordinary text too.
    const text = strToU8('Wörds that do not compress much, 😀 '.repeat(40000));
    const limits = { maxEntryBytes: 512 * 1024, maxTotalBytes: 1024 * 1024 * 1024, maxEntries: 100 };
    assert.throws(() => importQdpx(qdpx(good(), { 'sources/a.txt': text }), { limits }), /more than Codeboom imports \(1 MiB a file/);
    const total = { ...limits, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 1024 * 1024 };
    assert.throws(() => importQdpx(qdpx(good(), { 'sources/a.txt': text }), { limits: total }), /after 1 MiB of other files|more than Codeboom imports/);
  });

  it('lets every honest export back in: the limits follow the declared sizes, not the compression ratio', () => {
    // Text that compresses far better than 200:1 (the limit before): 3 MiB of one repeated turn.
    const turn = 'I= Ja?\nT1= Ja, zeker.\n';
    const index = new ProjectIndex(parseCodebook('codes:\n  ja:\n    label: Ja\n'));
    index.set('T1.txt', `---\nparticipant: T1\n---\nT1= {{Ja.}}[[ja]]\n${turn.repeat(Math.ceil((3 * 1024 * 1024) / turn.length))}`);
    const bytes = exportQdpx(index);
    const source = Object.entries(unzipSync(bytes)).find(([n]) => n.startsWith('sources/'))![1];
    assert.ok(source.length > 3 * 1024 * 1024 && bytes.length * 200 < source.length, 'compresses past 200:1');
    const plan = importQdpx(bytes);
    assert.deepEqual(plan.skipped, []);
    assert.equal(plan.summary.codings, 1);
    // What a project of 100 MB of transcripts, and more, declares is read; more than 1 GiB in all is not.
    const MiB = 1024 * 1024;
    assert.equal(declaredSizeProblem(100 * MiB, 0, DEFAULT_ZIP_LIMITS), undefined);
    assert.equal(declaredSizeProblem(300 * MiB, 400 * MiB, DEFAULT_ZIP_LIMITS), undefined);
    assert.match(declaredSizeProblem(600 * MiB, 0, DEFAULT_ZIP_LIMITS)!, /holds 600 MiB, more than Codeboom imports/);
    assert.match(declaredSizeProblem(400 * MiB, 700 * MiB, DEFAULT_ZIP_LIMITS)!, /after 700 MiB of other files/);
  });

  it('refuses what is not a zip, and a damaged zip', async () => {
    await refused(strToU8('<Project/>'), /not a zip file/);
    const zip = qdpx(good(), { 'sources/a.txt': TEXT });
    await refused(zip.subarray(0, zip.length - 30), /damaged zip file/);
    // Stored garbage marked as deflated: the inflater must fail cleanly.
    const garbled = markDeflated(zipSync({ 'project.qde': [new Uint8Array(100).fill(0xff), { level: 0 }] }));
    await refused(garbled, /project\.qde in The \.qdpx file is a damaged zip file/);
  });

  it('refuses XML that is not well-formed, not REFI-QDA, or has a DOCTYPE', async () => {
    await refused(qdpx('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>'), /project\.qde is not well-formed XML \(line 1: .+\)/);
    // The line is said once, not again as saxes's own 'line:column:'.
    await refused(qdpx('<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<CodeBook>\n</Codes>'), /project\.qde is not well-formed XML \(line 3: unexpected close tag\): the file is damaged/);
    await refused(qdpx('<html><body>hello</body></html>'), /project\.qde is XML but not a REFI-QDA project \(its root is <html> without a namespace/);
    await refused(qdpx('<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"/>'), /not a REFI-QDA project/);
    await refused(
      qdpx('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><Project xmlns="urn:QDA-XML:project:1.0" name="&a;"/>'),
      /not well-formed XML .*DOCTYPE/,
    );
    await refused(qdpx(new Uint8Array([0x3c, 0x50, 0xff, 0xfe])), /not UTF-8/);
    await refused(zipSync({ 'readme.txt': strToU8('hi') }), /holds no project\.qde/);
  });

  it('refuses codings outside their source or pointing at unknown codes', async () => {
    await refused(qdpx(good('internal://a.txt', 3, 40), { 'sources/a.txt': TEXT }), /runs from 3 to 40, outside its text of 12 characters/);
    await refused(qdpx(good('internal://a.txt', 8, 2), { 'sources/a.txt': TEXT }), /runs from 8 to 2/);
    await refused(qdpx(good('internal://a.txt', -1, 2), { 'sources/a.txt': TEXT }), /not whole numbers/);
    const unknown = projectXml(textSource('internal://a.txt', 0, 5, '99999999-9999-4999-8999-999999999999'));
    await refused(qdpx(unknown, { 'sources/a.txt': TEXT }), /points at the code 99999999-9999-4999-8999-999999999999, which is not in the codebook/);
    const noGuid = projectXml('').replace(`guid="${GUID.alpha}" `, '');
    await refused(qdpx(noGuid), /The code "Alpha" .* has no valid GUID/);
  });
});

/** Marks the stored entries of a zip as deflated, so garbage must go through the inflater. */
function markDeflated(zip: Uint8Array): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 30 <= copy.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint16(i + 10, 8, true);
  }
  return copy;
}
