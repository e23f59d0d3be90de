import { strict as assert } from 'node:assert';
import { strFromU8, unzipSync } from 'fflate';
import { ResponseError } from 'vscode-languageserver-protocol';
import { RetrieveExportRequest, RetrieveRequest } from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { TestClient, uriOf } from './lspClient';

describe('language server: retrieved segments', () => {
  let p: TempProject;
  let client: TestClient;
  before(async () => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '---\nparticipant: T1\n---\nT1= Eerst kijk ik. {{Ik wacht af}}[[afstemmen/geduld | het wachten]] en speel mee. Dan zie ik meer.\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= {{Rustig}}[[effect/band]] blijven.\n',
    });
    client = await TestClient.start([p.root], { locale: 'nl' });
  });
  after(() => {
    client.dispose();
    p.dispose();
  });

  it('answers with each quote, its range to select, its context and memo', async () => {
    const result = await client.connection.sendRequest(RetrieveRequest.type, {
      project: uriOf(p.root),
      codes: ['afstemmen/geduld'],
      mode: 'any',
      context: 'sentence',
      language: 'en',
    });
    assert.ok(result);
    assert.deepEqual(result.codes.map((c) => c.label), ['Patience']);
    assert.equal(result.summary, 'Patience · context: sentence before and after · 1 segment');
    const [quote] = result.quotes;
    assert.equal(quote.uri, uriOf(p.file('T1.txt')));
    assert.deepEqual(quote.range, { start: { line: 3, character: 21 }, end: { line: 3, character: 32 } });
    assert.deepEqual([quote.before, quote.text, quote.after, quote.memos], ['Eerst kijk ik.', 'Ik wacht af', 'en speel mee. Dan zie ik meer.', ['het wachten']]);
  });

  it('exports Markdown as text and Word as base64', async () => {
    const params = { project: uriOf(p.root), codes: ['afstemmen/geduld', 'effect/band'], mode: 'any' as const, context: 'paragraph' as const, language: 'en' };
    const md = await client.connection.sendRequest(RetrieveExportRequest.type, { ...params, format: 'markdown' });
    assert.ok(md && 'text' in md);
    assert.match(md.text, /## Patience[^]*> Ik wacht af[^]*## Bond[^]*> Rustig/);
    const docx = await client.connection.sendRequest(RetrieveExportRequest.type, { ...params, format: 'docx' });
    assert.ok(docx && 'base64' in docx);
    const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(docx.base64, 'base64')))['word/document.xml']);
    assert.ok(xml.includes('Ik wacht af') && xml.includes('Rustig'));
  });

  it('refuses an unknown code with a sentence in the user language', async () => {
    await assert.rejects(
      client.connection.sendRequest(RetrieveRequest.type, { project: uriOf(p.root), codes: ['nergens'], mode: 'any', context: 'none' }),
      (e: unknown) => e instanceof ResponseError && /'nergens' is geen code/.test(e.message),
    );
  });
});
