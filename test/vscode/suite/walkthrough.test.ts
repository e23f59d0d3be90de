/**
 * The walkthrough: every command a step links to exists, every step's media file exists, and English and
 * Dutch have every string it uses.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeboom, extensionId } from './helpers';

interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[];
}

describe('walkthrough', () => {
  const root = () => vscode.extensions.getExtension(extensionId)!.extensionPath;
  const json = (file: string) => JSON.parse(readFileSync(path.join(root(), file), 'utf8')) as Record<string, unknown>;

  it('links only commands that exist, to media that exist, in English and Dutch', async () => {
    await codeboom();
    const manifest = json('package.json') as { contributes: { walkthroughs: Walkthrough[] } };
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough, 'package.json contributes a walkthrough');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['project', 'import', 'code', 'tree', 'matrix', 'report'],
      'create or open a project, import transcripts, code a passage, read the Codes tree, open the matrix, export a report',
    );
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const [language, file] of [['English', 'package.nls.json'], ['Dutch', 'package.nls.nl.json']]) {
      const strings = json(file) as Record<string, string>;
      const text = (value: string) => {
        const key = /^%(.+)%$/.exec(value)?.[1];
        assert.ok(key, `'${value}' is a %key% of the translations`);
        assert.ok(typeof strings[key] === 'string' && strings[key].length > 0, `${language} has ${key}`);
        return strings[key];
      };
      text(walkthrough.title);
      text(walkthrough.description);
      for (const step of walkthrough.steps) {
        text(step.title);
        const description = text(step.description);
        const linked = [...description.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]);
        assert.ok(linked.length > 0, `the ${language} step '${step.id}' has a button`);
        for (const command of linked) assert.ok(commands.has(command), `the ${language} step '${step.id}' runs ${command}, which exists`);
        const media = text(step.media.markdown ?? step.media.image ?? '');
        assert.ok(existsSync(path.join(root(), media)), `the ${language} step '${step.id}' shows ${media}, which exists`);
        for (const event of step.completionEvents ?? []) {
          const command = /^onCommand:(.+)$/.exec(event)?.[1];
          if (command) assert.ok(commands.has(command), `the step '${step.id}' is done by ${command}, which exists`);
        }
      }
    }
  });
});
