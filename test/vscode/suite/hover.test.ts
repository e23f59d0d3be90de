/** Hover: on a tag, the code's label, path, definition and how often it was used. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codebookEntry, codeboom, hoverText, inLabelLanguage, openTranscript, positionOf } from './helpers';

describe('hover', () => {
  before(() => codeboom());

  it('shows the label, definition and counts of the code on a tag', async () => {
    const { document } = await openTranscript('T09.txt');
    const tag = '[[afstemmen/improvisatie]]';
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, tag, 5));
    const ours = hovers.filter((h) => hoverText([h]).includes('afstemmen/improvisatie'));
    assert.equal(ours.length, 1, `one hover for the tag among ${JSON.stringify(hovers.map((h) => hoverText([h])))}`);
    const text = hoverText(ours);
    const entry = codebookEntry('afstemmen/improvisatie');
    const label = inLabelLanguage(entry.label);
    assert.ok(text.includes(label), `the label '${label}' is in: ${text}`);
    const definition = inLabelLanguage(entry.definition);
    assert.ok(definition && text.includes(definition), `the definition is in: ${text}`);
    // The example's coding: ten segments by T2, T3, T4, T5 (two), T6, T9, T10, T11 and T12.
    assert.match(text, /10 (segments|segmenten) · 9 (of|van) 12/);
    const range = ours[0].range;
    assert.ok(range, 'the hover has a range');
    assert.equal(document.getText(range).replace(/^\[\[|\]\]$/g, ''), 'afstemmen/improvisatie');
  });
});
