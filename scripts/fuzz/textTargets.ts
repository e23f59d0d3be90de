/**
 * The targets of text: transcripts (as files are read and as editors send them, and edited) and codebooks
 * (with a transcript checked against each). Both run the engine synchronously, so a case that never ends
 * would simply keep the run from finishing; sizes are bounded so that every honest case ends quickly.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { segmentRows } from '../../server/src/engine/report/segmentTable';
import { TextPositions } from '../../server/src/engine/text/positions';
import { digestParsed } from '../../server/src/engine/transcript/digest';
import { resolveTranscript } from '../../server/src/engine/transcript/resolve';
import { cleanText, parseTranscript } from '../../server/src/engine/transcript/transcript';
import { readTranscriptNow } from '../../server/src/engine/project/projectLoader';
import { decodeText } from '../../server/src/engine/text/fileText';
import { NodeHost, pathToUri } from '../../server/src/node/nodeHost';
import { anyText, codebookText, FUZZ_CODEBOOK, textEdit, transcriptText, type TextEdit } from './generators';
import { clip, ensure, ensureDiagnostic, ensureEqual, ensureInside, ensureTranscript, indexSnapshot } from './invariants';
import type { FuzzTarget } from './target';

const fuzzCodebook = parseCodebook(FUZZ_CODEBOOK);
const ID = 'T01.txt';

interface TranscriptCase {
  /** The file's text after its byte-order mark, if it has one (so U+FEFF may follow a mark). */
  text: string;
  bom: boolean;
  /** What an editor may send: any string, lone surrogates included. */
  editorText: string;
  edits: TextEdit[];
}

export function transcriptsTarget(): FuzzTarget<TranscriptCase> {
  let dir: string | undefined;
  const host = new NodeHost();
  return {
    name: 'transcripts',
    arbitrary: fc.record({ text: transcriptText, bom: fc.boolean(), editorText: anyText, edits: fc.array(textEdit, { maxLength: 12 }) }),
    setup() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeboom-fuzz-'));
    },
    teardown() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
    check(c, counts) {
      ensure(dir, 'the target was not set up');
      // A file: only its first byte-order mark is not text; every later U+FEFF is a character where it stands.
      const bytes = Buffer.concat([c.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(c.text, 'utf8')]);
      const expected = !c.bom && c.text.startsWith('\ufeff') ? c.text.slice(1) : c.text;
      counts.add('transcripts read from a file');
      if (c.text.includes('\ufeff')) counts.add('with U+FEFF in their text');
      if (c.bom) counts.add('with a byte-order mark');
      if (bytes.subarray(0, 8192).includes(0)) {
        counts.add('refused as binary (a NUL byte)');
        return;
      }
      const decoded = decodeText(bytes, ID);
      ensure(decoded.ok, `a UTF-8 file was refused: ${decoded.ok ? '' : decoded.problem.code}`);
      ensureEqual(decoded.text, expected, 'the text read from a file is the file without its first byte-order mark');
      const file = path.join(dir, ID);
      fs.writeFileSync(file, bytes);
      const read = readTranscriptNow(host, pathToUri(file), ID)!;
      ensure(read.ok, `a UTF-8 file was refused when indexed from its bytes: ${read.ok ? '' : read.problem.code}`);

      // Indexed from its bytes, as the command line does, and from its text, as the editor does: the same.
      const fromBytes = new ProjectIndex(fuzzCodebook, { encode: host.encode, readText: () => (decoded.ok ? decoded.text : undefined) });
      fromBytes.setBytes(ID, read.bytes);
      const fromText = new ProjectIndex(fuzzCodebook);
      fromText.set(ID, expected);
      ensureEqual(indexSnapshot(fromBytes), indexSnapshot(fromText), 'a transcript indexed from its bytes equals the same transcript indexed from its text');
      const parsed = fromText.parsed(ID)!;
      const doc = fromText.documents()[0];
      ensureTranscript(parsed, doc.resolved, fuzzCodebook, 'the file');
      counts.add('segments', doc.resolved.segments.length);
      counts.add('diagnostics', doc.resolved.diagnostics.length);

      // Every segment row's text is the text between the offsets it gives, in code points of the file's text.
      const positions = new TextPositions(expected);
      for (const row of segmentRows(fromBytes, 'en')) {
        const span = { start: positions.fromCodePoint(row.start_offset), end: positions.fromCodePoint(row.end_offset) };
        ensureInside(span, expected, `segment row ${row.code}`);
        ensureEqual(row.text, cleanText(parsed, span), `the text of a segment row (${row.code}) is the text at its offsets ${row.start_offset}-${row.end_offset}`);
        const lines = [positions.positionAt(span.start).line + 1, positions.positionAt(Math.max(span.start, span.end - 1)).line + 1];
        ensure(row.start_line === lines[0] && row.end_line >= row.start_line, `segment row ${row.code} gives lines ${row.start_line}-${row.end_line} for a span starting on line ${lines[0]}`);
      }

      // What an editor sends: any string at all.
      const editorParsed = parseTranscript(c.editorText, fuzzCodebook.settings);
      ensureTranscript(editorParsed, resolveTranscript(digestParsed(editorParsed), fuzzCodebook, 'editor.txt'), fuzzCodebook, 'the text from an editor');

      // Edited one change at a time, the index equals one rebuilt from the final texts.
      const incremental = new ProjectIndex(fuzzCodebook);
      const texts = new Map<string, string>();
      for (const e of c.edits) {
        const id = `T${e.doc}.txt`;
        if (e.kind === 'delete') {
          incremental.delete(id);
          texts.delete(id);
          continue;
        }
        let next = e.kind === 'set' ? e.text : '';
        if (e.kind === 'splice') {
          const old = texts.get(id) ?? '';
          const at = Math.min(e.at, old.length);
          next = old.slice(0, at) + e.insert + old.slice(at + e.remove);
        }
        incremental.set(id, next);
        texts.set(id, next);
      }
      const rebuilt = new ProjectIndex(fuzzCodebook);
      for (const [id, text] of texts) rebuilt.set(id, text);
      ensureEqual(indexSnapshot(incremental), indexSnapshot(rebuilt), 'after the edits, the index equals one rebuilt from the final texts');
      counts.add('edits', c.edits.length);
    },
  };
}

interface CodebookCase {
  codebook: string;
  transcript: string;
}

export function codebooksTarget(): FuzzTarget<CodebookCase> {
  return {
    name: 'codebooks',
    arbitrary: fc.record({ codebook: codebookText, transcript: transcriptText }),
    check(c, counts) {
      counts.add('codebooks');
      const codebook = parseCodebook(c.codebook);
      if (codebook.diagnostics.length > 0) counts.add('with diagnostics');
      if (!codebook.parsed) counts.add('not read as YAML');
      counts.add('codes', codebook.codes.size);
      // Ranges in the codebook come from the YAML parser, which may end one inside a surrogate pair: inside the file is the promise.
      for (const d of codebook.diagnostics) {
        ensureDiagnostic(d, c.codebook, 'codebook.yaml', false);
        // A key that appears twice is marked whole: its range ends where the key does, before its colon (or,
        // in a file the parser read a key without its colon from, which it says too, at the end of the line).
        if (d.code === 'codebook.duplicate') {
          const marked = c.codebook.slice(d.span.start, d.span.end);
          // (A key that is itself a map or list, in a file the parser could not read, is marked whole and named by its start.)
          const wholeKey = marked.replace(/^(["'])(.*)\1$/s, '$2') === String(d.args.key) || (!codebook.parsed && /^[[{]/.test(marked) && marked.startsWith(String(d.args.key)));
          // In a file the parser could not read, what follows a key may be anything the parser stopped at.
          ensure(wholeKey && (!codebook.parsed || /^["']?[ \t]*:/.test(c.codebook.slice(d.span.end))), `codebook.duplicate marks ${JSON.stringify(marked)}, not the whole key before its colon`);
        }
      }
      for (const code of codebook.codes.values()) {
        ensureInside(code.keySpan, c.codebook, `the key of code ${clip(code.path, 60)}`, false);
        ensureInside(code.entrySpan, c.codebook, `the entry of code ${clip(code.path, 60)}`, false);
        for (const a of code.aliasSpans) ensureInside(a, c.codebook, `an alias of code ${clip(code.path, 60)}`, false);
      }
      // A transcript checked against it (its speaker pattern, its codes).
      const parsed = parseTranscript(c.transcript, codebook.settings);
      ensureTranscript(parsed, resolveTranscript(digestParsed(parsed), codebook, ID), codebook, 'a transcript checked against the codebook');
      // The codebook changing under an index leaves it as one built with the new codebook.
      const index = new ProjectIndex(fuzzCodebook);
      index.set(ID, c.transcript);
      index.setCodebook(codebook);
      const rebuilt = new ProjectIndex(codebook);
      rebuilt.set(ID, c.transcript);
      ensureEqual(indexSnapshot(index), indexSnapshot(rebuilt), 'an index whose codebook changed equals one built with the new codebook');
    },
  };
}
