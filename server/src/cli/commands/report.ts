/**
 * `codeboom report [dir]`: the code × participant table and the ranked "who mentioned what" lists.
 */
import { frequencyReportCsv } from '../../engine/report/csv';
import { buildFrequencyReport } from '../../engine/report/frequencyReport';
import { frequencyReportHtml } from '../../engine/report/html';
import { frequencyReportMarkdown } from '../../engine/report/markdown';
import { frequencyReportText } from '../../engine/report/text';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { openProject } from '../openProject';

const FORMATS = ['text', 'markdown', 'csv', 'json', 'html'] as const;

export const report: Command = {
  name: 'report',
  summary: 'Show how often each code was used and by whom, and the ranked lists of a results chapter.',
  usage: 'codeboom report [dir] [--format text|markdown|csv|json|html] [--lang nl|en] [--subcodes] [--interviewers] [--out FILE]',
  help: [
    '  --subcodes      add the segments of subcodes to their parents (as MAXQDA does on request)',
    '  --interviewers  count interviewer turns as well',
    '  --lang          the language of labels (default: the codebook\'s project.language)',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    subcodes: { type: 'boolean' },
    interviewers: { type: 'boolean' },
  },
  run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, FORMATS, 'text');
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = openProject(ctx, positionals[0], { requireCodebook: true, language: preliminary });
    const language = parseLanguage(values.lang as string | undefined, project.index.codebook.settings.language);
    const data = buildFrequencyReport(project.index, {
      language,
      includeSubcodes: Boolean(values.subcodes),
      withInterviewers: values.interviewers ? true : undefined,
    });
    const text =
      format === 'markdown'
        ? frequencyReportMarkdown(data)
        : format === 'csv'
          ? frequencyReportCsv(data)
          : format === 'json'
            ? JSON.stringify(data, null, 2) + '\n'
            : format === 'html'
              ? frequencyReportHtml(data)
              : frequencyReportText(data);
    writeOutput(ctx, text, values.out as string | undefined);
    return 0;
  },
};
