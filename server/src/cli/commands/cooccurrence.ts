/**
 * `codeboom cooccurrence [dir]`: which codes occur together, and the segments where two of them do.
 */
import { cooccurrence, cooccurringSegments, parseCooccurrenceUnit, type CooccurrenceUnit } from '../../engine/analysis/cooccurrence';
import { codeLabel, nearestCodes, type Codebook } from '../../engine/codebook/codebook';
import { joinList, type Language } from '../../engine/messages';
import {
  buildCooccurrenceReport,
  cooccurrenceCsv,
  cooccurrenceHtml,
  cooccurrenceJson,
  cooccurrenceText,
  pairsCsv,
  pairsText,
  unitWords,
  type CooccurrenceCount,
} from '../../engine/report/cooccurrenceReport';
import { UserError } from '../../node/projectFiles';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { inputsOf } from '../outputFile';
import { openProject } from '../openProject';

const FORMATS = ['table', 'csv', 'json', 'html'] as const;

export const cooccurrenceCommand: Command = {
  name: 'cooccurrence',
  summary: 'Show how often codes occur together (overlapping, in one paragraph or turn, or near each other), or where two of them do.',
  usage:
    'codeboom cooccurrence [dir] [--unit overlap|paragraph|turn|window:N] [--format table|csv|json|html] [--count pairs|participants] [--codes PATH,...] [--code PATH --with PATH] [--interviewers] [--lang nl|en] [--out FILE]',
  help: [
    '  --unit          when two segments count as together (default overlap):',
    '                    overlap     they share at least one character',
    '                    paragraph   they stand in the same paragraph',
    '                    turn        they stand in the same speaker turn',
    '                    window:N    their paragraphs are at most N paragraphs apart',
    '  --count         what the cells show in table, csv and html: pairs of segments (default) or participants',
    '  --codes         only these codes and their subcodes, separated by commas',
    '  --code A --with B   list the pairs of segments of A and B that occur together, with their text',
    '  --interviewers  count interviewer turns as well',
  ].join('\n'),
  options: {
    unit: { type: 'string' },
    format: { type: 'string' },
    count: { type: 'string' },
    codes: { type: 'string' },
    code: { type: 'string' },
    with: { type: 'string' },
    interviewers: { type: 'boolean' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, FORMATS, 'table');
    const unit = parseUnit(values.unit as string | undefined);
    const count = parseCount(values.count as string | undefined);
    const first = values.code as string | undefined;
    const second = values.with as string | undefined;
    if ((first === undefined) !== (second === undefined)) {
      throw new UserError('--code and --with go together: give both codes whose shared segments you want to see.');
    }
    if (first !== undefined && format === 'html') throw new UserError('The pairs of --code and --with come as table, csv or json; choose one of those with --format.');
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = await openProject(ctx, positionals[0], { requireCodebook: true, language: preliminary });
    const index = project.index;
    const language = parseLanguage(values.lang as string | undefined, index.codebook.settings.language);
    const withInterviewers = values.interviewers ? true : undefined;

    if (first !== undefined && second !== undefined) {
      const labels: [string, string] = [checkedLabel(index.codebook, first, language), checkedLabel(index.codebook, second, language)];
      const pairs = cooccurringSegments(index, first, second, { unit, withInterviewers });
      const text =
        format === 'csv' ? pairsCsv(pairs) : format === 'json' ? JSON.stringify(pairs, null, 2) + '\n' : pairsText(pairs, labels, unitWords(unit, language), language);
      writeOutput(ctx, text, values.out as string | undefined, inputsOf(project));
      return 0;
    }

    const codes = (values.codes as string | undefined)?.split(',').map((c) => c.trim()).filter(Boolean);
    for (const c of codes ?? []) checkedLabel(index.codebook, c, language);
    const report = buildCooccurrenceReport(index, cooccurrence(index, { unit, codes, withInterviewers }), language);
    const text =
      format === 'csv'
        ? cooccurrenceCsv(report, count)
        : format === 'json'
          ? cooccurrenceJson(report)
          : format === 'html'
            ? cooccurrenceHtml(report, count)
            : cooccurrenceText(report, count);
    writeOutput(ctx, text, values.out as string | undefined, inputsOf(project));
    return 0;
  },
};

export function parseUnit(value: string | undefined): CooccurrenceUnit {
  if (value === undefined) return { kind: 'overlap' };
  const unit = parseCooccurrenceUnit(value);
  if (!unit) throw new UserError(`--unit must be overlap, paragraph, turn or window:N (N paragraphs, e.g. window:2), not '${value}'.`);
  return unit;
}

function parseCount(value: string | undefined): CooccurrenceCount {
  if (value === undefined) return 'pairs';
  if (value !== 'pairs' && value !== 'participants') throw new UserError(`--count must be pairs or participants, not '${value}'.`);
  return value;
}

/** The label of a code the user named; an unknown path is a UserError that names the nearest codes. */
export function checkedLabel(codebook: Codebook, path: string, language: Language): string {
  const code = codebook.codes.get(path);
  if (!code) {
    const near = nearestCodes(codebook, path);
    throw new UserError(
      near.length > 0
        ? `'${path}' is not a code in codebook.yaml; did you mean ${joinList(near.map((n) => `'${n}'`), 'en', 'or')}?`
        : `'${path}' is not a code in codebook.yaml: give a code's path, e.g. as 'codeboom report --format csv' lists them.`,
    );
  }
  return codeLabel(codebook, code, language);
}
