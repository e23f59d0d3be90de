/**
 * Reports and REFI-QDA exports for the client: the engine writes them, the client saves them where the
 * user chooses.
 */
import { ResponseError } from 'vscode-languageserver';
import { languageOf } from '../../engine/messages';
import { exportQdc, exportQdpx, RefiError } from '../../engine/refi';
import { frequencyReportCsv } from '../../engine/report/csv';
import { buildFrequencyReport } from '../../engine/report/frequencyReport';
import { frequencyReportHtml } from '../../engine/report/html';
import { frequencyReportMarkdown } from '../../engine/report/markdown';
import { guard } from '../context';
import { RefiExportRequest, ReportRequest } from '../protocol';
import { VERSION } from '../../version';
import type { Features } from '../server';

export function registerExports({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    ReportRequest.type,
    guard(ctx, 'report', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      const language = languageOf(params.language ?? ctx.labelLanguage(project));
      const data = buildFrequencyReport(project.index, { language, includeSubcodes: params.includeSubcodes, withInterviewers: params.withInterviewers });
      const text =
        params.format === 'markdown'
          ? frequencyReportMarkdown(data)
          : params.format === 'html'
            ? frequencyReportHtml(data)
            : params.format === 'csv'
              ? frequencyReportCsv(data)
              : JSON.stringify(data, null, 2);
      return { text };
    }),
  );

  ctx.connection.onRequest(
    RefiExportRequest.type,
    guard(ctx, 'REFI-QDA export', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      const origin = `Codeboom ${VERSION}`;
      try {
        if (params.format === 'qdc') {
          const xml = exportQdc(project.index, { language: params.language ?? ctx.labelLanguage(project), origin });
          return { base64: Buffer.from(xml, 'utf8').toString('base64'), warnings: [] };
        }
        const bytes = exportQdpx(project.index, { language: params.language ?? ctx.labelLanguage(project), origin });
        return { base64: Buffer.from(bytes).toString('base64'), warnings: [] };
      } catch (e) {
        if (e instanceof RefiError) throw new ResponseError(0, e.message);
        throw e;
      }
    }),
  );
}
