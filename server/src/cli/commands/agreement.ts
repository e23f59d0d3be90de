/**
 * `codeboom agreement`: inter-coder agreement between coders' versions of a project, from folders or git
 * revisions, per code and for all codes, at the document and segment level; or the list of places where
 * they disagree.
 */
import * as path from 'node:path';
import { agreement, DEFAULT_MIN_OVERLAP, MAX_CODERS, type AgreementReport, type CoderVersion } from '../../engine/agreement/agreement';
import { disagreements, locateTextDifferences } from '../../engine/agreement/disagreements';
import { codeLabel } from '../../engine/codebook/codebook';
import { localize } from '../../engine/codebook/localized';
import { diagnosticMessage, type Language } from '../../engine/messages';
import {
  agreementCsv,
  agreementHtml,
  agreementJson,
  agreementText,
  disagreementsCsv,
  disagreementsHtml,
  disagreementsJson,
  disagreementsText,
  type AgreementView,
} from '../../engine/report/agreementReport';
import { versionFromFolder, versionFromRevision, type LoadedVersion } from '../../node/coderVersions';
import { CODEBOOK_FILE, findProjectRoot, readCodebookNow, UserError } from '../../node/projectFiles';
import { joinInputs, type ProjectInputs } from '../outputFile';
import { parseFormat, parseLanguage, progress, writeOutput, type CliContext } from '../cliContext';
import { withCodebookErrorsListed } from '../openProject';
import type { Command } from '../command';
import { checkedLabel } from './cooccurrence';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;

export const agreementCommand: Command = {
  name: 'agreement',
  summary: "Compare coders' versions of the same transcripts: agreement per code, kappa and alpha, and the places they disagree.",
  usage:
    'codeboom agreement DIR_A DIR_B [DIR...] | --rev REV [--rev REV...] [dir]  [--format table|csv|json|html] [--overlap 90%] [--disagreements] [--codes PATH,...] [--lang nl|en] [--out FILE]',
  help: [
    "  DIR_A DIR_B     each coder's copy of the project (or of its transcripts folder); transcripts are matched by path",
    "  --rev REV       a coder's version as committed on a branch, tag or commit of the project's git repository;",
    '                  with one --rev, the working folder is compared with it',
    '  --overlap       share of the longer segment two segments must overlap to match (default 90%)',
    '  --disagreements list every place where the coders disagree, with each coder\'s lines, codes and text',
    '  --codes         only these codes and their subcodes, separated by commas',
    '  Exit status 1 when a transcript\'s text differs between versions (it is left out and reported).',
  ].join('\n'),
  options: {
    rev: { type: 'string', multiple: true },
    format: { type: 'string' },
    overlap: { type: 'string' },
    disagreements: { type: 'boolean' },
    codes: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, FORMATS, 'table');
    const minOverlap = parseOverlap(values.overlap as string | undefined);
    const revisions = (values.rev as string[] | undefined) ?? [];
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');

    const loaded = withCodebookErrorsListed(ctx, preliminary, () => loadVersions(ctx, positionals, revisions));
    const versions = loaded.map((l) => l.version);
    for (const l of loaded) {
      for (const { problem } of l.problems) ctx.stderr(`warning: ${l.version.name}: ${diagnosticMessage(problem, preliminary, 'command-line')}\n`);
    }
    const codebook = versions[0].codebook;
    const language = parseLanguage(values.lang as string | undefined, codebook.settings.language);
    const codes = (values.codes as string | undefined)?.split(',').map((c) => c.trim()).filter(Boolean);
    for (const c of codes ?? []) checkedLabel(codebook, c, language);

    const report = agreement(versions, { minOverlap, codes });
    const status = reportProblems(ctx, report, versions);
    if (!report.documents.some((d) => d.status === 'compared') && report.textDifferences.length === 0) {
      throw new UserError('No transcript is coded by two or more of these coders: each coder needs their tags in the same transcripts (matched by path).');
    }
    const view: AgreementView = { report, labels: labelsOf(versions, report, language), language, title: localize(codebook.title, language, codebook.settings.language) };

    let text: string;
    if (values.disagreements) {
      const list = disagreements(report, versions);
      text =
        format === 'csv'
          ? disagreementsCsv(list, view.labels)
          : format === 'json'
            ? disagreementsJson(list, view.labels)
            : format === 'html'
              ? disagreementsHtml(list, view.labels, language, view.title)
              : disagreementsText(list, view.labels, language);
    } else {
      text = format === 'csv' ? agreementCsv(view) : format === 'json' ? agreementJson(view) : format === 'html' ? agreementHtml(view) : agreementText(view);
    }
    writeOutput(ctx, text, values.out as string | undefined, agreementInputs(ctx, loaded, positionals, revisions));
    return status;
  },
};

/** The files a comparison read, which --out must not overwrite; with --rev, the working folder's project too. */
function agreementInputs(ctx: CliContext, loaded: LoadedVersion[], positionals: string[], revisions: string[]): ProjectInputs {
  const all = loaded.map(versionInputs);
  if (revisions.length > 0) {
    const root = findProjectRoot(path.resolve(ctx.cwd, positionals[0] ?? '.'));
    all.push({ projects: [{ root, codebook: readCodebookNow(root).codebook }], files: [path.join(root, CODEBOOK_FILE)] });
  }
  return joinInputs(all);
}

/** The files of a coder's version in a folder (none for a version read from git). */
export function versionInputs(l: LoadedVersion): ProjectInputs {
  if (!l.root) return { projects: [], files: [] };
  const folder = l.folder ?? l.root;
  return { projects: [{ root: l.root, codebook: l.version.codebook }], files: [path.join(l.root, CODEBOOK_FILE), ...[...l.version.texts.keys()].map((id) => path.join(folder, id))] };
}

/** Reads the versions the arguments name: folders, or revisions (with the working folder when there is one revision). */
export function loadVersions(ctx: CliContext, positionals: string[], revisions: string[]): LoadedVersion[] {
  const load = (name: string, read: (onProgress: (done: number, total: number) => void) => LoadedVersion) => {
    const bar = progress(ctx, `Reading ${name}`);
    const loaded = read(bar.update);
    bar.done();
    return loaded;
  };
  if (revisions.length > 0) {
    if (positionals.length > 1) throw new UserError("With --rev, give at most one folder: the project's (default: the current folder).");
    const dir = path.resolve(ctx.cwd, positionals[0] ?? '.');
    const loaded: LoadedVersion[] = [];
    if (revisions.length === 1) {
      const root = findProjectRoot(dir);
      loaded.push(load(path.basename(root), (onProgress) => versionFromFolder(root, path.basename(root), { onProgress })));
    }
    for (const rev of revisions) loaded.push(load(rev, (onProgress) => versionFromRevision(dir, rev, { onProgress })));
    uniqueNames(loaded.map((l) => l.version));
    checkCount(loaded.length);
    return loaded;
  }
  if (positionals.length < 2) {
    throw new UserError(
      'Give at least two versions to compare: two or more folders (codeboom agreement DIR_A DIR_B) or git revisions (codeboom agreement --rev main --rev coder-b).',
    );
  }
  checkCount(positionals.length);
  const names = folderNames(positionals);
  return positionals.map((dir, i) => load(names[i], (onProgress) => versionFromFolder(path.resolve(ctx.cwd, dir), names[i], { onProgress, display: dir })));
}

function checkCount(n: number): void {
  if (n > MAX_CODERS) throw new UserError(`Agreement compares at most ${MAX_CODERS} coders at once: give fewer versions.`);
}

/** Each folder's name, or the path as given when two folders have the same name. */
function folderNames(dirs: string[]): string[] {
  const base = dirs.map((d) => path.basename(path.resolve(d)));
  const names = base.map((b, i) => (base.indexOf(b) !== base.lastIndexOf(b) ? dirs[i] : b));
  return names.map((n, i) => (names.indexOf(n) !== i ? `${n} (${i + 1})` : n));
}

function uniqueNames(versions: CoderVersion[]): void {
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v.name)) v.name = `${v.name} (${i + 1})`;
    seen.add(v.name);
  });
}

export function parseOverlap(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MIN_OVERLAP;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  let share = m ? Number(m[1]) : NaN;
  if (m && (m[2] === '%' || share > 1)) share /= 100;
  if (!(share > 0 && share <= 1)) {
    throw new UserError(`--overlap must be a share of the longer segment from above 0 up to 100%, e.g. 90% or 0.9, not '${value}'.`);
  }
  return share;
}

/** Prints text differences as errors and codebook differences as warnings; returns the exit status. */
export function reportProblems(ctx: CliContext, report: AgreementReport, versions: CoderVersion[]): number {
  for (const d of report.codebookDifferences) {
    ctx.stderr(`warning: '${d.code}' is used, but ${d.missingIn.join(', ')} ${d.missingIn.length === 1 ? 'has' : 'have'} no such code in codebook.yaml: their agreement on it is not meaningful.\n`);
  }
  for (const d of locateTextDifferences(report.textDifferences, versions)) {
    const where = (k: 0 | 1) => (d.lines && d.excerpts ? `${d.coders[k]} (line ${d.lines[k]}: "${d.excerpts[k]}")` : d.coders[k]);
    ctx.stderr(
      `error: ${d.file}: the text differs between ${where(0)} and ${where(1)}; agreement compares the coding of one text, so make the texts the same apart from tags. This transcript is left out.\n`,
    );
  }
  return report.textDifferences.length > 0 ? 1 : 0;
}

/** Labels from the first codebook that has each code. */
export function labelsOf(versions: CoderVersion[], report: AgreementReport, language: Language): Map<string, string> {
  const labels = new Map<string, string>();
  for (const path of report.codes) {
    for (const v of versions) {
      const code = v.codebook.codes.get(path);
      if (code) {
        labels.set(path, codeLabel(v.codebook, code, language));
        break;
      }
    }
  }
  return labels;
}
