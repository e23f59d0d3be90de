import { strict as assert } from 'node:assert';
import { heapInt32, Int32Slab, withRoom } from '../../server/src/engine/int32Slab';

describe('typed arrays from a slab', () => {
  it('hands out zeroed arrays that do not overlap', () => {
    const slab = new Int32Slab();
    const arrays = [3, 0, 7, 1000, 5].map((n) => slab.alloc(n));
    arrays.forEach((a, i) => {
      assert.ok(a.every((x) => x === 0));
      a.fill(i + 1);
    });
    arrays.forEach((a, i) => assert.ok(a.every((x) => x === i + 1), `array ${i} kept its values`));
    assert.deepEqual(arrays.map((a) => a.length), [3, 0, 7, 1000, 5]);
  });

  it('takes back the unused end of its latest array, and the next array starts as zeros', () => {
    const slab = new Int32Slab();
    const first = slab.alloc(4).fill(1);
    const big = slab.alloc(10);
    big.fill(2);
    const kept = slab.shrink(big, 3);
    assert.deepEqual([...kept], [2, 2, 2]);
    const next = slab.alloc(7);
    assert.ok(next.every((x) => x === 0), 'the words given back were cleared');
    assert.equal(next.byteOffset, kept.byteOffset + 3 * 4, 'the next array starts where the kept part ends');
    assert.deepEqual([...first], [1, 1, 1, 1]);
    // An older array is only cut, its words stay where they are.
    const cut = slab.shrink(first, 2);
    assert.deepEqual([...cut], [1, 1]);
    next.fill(3);
    assert.deepEqual([...kept], [2, 2, 2]);
  });

  it('gives a large array a buffer of its own, and starts a new slab when one is full', () => {
    const slab = new Int32Slab();
    const large = slab.alloc(1 << 17);
    assert.equal(large.byteOffset, 0);
    assert.equal(large.buffer.byteLength, (1 << 17) * 4);
    const filler = slab.alloc(60_000);
    const next = slab.alloc(60_000);
    const more = slab.alloc(60_000);
    const most = slab.alloc(60_000);
    const beyond = slab.alloc(60_000);
    const buffers = new Set([filler, next, more, most, beyond].map((a) => a.buffer));
    assert.equal(buffers.size, 2, 'five arrays of 60,000 words fill more than one 262,144-word slab');
  });

  it('without a slab, shrinking copies so the rest of the buffer can go', () => {
    const a = heapInt32.alloc(10).fill(4);
    const b = heapInt32.shrink(a, 2);
    assert.deepEqual([...b], [4, 4]);
    assert.equal(b.buffer.byteLength, 8);
  });

  it('grows an array only when it is too short, keeping what it holds', () => {
    const a = Int32Array.from([1, 2, 3]);
    assert.equal(withRoom(a, 3), a);
    const b = withRoom(a, 4);
    assert.deepEqual([...b.subarray(0, 4)], [1, 2, 3, 0]);
    assert.equal(b.length, 6, 'at least twice as large, so growing one by one stays cheap');
    assert.equal(withRoom(a, 100).length, 100);
  });
});
