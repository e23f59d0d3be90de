/**
 * `codeboom import FILE`: a REFI-QDA codebook (.qdc) into codebook.yaml, or a whole REFI-QDA project
 * (.qdpx) into a new Codeboom project. Nothing is written unless everything can be.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importQdc } from '../../engine/refi/qdcImport';
import { importQdpx } from '../../engine/refi/qdpxImport';
import { RefiError } from '../../engine/refi/refiError';
import { decodeUtf8, readRefiXml } from '../../engine/refi/refiXml';
import { readImportFile, writeAllOrNothing } from '../../node/importFiles';
import { CODEBOOK_FILE, UserError } from '../../node/projectFiles';
import type { CliContext } from '../cliContext';
import type { Command, ParsedArguments } from '../command';
import { counted } from '../../engine/messages';
import { relative } from '../openProject';
import { importTranscripts } from './importTranscripts';

/** Files for the transcript import rather than the REFI-QDA one, by their names. */
const TRANSCRIPT_SOURCE = /\.(docx|vtt|srt|json|otr|doc|odt|rtf|pages)$/i;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import transcripts (Word, WebVTT, SubRip, Whisper, oTranscribe), a REFI-QDA codebook (.qdc) into codebook.yaml, or a whole project (.qdpx) from MAXQDA, NVivo, ATLAS.ti and others.',
  usage:
    'codeboom import FILE.docx|.vtt|.srt|.json|.otr... [--into DIR] [--force] | codeboom import FILE.qdc [--into DIR] [--merge] | codeboom import FILE.qdpx --into DIR [--force] [--inclusive-end] [--crlf-as-one]',
  help: [
    '  .docx .vtt .srt .json (Whisper) .otr (oTranscribe)',
    '         one transcript per file, named after it (Interview 3.docx -> Interview 3.txt), into DIR;',
    "         without --into: the project's transcripts folder (from project.transcripts), or the current",
    '         folder outside a project. An existing transcript is only replaced with --force.',
    '  .qdc   creates DIR/codebook.yaml, or with --merge updates it: codes are matched by GUID, then by name;',
    '         matched codes keep their slug; codes the file lacks are kept (default DIR: .)',
    '  .qdpx  writes codebook.yaml and transcripts/*.txt into DIR; sources that are not plain text are',
    '         listed as skipped. Existing files are only replaced with --force.',
    '  --inclusive-end  read end positions as the last character (default: the position after it)',
    '  --crlf-as-one    for tools that count a CRLF line break as one character',
    "  --lang           the language labels are updated in (default: the codebook's project.language)",
  ].join('\n'),
  options: {
    into: { type: 'string' },
    force: { type: 'boolean' },
    merge: { type: 'boolean' },
    'inclusive-end': { type: 'boolean' },
    'crlf-as-one': { type: 'boolean' },
    lang: { type: 'string' },
  },
  run(ctx, args) {
    if (args.positionals.some((f) => TRANSCRIPT_SOURCE.test(f))) return importTranscripts(ctx, args);
    const file = args.positionals[0];
    if (!file || args.positionals.length > 1) throw new UserError(`Give one file to import. Usage: ${importCommand.usage}`);
    const lang = args.values.lang as string | undefined;
    if (lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) throw new UserError(`--lang must be a language code such as nl or en, not '${lang}'.`);
    const bytes = readImportFile(path.resolve(ctx.cwd, file), file);
    try {
      return isZip(bytes) ? importProject(ctx, bytes, args) : importCodebookFile(ctx, bytes, file, args);
    } catch (e) {
      if (e instanceof RefiError) throw new UserError(e.message);
      throw e;
    }
  },
};

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function importCodebookFile(ctx: CliContext, bytes: Uint8Array, file: string, { values }: ParsedArguments): number {
  if (/\.qdpx$/i.test(file)) throw new UserError(`${file} is not a zip file: a .qdpx is a zip of project.qde and its sources.`);
  // Checked before any folder is looked at, so a wrong file gets the message about the file.
  readRefiXml(decodeUtf8(bytes, file), file, 'codebook');
  const dir = path.resolve(ctx.cwd, (values.into as string | undefined) ?? '.');
  if (!fs.existsSync(dir)) throw new UserError(`There is no folder ${relative(ctx, dir)}: create it first.`);
  const target = path.join(dir, CODEBOOK_FILE);
  const existing = fs.existsSync(target) ? decodeUtf8(fs.readFileSync(target), CODEBOOK_FILE) : undefined;
  if (existing !== undefined && !values.merge) {
    throw new UserError(
      `${relative(ctx, target)} exists: add --merge to update it with the codes of ${file} (matched by GUID, then by name; none is removed), or import into another folder with --into DIR.`,
    );
  }
  const result = importQdc(bytes, existing, { language: values.lang as string | undefined });
  writeAllOrNothing(dir, [{ path: CODEBOOK_FILE, content: result.text }], { force: true, displayRoot: relative(ctx, dir) });
  const s = result.summary;
  const shown = relative(ctx, target);
  if (existing === undefined) {
    ctx.stderr(`Wrote ${shown}: ${counted(s.added, 'code', 'codes')}.\n`);
  } else {
    const kept = s.kept > 0 ? `; ${counted(s.kept, 'code', 'codes')} not in the file kept` : '';
    const moved = s.moved > 0 ? `, ${s.moved} moved (their old paths are aliases)` : '';
    ctx.stderr(`Updated ${shown}: ${s.added} added, ${s.updated} updated${moved}, ${s.unchanged} unchanged${kept}.\n`);
  }
  return 0;
}

function importProject(ctx: CliContext, bytes: Uint8Array, { values }: ParsedArguments): number {
  const into = values.into as string | undefined;
  if (!into) throw new UserError('Say which folder the project goes into: --into DIR.');
  const plan = importQdpx(bytes, {
    endPosition: values['inclusive-end'] ? 'inclusive' : 'exclusive',
    crlfAsOne: Boolean(values['crlf-as-one']),
  });
  const dir = path.resolve(ctx.cwd, into);
  writeAllOrNothing(dir, plan.files, { force: Boolean(values.force), displayRoot: relative(ctx, dir) });
  for (const s of plan.skipped) ctx.stderr(`skipped: ${s.source}: ${s.reason}.\n`);
  for (const w of plan.warnings) ctx.stderr(`warning: ${w}\n`);
  const s = plan.summary;
  ctx.stderr(
    `Imported into ${relative(ctx, dir)}: ${counted(s.codes, 'code', 'codes')}, ${counted(s.transcripts, 'transcript', 'transcripts')} with ${counted(s.selections, 'coded passage', 'coded passages')} and ${counted(s.codings, 'coding', 'codings')}${plan.skipped.length > 0 ? `; ${counted(plan.skipped.length, 'source', 'sources')} skipped` : ''}.\n`,
  );
  return 0;
}
