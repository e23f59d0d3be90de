/**
 * Managing codes from the code tree (protocol.ts: manageCode, proposeSlug): the engine's code management
 * (service/codeManagement.ts) and merge (service/rename.ts) asked about a project, after the pending
 * changes of open documents are applied, and their edits turned into one workspace edit for the client
 * to apply. A change that cannot be made comes back as its sentence, with the code's use when it is a
 * deletion of a code in use.
 */
import { words } from '../../engine/messages';
import {
  deleteCodeEdits,
  deprecateEdits,
  moveCodeEdits,
  newCodeEdits,
  proposeSlug,
  recolorEdits,
  renameCodeEdits,
  siblingSlugs,
  type ManagementOutcome,
} from '../../engine/service/codeManagement';
import { mergeEdits } from '../../engine/service/rename';
import type { ServiceModel } from '../../engine/service/model';
import { guard, invalidParams, type Features, type ServerContext } from '../context';
import { ManageCodeRequest, ProposeSlugRequest, type TextEdit } from '../protocol';
import { modelOf } from '../service';
import type { Project } from '../workspace';
import { toWorkspaceEdit } from './rename';

export function registerCodeManagement({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    ManageCodeRequest.type,
    guard(ctx, 'manage code', async (params): Promise<ManageCodeRequest.Result> => {
      await ready();
      const project = projectOf(ctx, params.project);
      const outcome = manage(modelOf(ctx, project), params.action);
      if (!outcome.ok) return { ok: false, message: outcome.message, ...('use' in outcome && outcome.use ? { use: outcome.use } : {}) };
      const edit = toWorkspaceEdit(project, outcome.files);
      return { ok: true, path: outcome.path, edit: { changes: (edit.changes ?? {}) as Record<string, TextEdit[]> } };
    }),
  );

  ctx.connection.onRequest(
    ProposeSlugRequest.type,
    guard(ctx, 'propose slug', async (params) => {
      await ready();
      const project = projectOf(ctx, params.project);
      return { slug: proposeSlug(params.label, siblingSlugs(project.codebook, params.parent)) };
    }),
  );
}

/** The project at a root URI, with the pending changes of every open document applied. */
function projectOf(ctx: ServerContext, root: string): Project {
  for (const doc of ctx.documents.all()) ctx.flush(doc.uri);
  const project = ctx.workspace.byRootUri(root);
  if (!project) throw invalidParams(words(ctx.language(), 'refuse.no-project', { project: root }));
  return project;
}

function manage(model: ServiceModel, action: ManageCodeRequest.Action): ManagementOutcome {
  switch (action.kind) {
    case 'new':
      return newCodeEdits(model, action.parent, action.label, { slug: action.slug });
    case 'rename':
      return renameCodeEdits(model, action.code, { label: action.label, slug: action.slug });
    case 'move':
      return moveCodeEdits(model, action.code, action.parent, { keepAliases: action.keepAliases });
    case 'merge': {
      const merged = mergeEdits(model, action.code, action.into);
      return merged.ok ? { ...merged, path: action.into } : merged;
    }
    case 'recolor':
      return recolorEdits(model, action.code, action.color);
    case 'deprecate':
      return deprecateEdits(model, action.code, action.reason);
    case 'delete':
      return deleteCodeEdits(model, action.code);
  }
}
