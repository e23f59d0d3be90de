/**
 * The index in the browser's web worker, measured (`npm run bench:web`): the example and the
 * 1,000-transcript corpus of the Node benchmark (scripts/bench/corpus.ts), each opened in a workbench whose
 * extension runs in the web worker extension host; the figure is the server's own, from its start to its
 * first indexing done (every file read through the client's vscode.workspace.fs), as its log says. Writes
 * them into BENCHMARKS.md as its marked section (scripts/bench/benchmarksFile.ts), which `npm run bench` keeps.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeSection } from '../../../scripts/bench/benchmarksFile';
import { corpusBytes, ensureCorpus } from '../../../scripts/bench/corpus';
import { repoRoot } from '../harness/install';
import { waitForServer } from '../ui/codeboomUi';
import { web } from './session';
import { indexedFromLog } from './webUi';

describe('the index in the browser worker', () => {
  const rows: string[] = [];

  after(() => {
    if (rows.length === 0) return;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const section = `## In the browser's worker

Measured with \`npm run bench:web\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, Node ${process.version}, code-server
(the web worker extension host of VS Code for the web) in headless Chromium on the same machine. The extension has
only its \`browser\` entry, so its server runs in a web worker and reads every file by asking the client, which
answers with \`vscode.workspace.fs\` (from code-server's remote file system); the figure is the server's own, from
its start to the end of its first indexing, one run each.

| workspace | transcripts | corpus (MB) | server start to first index done (ms) |
|--|--:|--:|--:|
${rows.join('\n')}
`;
    writeSection(path.join(repoRoot, 'BENCHMARKS.md'), 'web', section);
    process.stderr.write('Wrote the browser section of BENCHMARKS.md\n');
  });

  it('indexes the example', async () => {
    const { workbench, project } = web();
    await waitForServer(workbench);
    const indexed = await indexedFromLog(workbench);
    assert.equal(indexed.transcripts, 12);
    rows.push(`| examples/stay-tuned | 12 | ${(corpusBytes(project) / 1e6).toFixed(1)} | ${indexed.milliseconds} |`);
  });

  it('indexes the 1,000-transcript corpus', async function () {
    this.timeout(30 * 60_000);
    const corpus = ensureCorpus(path.join(repoRoot, '.bench'), 1000, 50_000, path.join(repoRoot, 'examples/stay-tuned/codebook.yaml'));
    const workbench = await web().openWindow(corpus);
    try {
      const indexed = await indexedFromLog(workbench);
      assert.equal(indexed.transcripts, 1000);
      rows.push(`| corpus-1000 (scripts/bench/corpus.ts) | 1000 | ${(corpusBytes(corpus) / 1e6).toFixed(1)} | ${indexed.milliseconds} |`);
    } finally {
      await workbench.page.close();
    }
  });
});
