import { describe, expect, it } from 'vitest';
import { createMatrix, type LabelMatrix } from '../../core/types';
import { createSimilarityState } from './similarity-state';

const labels: LabelMatrix = { rows: 2, cols: 2, data: new Int8Array([1, 0, 0, 1]) };

describe('similarity state under another prompt set', () => {
  // Two images, one snippet each (grid 1), 2-d embeddings; texts on the axes.
  const global = createMatrix(2, 2, new Float32Array([3, 4, 1, 0]));
  const local = createMatrix(2, 2, new Float32Array([0, 2, 5, 5]));
  const text = createMatrix(2, 2, new Float32Array([1, 0, 0, 1]));
  const state = createSimilarityState({ global, local, text }, ['a', 'b'], labels, ['cat', 'dog'], 1, 100);

  it('recomputes the cosines from the image embeddings (hand-computed)', async () => {
    const swapped = await state.withText(createMatrix(2, 2, new Float32Array([0, 2, 7, 0])));
    expect(Array.from(swapped.globalCos.data)).toEqual([0.800000011920929, 0.6000000238418579, 0, 1]);
    expect(Array.from(swapped.localCos.data, (x) => Number(x.toFixed(6)))).toEqual([1, 0, 0.707107, 0.707107]);
    // The original is untouched, and the same text gives the same cosines.
    expect(Array.from(state.globalCos.data)).toEqual([0.6000000238418579, 0.800000011920929, 1, 0]);
    expect((await state.withText(text)).globalCos.data).toEqual(state.globalCos.data);
  });

  it('refuses a text matrix with another number of classes', async () => {
    await expect(state.withText(createMatrix(3, 2))).rejects.toThrow('3 text embeddings for 2 classes');
  });
});
