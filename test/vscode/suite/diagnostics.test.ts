/** Diagnostics: an unknown code in a transcript is reported on its path as `code.unknown`, as the user types. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeboom, diagnosticCode, diagnosticsWhen, insert, openTranscript, positionOf, remove } from './helpers';

const isUnknown = (d: vscode.Diagnostic) => diagnosticCode(d) === 'code.unknown';

describe('diagnostics', () => {
  before(() => codeboom());

  it('reports an unknown code on its path and withdraws it when the tag goes', async () => {
    const { document } = await openTranscript('T09.txt');
    const uri = document.uri;
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter(isUnknown), [], 'the example has no unknown codes');

    const tag = '[[afstemmen/improvisatie]]';
    const typed = await insert(document, positionOf(document, tag, tag.length), ' [[afstemmen/onbekend]]');
    const path = new vscode.Range(typed.start.translate(0, ' [['.length), typed.end.translate(0, -']]'.length));
    assert.equal(document.getText(path), 'afstemmen/onbekend');

    const diagnostics = await diagnosticsWhen(uri, (d) => d.some(isUnknown), 'code.unknown after typing [[afstemmen/onbekend]]');
    const unknown = diagnostics.filter(isUnknown);
    assert.equal(unknown.length, 1);
    assert.ok(unknown[0].range.isEqual(path), `the range is the path: ${JSON.stringify(unknown[0].range)} vs ${JSON.stringify(path)}`);
    assert.match(unknown[0].message, /afstemmen\/onbekend/);

    await remove(document, typed);
    await diagnosticsWhen(uri, (d) => !d.some(isUnknown), 'no code.unknown once the tag is removed');
  });
});
