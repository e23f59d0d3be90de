/**
 * The engine's view of the transcript in the editor, for the commands that work inside one document:
 * its parse and its segments against the project's codebook. The engine is pure, so the client runs it
 * on the editor's text directly; the codebook is read from the project's codebook.yaml.
 */
import * as vscode from 'vscode';
import { emptyCodebook, parseCodebook, type Codebook } from '../../../../server/src/engine/codebook/codebook';
import { fallbackName } from '../../../../server/src/engine/project/projectIndex';
import { digestParsed } from '../../../../server/src/engine/transcript/digest';
import { resolveTranscript, type ResolvedTranscript } from '../../../../server/src/engine/transcript/resolve';
import { parseTranscript, type ParsedTranscript } from '../../../../server/src/engine/transcript/transcript';
import type { ServerConnection } from '../../server/serverConnection';

export interface DocumentModel {
  parsed: ParsedTranscript;
  resolved: ResolvedTranscript;
  codebook: Codebook;
  projectRoot?: vscode.Uri;
}

export class DocumentModels {
  private readonly codebooks = new Map<string, { text: string; codebook: Codebook }>();
  private readonly models = new WeakMap<vscode.TextDocument, { version: number; model: DocumentModel }>();

  constructor(private readonly server: ServerConnection) {}

  /** The codebook of the project a document belongs to (the one in the editor when it is open). */
  async codebookFor(document: vscode.TextDocument): Promise<{ codebook: Codebook; root?: vscode.Uri }> {
    const kind = await this.server.documentKind(document.uri);
    if (!kind.project) return { codebook: emptyCodebook() };
    const root = vscode.Uri.parse(kind.project);
    const file = vscode.Uri.joinPath(root, 'codebook.yaml');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    let text: string;
    try {
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return { codebook: emptyCodebook(), root };
    }
    const known = this.codebooks.get(root.toString());
    if (known && known.text === text) return { codebook: known.codebook, root };
    const codebook = parseCodebook(text);
    this.codebooks.set(root.toString(), { text, codebook });
    return { codebook, root };
  }

  async modelOf(document: vscode.TextDocument): Promise<DocumentModel> {
    const cached = this.models.get(document);
    const { codebook, root } = await this.codebookFor(document);
    if (cached && cached.version === document.version && cached.model.codebook === codebook) return cached.model;
    const parsed = parseTranscript(document.getText(), codebook.settings);
    const resolved = resolveTranscript(digestParsed(parsed), codebook, fallbackName(document.uri.path));
    const model = { parsed, resolved, codebook, projectRoot: root };
    this.models.set(document, { version: document.version, model });
    return model;
  }
}
