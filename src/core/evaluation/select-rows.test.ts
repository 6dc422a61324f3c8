import { describe, expect, it } from 'vitest';
import { selectRows } from './select-rows';

describe('selectRows', () => {
  it('picks rows in the order given, for float and label matrices', () => {
    const scores = { rows: 3, cols: 2, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    expect(selectRows(scores, [2, 0])).toEqual({ rows: 2, cols: 2, data: Float32Array.from([5, 6, 1, 2]) });
    const labels = { rows: 2, cols: 1, data: Int8Array.from([1, -1]) };
    const picked = selectRows(labels, [1]);
    expect(picked.data).toBeInstanceOf(Int8Array);
    expect(Array.from(picked.data)).toEqual([-1]);
  });

  it('rejects a row outside the matrix', () => {
    expect(() => selectRows({ rows: 1, cols: 1, data: new Float32Array(1) }, [1])).toThrow(/outside 0..0/);
  });
});
