/**
 * Agreement between coders for the client: this project's transcripts (one coder) against other coders'
 * folders or git revisions, with the statistics per code and level and every disagreement with its
 * place, so that coders can discuss and resolve them in the editor. Other coders' versions are read by
 * the host's `coderVersions` (folders and git: the Node host's); a host without it refuses with the reason.
 */
import { agreement, DEFAULT_MIN_OVERLAP } from '../../engine/agreement/agreement';
import { disagreements, locateTextDifferences } from '../../engine/agreement/disagreements';
import { codeLabel } from '../../engine/codebook/codebook';
import { HostRefusal, type LoadedCoderVersion } from '../../engine/host/projectHost';
import { words } from '../../engine/messages';
import { guard, refused, type Features } from '../context';
import { AgreementRequest, type AgreementData } from '../protocol';

export function registerAgreement({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    AgreementRequest.type,
    guard(ctx, 'agreement', async (params): Promise<AgreementData | null> => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      const language = params.language ?? ctx.labelLanguage(project);
      const coderVersions = ctx.workspace.host.coderVersions;
      if (!coderVersions) throw refused(words(ctx.language(), 'refuse.agreement-needs-disk'));
      let loaded: LoadedCoderVersion[];
      try {
        const self = params.self ? coderVersions.fromRevision(project.rootUri, params.self.revision) : coderVersions.fromProject(project.rootUri);
        loaded = [self, ...params.others.map((o) => ('folder' in o ? coderVersions.fromFolder(o.folder) : coderVersions.fromRevision(project.rootUri, o.revision)))];
      } catch (e) {
        if (e instanceof HostRefusal) throw refused(e.message);
        throw e;
      }
      const versions = loaded.map((l) => l.version);
      const names = new Set<string>();
      versions.forEach((v, i) => {
        while (names.has(v.name)) v.name = `${v.name} (${i + 1})`;
        names.add(v.name);
      });
      const report = agreement(versions, { minOverlap: params.minOverlap ?? DEFAULT_MIN_OVERLAP });
      const codebook = project.codebook;
      const label = (c: string | null) => {
        if (c === null) return '';
        const code = codebook.codes.get(c);
        return code ? codeLabel(codebook, code, language) : c;
      };
      const docs = report.documents;
      return {
        coders: report.coders,
        minOverlap: report.minOverlap,
        rows: report.results.map((r) => ({ ...r, label: label(r.code) })),
        disagreements: disagreements(report, versions).map((d) => ({
          file: d.file,
          uri: project.uriOf(d.file),
          code: d.code,
          codeLabel: label(d.code),
          coders: d.coders.map((c) => ({ coder: c.coder, hasCode: c.has_code, codes: c.codes, startLine: c.start_line, endLine: c.end_line, text: c.text })),
        })),
        textDifferences: locateTextDifferences(report.textDifferences, versions).map((t) => ({ file: t.file, coders: t.coders, lines: t.lines })),
        documents: {
          compared: docs.filter((d) => d.status === 'compared').length,
          oneCoder: docs.filter((d) => d.status === 'one-coder').length,
          notCoded: docs.filter((d) => d.status === 'not-coded').length,
        },
      };
    }),
  );
}
