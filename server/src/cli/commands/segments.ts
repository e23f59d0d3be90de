/**
 * `codeboom segments [dir]`: one row per coded segment, as CSV (RFC 4180) or JSON.
 */
import { segmentRows, segmentsCsv } from '../../engine/report/segmentTable';
import { parseFormat, parseLanguage, writeOutput } from '../cliContext';
import type { Command } from '../command';
import { inputsOf } from '../outputFile';
import { openProject } from '../openProject';

export const segments: Command = {
  name: 'segments',
  summary: 'List every coded segment with its file, participant, code, place and text.',
  usage: 'codeboom segments [dir] [--format csv|json] [--code PATH [--subcodes]] [--participant ID] [--lang nl|en] [--out FILE]',
  help: [
    '  columns: file,participant,speaker,code,code_label,start_line,end_line,start_offset,end_offset,text',
    '  lines are 1-based and inclusive; offsets are 0-based Unicode code points, the end exclusive',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    code: { type: 'string' },
    subcodes: { type: 'boolean' },
    participant: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const format = parseFormat(values.format as string | undefined, ['csv', 'json'] as const, 'csv');
    const preliminary = parseLanguage(values.lang as string | undefined, ctx.locale ?? 'en');
    const project = await openProject(ctx, positionals[0], { requireCodebook: true, language: preliminary });
    const language = parseLanguage(values.lang as string | undefined, project.index.codebook.settings.language);
    const rows = segmentRows(project.index, language, {
      code: values.code as string | undefined,
      includeSubcodes: Boolean(values.subcodes),
      participant: values.participant as string | undefined,
      withInterviewers: true,
    });
    const text = format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : segmentsCsv(rows);
    writeOutput(ctx, text, values.out as string | undefined, inputsOf(project));
    return 0;
  },
};
