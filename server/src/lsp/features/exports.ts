/**
 * Reports and REFI-QDA exports for the client: the engine writes them, the client saves them where the
 * user chooses.
 */
import { languageOf } from '../../engine/messages';
import { exportQdc, RefiError } from '../../engine/refi';
import { clashWarnings, nameClashes } from '../../engine/refi/codeNames';
import { buildQdpx } from '../../engine/refi/qdpxExport';
import { readMemoFiles } from '../../engine/project/memoFiles';
import { writeZip } from '../../engine/refi/zip';
import { frequencyReportCsv } from '../../engine/report/csv';
import { buildFrequencyReport } from '../../engine/report/frequencyReport';
import { frequencyReportHtml } from '../../engine/report/html';
import { frequencyReportMarkdown } from '../../engine/report/markdown';
import { bytesToBase64 } from '../../engine/text/base64';
import { guard, refused, type Features } from '../context';
import { RefiExportRequest, ReportRequest } from '../protocol';
import { VERSION } from '../../version';

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
      const language = params.language ?? ctx.labelLanguage(project);
      const options = { language, origin: `Codeboom ${VERSION}`, uniqueNames: params.uniqueNames === true };
      const clashes = options.uniqueNames ? [] : nameClashes(project.codebook, language);
      const nameClashList = clashes.map((c) => ({ name: c.name, paths: [...c.paths] }));
      try {
        if (params.format === 'qdc') {
          const xml = exportQdc(project.index, options);
          return { base64: bytesToBase64(new TextEncoder().encode(xml)), warnings: [], nameClashes: nameClashList };
        }
        const freeMemos = (await readMemoFiles(project.host, project.rootUri, project.openText)).memos;
        const content = buildQdpx(project.index, { ...options, freeMemos });
        const bytes = writeZip([{ name: 'project.qde', data: new TextEncoder().encode(content.qde) }, ...content.sources]);
        // The clashes go back as data, for the editor's own sentence and its button.
        const clashTexts = new Set(clashWarnings(clashes));
        const warnings = content.warnings.filter((w) => !clashTexts.has(w));
        return { base64: bytesToBase64(bytes), warnings, nameClashes: nameClashList };
      } catch (e) {
        if (e instanceof RefiError) throw refused(e.message);
        throw e;
      }
    }),
  );
}
