import { strict as assert } from 'node:assert';
import { base64ToBytes, bytesToBase64 } from '../../server/src/engine/text/base64';

describe('base64', () => {
  it('writes bytes of every length as Node does, and reads them back', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 3 * 8192 - 1, 3 * 8192, 3 * 8192 + 1, 70_001]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7919 + n) & 0xff);
      const text = bytesToBase64(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64'), `${n} bytes`);
      assert.deepEqual(base64ToBytes(text), bytes, `${n} bytes back`);
    }
  });

  it('reads base64 without padding, URL-safe, or broken into lines', () => {
    assert.equal(new TextDecoder().decode(base64ToBytes('Y29kZWJvb20')), 'codeboom');
    assert.deepEqual(base64ToBytes('-_8'), new Uint8Array([0xfb, 0xff]));
    assert.equal(new TextDecoder().decode(base64ToBytes('Y29k\r\nZWJv\nb20=')), 'codeboom');
  });
});
