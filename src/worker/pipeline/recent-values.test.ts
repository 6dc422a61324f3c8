import { describe, expect, it } from 'vitest';
import { createMatrix, type LabelMatrix } from '../../core/types';
import { recentValues } from './recent-values';
import { createSimilarityState, SCALES_KEPT } from './similarity-state';

describe('recentValues: the last few values computed', () => {
  it('keeps at most the limit, dropping the least recently used', () => {
    const computed: number[] = [];
    const squares = recentValues(3, (key: number) => (computed.push(key), { square: key * key }));
    const one = squares.get(1);
    squares.get(2);
    squares.get(3);
    expect(squares.get(1)).toBe(one); // kept: not computed again, and now the most recent
    squares.get(4); // drops 2, the least recently used
    expect(squares.keys()).toEqual([3, 1, 4]);
    expect(computed).toEqual([1, 2, 3, 4]);
    expect(squares.get(2)).toEqual({ square: 4 }); // dropped, so computed again (and 3 goes)
    expect(computed).toEqual([1, 2, 3, 4, 2]);
    expect(squares.keys()).toEqual([1, 4, 2]);
  });

  it('refuses a limit that keeps nothing', () => {
    expect(() => recentValues(0, String)).toThrow('keep at least one value, not 0');
  });
});

describe('a run state asked for many temperatures', () => {
  // Two images, a 2×2 grid (4 snippets each), 3 classes, 2-d embeddings: small enough to recompute.
  const labels: LabelMatrix = { rows: 2, cols: 3, data: new Int8Array([1, -1, 1, -1, 1, -1]) };
  const embeddings = () => ({
    global: createMatrix(2, 2, new Float32Array([3, 4, 1, 0.5])),
    local: createMatrix(8, 2, new Float32Array([0, 2, 5, 5, 1, 0, 2, 1, 0.3, 1, 4, 1, 1, 1, 0, 3])),
    text: createMatrix(3, 2, new Float32Array([1, 0, 0, 1, 0.6, 0.8])),
  });
  const fresh = () => createSimilarityState(embeddings(), ['a', 'b'], labels, ['cat', 'dog', 'cow'], 4, 100);
  const scales = [100, 50, 10, 1, 33, 75, 2];

  it('keeps only the last few and gives, for a dropped one, what a fresh state computes', () => {
    const state = fresh();
    const first = state.inputsAt(scales[0]!);
    expect(state.inputsAt(scales[0]!)).toBe(first); // kept
    for (const scale of scales.slice(1)) state.inputsAt(scale);
    expect(scales.length).toBeGreaterThan(SCALES_KEPT + 1);
    const again = state.inputsAt(scales[0]!);
    expect(again).not.toBe(first); // dropped long ago: computed again …
    expect(again).toEqual(fresh().inputsAt(scales[0]!)); // … to exactly what a fresh state computes
    for (const scale of scales) expect(state.inputsAt(scale)).toEqual(fresh().inputsAt(scale));
  });
});
