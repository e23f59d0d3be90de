/**
 * A project for the engine's editor features, built in memory: the small codebook and transcripts whose
 * text may carry `$$CURSOR$$` and `$[ … ]$` markers (test/helpers/markers.ts).
 */
import { parseCodebook } from '../../../server/src/engine/codebook/codebook';
import type { Language } from '../../../server/src/engine/messages';
import { ProjectIndex } from '../../../server/src/engine/project/projectIndex';
import { indexProject, type ServiceModel, type ServiceProject } from '../../../server/src/engine/service/model';
import { marked, type Marked } from '../../helpers/markers';
import { SMALL_CODEBOOK } from '../../helpers/tempProject';

export interface MarkedProject {
  model: ServiceModel;
  /** Each transcript's text without its markers, with the markers' places. */
  marks: Map<string, Marked>;
}

export function markedProject(
  transcripts: Record<string, string>,
  options: { codebook?: string; labelLanguage?: string; language?: Language; project?: (index: ProjectIndex) => ServiceProject } = {},
): MarkedProject {
  const index = new ProjectIndex(parseCodebook(options.codebook ?? SMALL_CODEBOOK));
  const marks = new Map<string, Marked>();
  for (const [id, source] of Object.entries(transcripts)) {
    const m = marked(source);
    marks.set(id, m);
    index.set(id, m.text);
  }
  const project = (options.project ?? indexProject)(index);
  return { model: { project, labelLanguage: options.labelLanguage ?? 'nl', language: options.language ?? 'en' }, marks };
}

/** The offset just inside the first occurrence of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} is not in the text`);
  return i + delta;
}
