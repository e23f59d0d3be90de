/**
 * Activation: the example has a codebook.yaml, so the extension activates by itself, starts the server
 * and indexes the twelve transcripts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeboom, extensionId, projectRoot } from './helpers';

// Read when mocha loads the test files, before any test could have activated the extension itself.
const activeBeforeAnyTest = vscode.extensions.getExtension(extensionId)?.isActive;

describe('activation', () => {
  it('activates on a workspace with codebook.yaml, without being asked', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    assert.ok((extension.packageJSON as { activationEvents: string[] }).activationEvents.includes('workspaceContains:**/codebook.yaml'));
    assert.equal(activeBeforeAnyTest, true, 'VS Code activated the extension before the tests ran');
  });

  it('starts the language server, which finds the project and its transcripts', async () => {
    const { server } = await codeboom();
    assert.equal(server.running, true);
    const projects = await server.projects();
    assert.equal(projects.length, 1);
    const [project] = projects;
    assert.equal(vscode.Uri.parse(project.root).fsPath, projectRoot().fsPath);
    assert.equal(project.codebookOk, true);
    assert.equal(project.documents, 12);
    assert.deepEqual(project.participants, ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12']);
  });
});
