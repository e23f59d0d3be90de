/** The Node host: the disk through the host interface, as the command line and the desktop server use it. */
import { strict as assert } from 'node:assert';
import { HostError } from '../../server/src/engine/host/projectHost';
import { NodeHost, pathToUri, uriToPath } from '../../server/src/node/nodeHost';
import { tempProject, type TempProject } from '../helpers/tempProject';

describe('the Node host', () => {
  let p: TempProject;
  const host = new NodeHost();
  beforeEach(() => {
    p = tempProject({ 'codebook.yaml': 'codes: {}\n', 'a b/T (1).txt': 'T1= één\n', 'node_modules/x/y.txt': 'x', '.git/HEAD': 'ref' });
  });
  afterEach(() => p.dispose());

  it('lists every file with /, without node_modules and .git', async () => {
    const listing = await host.listFiles(pathToUri(p.root));
    assert.deepEqual(listing.files.sort(), ['a b/T (1).txt', 'codebook.yaml']);
    assert.deepEqual(listing.unreadable, []);
  });

  it('reads a file by promise and at once, from any spelling of its URI', async () => {
    const file = p.file('a b/T (1).txt');
    const bytes = await host.readFile(pathToUri(file));
    assert.equal(Buffer.from(bytes).toString('utf8'), 'T1= één\n');
    const spelled = `${pathToUri(p.root)}/a%20b/T%20%281%29.txt`;
    assert.equal(Buffer.from(host.readFileNow(spelled)).toString('utf8'), 'T1= één\n');
    assert.equal(uriToPath(spelled), file);
  });

  it('says what is at a URI, and rejects a missing file or a folder with a HostError', async () => {
    assert.deepEqual(await host.stat(pathToUri(p.file('a b'))).then((s) => s?.kind), 'folder');
    assert.equal((await host.stat(pathToUri(p.file('codebook.yaml'))))?.size, 10);
    assert.equal(await host.stat(pathToUri(p.file('nope.txt'))), undefined);
    await assert.rejects(host.readFile(pathToUri(p.file('nope.txt'))), (e) => e instanceof HostError && e.code === 'not-found' && e.detail === 'ENOENT');
    assert.throws(() => host.readFileNow(pathToUri(p.file('a b'))), (e) => e instanceof HostError && e.code === 'is-folder');
    await assert.rejects(host.readFile('memfs:/x.txt'), (e) => e instanceof HostError && e.code === 'unreadable');
  });
});
