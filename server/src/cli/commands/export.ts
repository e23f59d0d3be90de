/**
 * `codeboom export [dir] --format qdc|qdpx --out FILE`: the codebook (.qdc) or the whole project (.qdpx)
 * in the REFI-QDA exchange format that MAXQDA, NVivo, ATLAS.ti, QualCoder and others import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clashWarnings, nameClashes } from '../../engine/refi/codeNames';
import { exportQdc } from '../../engine/refi/qdcExport';
import { buildQdpx } from '../../engine/refi/qdpxExport';
import { readMemoFiles } from '../../engine/project/memoFiles';
import { NodeHost, pathToUri } from '../../node/nodeHost';
import { RefiError } from '../../engine/refi/refiError';
import { writeZip } from '../../engine/refi/zip';
import { CODEBOOK_FILE, UserError } from '../../node/projectFiles';
import { parseLanguage } from '../cliContext';
import { inputsOf, writeFileSafely } from '../outputFile';
import type { Command } from '../command';
import { VERSION } from '../../version';
import { counted } from '../../engine/messages';
import { openProject } from '../openProject';

const FORMATS = ['qdc', 'qdpx'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the codebook (.qdc) or the whole project (.qdpx) for MAXQDA, NVivo, ATLAS.ti and other REFI-QDA programs.',
  usage: 'codeboom export [dir] --format qdc|qdpx --out FILE [--lang LANG] [--unique-names]',
  help: [
    '  --format  qdc: the codebook; qdpx: codebook, transcripts without markup, codings, participants',
    '            and document variables (default: from the extension of --out)',
    '  --out     the file to write; a .qdc may also go to standard output',
    "  --lang    the language of code names and descriptions (default: the codebook's project.language)",
    "  --unique-names  give codes that share a name their parent's label, 'Geduld (Kenmerken therapeut)':",
    '            QualCoder keeps one code per name (without it, the export names such codes in a warning)',
    '  Positions in the .qdpx count Unicode code points from 0; the end position is exclusive.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    'unique-names': { type: 'boolean' },
  },
  async run(ctx, { positionals, values }) {
    const out = values.out as string | undefined;
    const format = exportFormat(values.format as string | undefined, out);
    if (format === 'qdpx' && !out) throw new UserError('A .qdpx is a zip file: say where to write it with --out FILE.qdpx.');
    const project = await openProject(ctx, positionals[0], { requireCodebook: true, language: parseLanguage(undefined, ctx.locale ?? 'en') });
    const lang = values.lang as string | undefined;
    if (lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) throw new UserError(`--lang must be a language code such as nl or en, not '${lang}'.`);
    const uniqueNames = Boolean(values['unique-names']);
    const freeMemos = (await readMemoFiles(new NodeHost(), pathToUri(project.root))).memos;
    const options = {
      language: lang,
      origin: `Codeboom ${VERSION}`,
      uniqueNames,
      fileDates: fileDates(project.root, [...project.index.documents().map((d) => d.id), ...freeMemos.map((m) => m.id)]),
      freeMemos,
    };
    try {
      if (format === 'qdc') {
        const xml = exportQdc(project.index, options);
        const warnings = uniqueNames ? [] : clashWarnings(nameClashes(project.index.codebook, lang ?? project.index.codebook.settings.language));
        if (!out) {
          ctx.stdout(xml);
          for (const w of warnings) ctx.stderr(`warning: ${w}\n`);
          return 0;
        }
        writeFileSafely(ctx, out, xml, inputsOf(project));
        for (const w of warnings) ctx.stderr(`warning: ${w}\n`);
        ctx.stderr(`Wrote ${out}: ${counted(project.index.codebook.codes.size, 'code', 'codes')}.\n`);
        return 0;
      }
      const content = buildQdpx(project.index, options);
      const zip = writeZip([{ name: 'project.qde', data: new TextEncoder().encode(content.qde) }, ...content.sources]);
      writeFileSafely(ctx, out!, zip, inputsOf(project));
      for (const w of content.warnings) ctx.stderr(`warning: ${w}\n`);
      const s = content.summary;
      ctx.stderr(
        `Wrote ${out}: ${counted(s.transcripts, 'transcript', 'transcripts')}, ${counted(s.codes, 'code', 'codes')}, ${counted(s.selections, 'coded selection', 'coded selections')} with ${counted(s.codings, 'coding', 'codings')}, ${counted(s.cases, 'case', 'cases')}.\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof RefiError) throw new UserError(e.message);
      throw e;
    }
  },
};

function exportFormat(value: string | undefined, out: string | undefined): Format {
  if (value !== undefined) {
    if (!(FORMATS as readonly string[]).includes(value)) throw new UserError(`--format must be qdc or qdpx, not '${value}'.`);
    return value as Format;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if ((FORMATS as readonly string[]).includes(ext)) return ext as Format;
  throw new UserError('Say what to export: --format qdc (the codebook) or --format qdpx (the whole project).');
}

/** When codebook.yaml and each transcript were last changed: the dates of the notes on their memos. */
function fileDates(root: string, ids: readonly string[]): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const id of [CODEBOOK_FILE, ...ids]) {
    try {
      dates.set(id, fs.statSync(path.join(root, id)).mtime);
    } catch {
      // Gone since it was read: its notes get the export's fixed date.
    }
  }
  return dates;
}

