import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { countBefore } from '../../server/src/engine/sortedSearch';
import { lineOfOffset } from '../../server/src/engine/text/positions';

describe('the binary search', () => {
  it('counts the entries of a sorted list before a value, as a walk from the start does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, value) => {
        const sorted = [...values].sort((a, b) => a - b);
        const below = sorted.filter((v) => v < value).length;
        const atOrBelow = sorted.filter((v) => v <= value).length;
        assert.equal(countBefore(sorted.length, (i) => sorted[i] < value), below);
        assert.equal(countBefore(sorted.length, (i) => sorted[i] <= value), atOrBelow);
      }),
    );
  });

  it('finds the line of an offset, the first line for an offset before it and the last past the end', () => {
    const starts = Int32Array.from([0, 4, 4, 9]);
    assert.deepEqual([-1, 0, 3, 4, 8, 9, 100].map((o) => lineOfOffset(starts, o)), [0, 0, 0, 2, 2, 3, 3]);
    assert.equal(lineOfOffset([], 5), 0);
  });
});
