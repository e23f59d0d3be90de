/**
 * `codeboom report [dir]`: the code × participant table and the ranked "who mentioned what" lists; with
 * `--by VARIABLE` grouped by a document variable; with `--format html` the full report (heat maps,
 * co-occurrences, agreement between coders when asked, and quotes).
 */
import * as path from 'node:path';
import { cooccurrence } from '../../engine/analysis/cooccurrence';
import { documentVariables } from '../../engine/analysis/retrieval';
import { agreement } from '../../engine/agreement/agreement';
import { joinList } from '../../engine/messages';
import { editDistance, fold } from '../../engine/text/similarity';
import type { AgreementView } from '../../engine/report/agreementReport';
import { buildCooccurrenceReport } from '../../engine/report/cooccurrenceReport';
import { frequencyReportCsv } from '../../engine/report/csv';
import { buildFrequencyReport } from '../../engine/report/frequencyReport';
import { buildCodeQuotes, fullReportHtml } from '../../engine/report/fullReport';
import { buildReportMemos } from '../../engine/report/memoReport';
import { readMemoFiles } from '../../engine/project/memoFiles';
import { NodeHost, pathToUri } from '../../node/nodeHost';
import { buildGroupReport, groupReportCsv, groupReportMarkdown, groupReportText, type GroupReport } from '../../engine/report/groupReport';
import { frequencyReportMarkdown } from '../../engine/report/markdown';
import { frequencyReportText } from '../../engine/report/text';
import { versionFromFolder, versionFromRevision, type LoadedVersion } from '../../node/coderVersions';
import { UserError } from '../../node/projectFiles';
import type { ProjectIndex } from '../../engine/project/projectIndex';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { inputsOf, joinInputs } from '../outputFile';
import { versionInputs } from './agreement';
import { openProject, withCodebookErrorsListed } from '../openProject';
import { labelsOf, parseOverlap, reportProblems } from './agreement';
import { parseUnit } from './cooccurrence';

const FORMATS = ['text', 'markdown', 'csv', 'json', 'html'] as const;
const HTML_ONLY = ['unit', 'quotes', 'compare', 'compare-rev', 'overlap'] as const;

export const report: Command = {
  name: 'report',
  summary: 'Show how often each code was used and by whom, and the ranked lists of a results chapter.',
  usage:
    'codeboom report [dir] [--format text|markdown|csv|json|html] [--by VARIABLE] [--lang nl|en] [--subcodes] [--interviewers] [--out FILE]\n' +
    '       codeboom report [dir] --format html [--by VARIABLE] [--unit UNIT] [--quotes N] [--compare DIR...] [--compare-rev REV...] [--overlap 90%]',
  help: [
    '  --by VARIABLE   group by a document variable of the front matter (e.g. discipline), or by participant:',
    '                  a code × group table and the ranked lists of each group',
    '  --subcodes      add the segments of subcodes to their parents (as MAXQDA does on request)',
    '  --interviewers  count interviewer turns as well',
    "  --lang          the language of labels (default: the codebook's project.language)",
    '  The HTML report is one file with the ranked lists, heat maps, co-occurrences and quotes; for it:',
    '  --unit          the co-occurrence unit: overlap (default), paragraph, turn or window:N',
    '  --quotes N      at most N quotes per code (default: all; 0 for none)',
    "  --compare DIR   another coder's copy of the project: adds the agreement between coders (repeatable)",
    "  --compare-rev REV  another coder's version as committed in git (repeatable)",
    '  --overlap       for the agreement: share of the longer segment two segments must overlap (default 90%)',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    subcodes: { type: 'boolean' },
    interviewers: { type: 'boolean' },
    by: { type: 'string' },
    unit: { type: 'string' },
    quotes: { type: 'string' },
    compare: { type: 'string', multiple: true },
    'compare-rev': { type: 'string', multiple: true },
    overlap: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, FORMATS, 'text');
    if (format !== 'html') {
      const given = HTML_ONLY.filter((o) => values[o] !== undefined);
      if (given.length > 0) throw new UserError(`${given.map((o) => `--${o}`).join(', ')} shape${given.length === 1 ? 's' : ''} the HTML report: add --format html.`);
    }
    const unit = parseUnit(values.unit as string | undefined);
    const quotes = parseQuotes(values.quotes as string | undefined);
    const minOverlap = parseOverlap(values.overlap as string | undefined);
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = await openProject(ctx, positionals[0], { requireCodebook: true, language: preliminary });
    const index = project.index;
    const language = parseLanguage(values.lang as string | undefined, index.codebook.settings.language);
    const options = {
      language,
      includeSubcodes: Boolean(values.subcodes),
      withInterviewers: values.interviewers ? true : undefined,
    };
    const by = values.by as string | undefined;
    if (by !== undefined) checkVariable(index, by);
    const groups: GroupReport | undefined = by !== undefined ? buildGroupReport(index, { ...options, by }) : undefined;

    let status = 0;
    let compared: LoadedVersion[] = [];
    let text: string;
    if (format === 'html') {
      let agreementView: AgreementView | undefined;
      const others = [
        ...((values.compare as string[] | undefined) ?? []).map((dir) => () => versionFromFolder(path.resolve(ctx.cwd, dir), path.basename(path.resolve(ctx.cwd, dir)), { display: dir })),
        ...((values['compare-rev'] as string[] | undefined) ?? []).map((rev) => () => versionFromRevision(project.root, rev)),
      ];
      if (others.length > 0) {
        const loaded: LoadedVersion[] = withCodebookErrorsListed(ctx, language, () => [
          versionFromFolder(project.root, path.basename(project.root)),
          ...others.map((load) => load()),
        ]);
        compared = loaded.slice(1);
        const versions = loaded.map((l) => l.version);
        const report = agreement(versions, { minOverlap });
        status = reportProblems(ctx, report, versions);
        agreementView = { report, labels: labelsOf(versions, report, language), language };
      }
      text = fullReportHtml({
        frequency: buildFrequencyReport(index, options),
        groups,
        cooccurrence: buildCooccurrenceReport(index, cooccurrence(index, { unit, withInterviewers: options.withInterviewers }), language),
        agreement: agreementView,
        quotes: quotes === 0 ? undefined : buildCodeQuotes(index, language, { perCode: quotes, withInterviewers: options.withInterviewers }),
        memos: buildReportMemos(index, (await readMemoFiles(new NodeHost(), pathToUri(project.root))).memos, language),
      });
    } else if (groups) {
      text =
        format === 'markdown'
          ? groupReportMarkdown(groups)
          : format === 'csv'
            ? groupReportCsv(groups)
            : format === 'json'
              ? JSON.stringify(groups, null, 2) + '\n'
              : groupReportText(groups);
    } else {
      const data = buildFrequencyReport(index, options);
      text =
        format === 'markdown'
          ? frequencyReportMarkdown(data)
          : format === 'csv'
            ? frequencyReportCsv(data)
            : format === 'json'
              ? JSON.stringify(data, null, 2) + '\n'
              : frequencyReportText(data);
    }
    writeOutput(ctx, text, values.out as string | undefined, joinInputs([inputsOf(project), ...compared.map(versionInputs)]));
    return status;
  },
};

function parseQuotes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UserError(`--quotes must be a whole number of 0 or more, not '${value}': the most quotes per code, 0 for none.`);
  return Number(value);
}

function checkVariable(index: ProjectIndex, name: string): void {
  if (name === 'participant') return;
  const variables = [...documentVariables(index).keys()];
  if (variables.includes(name)) return;
  const known = [...variables, 'participant'].sort();
  const near = known.filter((v) => editDistance(fold(v), fold(name)) <= 2);
  const list = joinList(known.map((v) => `'${v}'`), 'en');
  throw new UserError(
    near.length > 0
      ? `No transcript has a variable '${name}' in its front matter; did you mean ${joinList(near.map((v) => `'${v}'`), 'en', 'or')}? The variables are ${list}.`
      : `No transcript has a variable '${name}' in its front matter: the variables are ${list}.`,
  );
}
