/**
 * Exports written to a file given as the command's argument (without the save dialog): the HTML report
 * with its ranked "who mentioned what" list, the REFI-QDA codebook (.qdc) and project (.qdpx).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { codebookChildren, countsOf, exampleTags, listed, transcriptNames } from './exampleReading';
import { codeboom } from './helpers';

/** Every code path of the codebook, at any depth. */
function allCodes(parent = ''): string[] {
  return codebookChildren(parent).flatMap((c) => [c.path, ...allCodes(c.path)]);
}

describe('exports', () => {
  let dir: string;

  before(async () => {
    await codeboom();
    dir = mkdtempSync(path.join(os.tmpdir(), 'codeboom-exports-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const target = (name: string) => vscode.Uri.file(path.join(dir, name));

  it('writes the HTML report with the ranked list of who mentioned what', async () => {
    const uri = target('report.html');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('codeboom.exportReport', 'html', uri))?.fsPath, uri.fsPath);
    const html = readFileSync(uri.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    // "Improvisational ability (T2, T3, T4, T5, T6, T9, T10, T11 and T12)", in the UI language.
    const label = codebookChildren('afstemmen').find((c) => c.slug === 'improvisatie')!.label;
    const people = countsOf('afstemmen/improvisatie').byParticipant.map(([p]) => p);
    const items = ['and', 'en'].map((and) => `<li>${label} (${listed(people, and)})</li>`);
    assert.ok(items.some((item) => html.includes(item)), `one of ${JSON.stringify(items)} is in the report`);
  });

  it('writes the REFI-QDA codebook (.qdc) with every code', async () => {
    const uri = target('codebook.qdc');
    // The example has two codes named "Geduld": kept as they are when asked so.
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('codeboom.exportQdc', uri, { uniqueNames: false }))?.fsPath, uri.fsPath);
    const xml = readFileSync(uri.fsPath, 'utf8');
    assert.equal(xml.match(/ name="Geduld"/g)?.length, 2);
    assert.ok(xml.startsWith('<?xml'), xml.slice(0, 80));
    assert.match(xml, /<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    assert.equal(xml.match(/<Code /g)?.length, allCodes().length);
  });

  it('writes the REFI-QDA project (.qdpx): a zip with project.qde, the transcripts and every coding', async () => {
    const uri = target('project.qdpx');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('codeboom.exportQdpx', uri, { uniqueNames: true }))?.fsPath, uri.fsPath);
    const bytes = readFileSync(uri.fsPath);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip file');
    const files = unzipSync(bytes);
    assert.ok('project.qde' in files, `project.qde among ${Object.keys(files).join(', ')}`);
    const qde = Buffer.from(files['project.qde']).toString('utf8');
    assert.ok(qde.startsWith('<?xml'));
    const sources = Object.keys(files).filter((f) => f.startsWith('sources/'));
    assert.equal(sources.length, transcriptNames().length);
    assert.equal(qde.match(/<TextSource /g)?.length, transcriptNames().length);
    // Every tag, and each transcript coded whole with its participant's code (how QualCoder finds cases).
    assert.equal(qde.match(/<Coding /g)?.length, exampleTags().length + transcriptNames().length);
    // Asked to, the two codes named "Geduld" are named apart after their parents.
    assert.equal(qde.match(/<Code [^>]*name="Geduld"/g), null);
    assert.equal(qde.match(/<Code [^>]*name="Geduld \([^)]+\)"/g)?.length, 2);
  });
});
