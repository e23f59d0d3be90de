/**
 * Code lenses in codebook.yaml: above each code's key, how often it was used
 * ("27 segments · 9 of 12 participants"); the editor opens its segments from there.
 */
import type { Span } from '../diagnostics';
import { words } from '../messages';
import { codeUsage } from './counts';
import type { ServiceModel } from './model';

export interface CodeLensInfo {
  /** The code's key in codebook.yaml. */
  span: Span;
  path: string;
  title: string;
}

export function codeLenses(model: ServiceModel): CodeLensInfo[] {
  const { index, codebook } = model.project;
  const total = index.participantCount;
  return [...codebook.codes.values()].map((code) => {
    const usage = codeUsage(index, code);
    return { span: code.keySpan, path: code.path, title: words(model.language, 'segmentCount', { segments: usage.segments, participants: usage.participants, total }) };
  });
}
