import { describe, expect, it } from 'vitest';
import { snippetExtremes } from '../cdul/aggregate';
import { softmaxRows } from '../cdul/similarity';
import { createMatrix } from '../types';
import { snippetDetail } from './snippet-detail';

describe('snippet detail of one image', () => {
  // 2 images × 4 snippets (2×2 grid) × 2 classes of cosines.
  const cos = createMatrix(8, 2, new Float32Array([0.1, 0.2, 0.3, 0.1, 0.2, 0.2, 0.0, 0.3, /* image 1 */ 0.5, 0.1, 0.1, 0.5, 0.2, 0.2, 0.3, 0.1]));

  it('softmaxes only that image’s snippets (hand-computed at scale 10)', () => {
    const detail = snippetDetail(cos, 1, 4, 10);
    // Snippet 0 of image 1: softmax(10·[0.5, 0.1]) = [1/(1+e^-4), e^-4/(1+e^-4)].
    expect(detail.scores.data[0]).toBeCloseTo(1 / (1 + Math.exp(-4)), 6);
    expect(detail.scores.data[1]).toBeCloseTo(Math.exp(-4) / (1 + Math.exp(-4)), 6);
    expect(Array.from(detail.alphaSnippet)).toEqual([0, 1]);
    expect(Array.from(detail.betaSnippet)).toEqual([1, 0]);
  });

  it('marks the snippets whose scores are the α and β the aggregator uses', () => {
    const scale = 100;
    const all = softmaxRows(cos, scale);
    const { alpha, beta } = snippetExtremes(all.data, 2, 4, 2);
    for (const image of [0, 1]) {
      const detail = snippetDetail(cos, image, 4, scale);
      for (let c = 0; c < 2; c++) {
        expect(detail.scores.data[detail.alphaSnippet[c]! * 2 + c]).toBe(alpha.data[image * 2 + c]);
        expect(detail.scores.data[detail.betaSnippet[c]! * 2 + c]).toBe(beta.data[image * 2 + c]);
      }
    }
  });

  it('refuses an image outside the matrix', () => {
    expect(() => snippetDetail(cos, 2, 4, 10)).toThrow('image 2 is outside the 2 images');
  });
});
