/**
 * The counts in a hover ("3 segments · 2 of 2 participants") are the engine's `codeCount` for every code
 * of the codebook: codable codes by their own segments, grouping codes with their subcodes'.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { codeCount } from '../../server/src/engine/analysis/frequencies';
import { loadProject } from '../../server/src/node/projectFiles';
import type { TempProject } from '../helpers/tempProject';
import { lspProject } from './fixture';
import { TestClient, uriOf } from './lspClient';

describe('hover counts', () => {
  let p: TempProject;
  let client: TestClient;

  before(async () => {
    p = lspProject();
    client = await TestClient.start([p.root]);
  });
  after(() => {
    client.dispose();
    p.dispose();
  });

  it('agree with codeCount for every code, hovered on its key in codebook.yaml', async () => {
    const { index } = await loadProject(p.root);
    const text = fs.readFileSync(p.file('codebook.yaml'), 'utf8');
    const codes = [...index.codebook.codes.values()].filter((c) => !c.mergedInto);
    assert.ok(codes.some((c) => !c.codable), 'the fixture has a grouping code');
    for (const code of codes) {
      const before = text.slice(0, code.keySpan.start).split('\n');
      const position = { line: before.length - 1, character: before[before.length - 1].length + 1 };
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(p.file('codebook.yaml')) }, position });
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      const counts = codeCount(index, code.path, { includeSubcodes: !code.codable });
      const segments = `${counts.segments} ${counts.segments === 1 ? 'segment' : 'segments'}`;
      assert.ok(value.includes(`${segments} · ${counts.participants.length} of ${index.participantCount} participants`), `${code.path}: ${value}`);
    }
  });
});
