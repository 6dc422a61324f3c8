import { describe, expect, it } from 'vitest';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { createMatrix } from '../../core/types';
import { referenceCacheInputs } from './reference-cache-inputs';

const OWN = REFERENCE_REPRODUCTION_SCALE.scale;

/** Two images, three classes: global softmax(cos / ln 100) of known cosines, and some α/β. */
function storedInputs() {
  const cos = [
    [0.3, 0.2, 0.1],
    [0.05, 0.25, 0.15],
  ];
  const softmax = (row: number[], scale: number) => {
    const exps = row.map((value) => Math.exp(scale * value));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((value) => value / sum);
  };
  const global = createMatrix(2, 3, Float32Array.from(cos.flatMap((row) => softmax(row, OWN))));
  const alpha = createMatrix(2, 3, Float32Array.from([0.4, 0.35, 0.3, 0.36, 0.34, 0.31]));
  const beta = createMatrix(2, 3, Float32Array.from([0.3, 0.32, 0.28, 0.3, 0.31, 0.29]));
  return { stored: { global, alpha, beta }, paperGlobal: cos.flatMap((row) => softmax(row, PAPER_SCALE.scale)) };
}

describe('referenceCacheInputs: a reference cache at any temperature', () => {
  it('gives the stored inputs themselves at the cache’s own scale', () => {
    const { stored } = storedInputs();
    expect(referenceCacheInputs(stored, OWN, String)(OWN)).toBe(stored);
  });

  it('rescales the global scores only: softmax(100 · cos), α and β as stored', () => {
    const { stored, paperGlobal } = storedInputs();
    const atPaper = referenceCacheInputs(stored, OWN, String)(PAPER_SCALE.scale);
    expect(atPaper.alpha).toBe(stored.alpha);
    expect(atPaper.beta).toBe(stored.beta);
    // The stored global is float32: the cosines come back to ≈ 3e-7, the scale-100 scores to ≈ 1e-5.
    Array.from(atPaper.global.data).forEach((value, i) => expect(value).toBeCloseTo(paperGlobal[i]!, 4));
    expect(atPaper.global.data[0]!).toBeGreaterThan(0.99);
  });

  it('keeps the last few scales (the same matrix when asked again) and names the file of a bad row', () => {
    const { stored } = storedInputs();
    const inputsAt = referenceCacheInputs(stored, OWN, (row) => `clip_cache/model_X/global/image${row}.pt`);
    const first = inputsAt(PAPER_SCALE.scale);
    expect(inputsAt(PAPER_SCALE.scale)).toBe(first);
    stored.global.data[4] = Number.NaN;
    expect(() => inputsAt(1)).toThrow('clip_cache/model_X/global/image1.pt: class 1 holds NaN, not a probability');
  });
});
