import { describe, expect, it } from 'vitest';
import { resultLine } from './run-result-line';

const finished = { images: 7, dataset: null, recomputed: 7, skipped: [], fixedScale: null, cacheFolder: null, shown: null };
const corrupt = [{ id: '0000_broken', reason: 'JPEGImages/0000_broken.jpg: corrupt or truncated JPEG' }];

describe('the run panel’s result line', () => {
  it('counts the images the run has scores for, as the gallery does, skipped files apart', () => {
    expect(resultLine({ ...finished, skipped: corrupt })).toBe('Done: 7 images (1 skipped: see below), 7 encoded now.');
    expect(resultLine({ ...finished, recomputed: 0 })).toBe('Done: 7 images, all from the browser cache (nothing recomputed).');
  });

  it('says a reference cache is one: its model, grid and temperature', () => {
    const shown = { kind: 'reference-cache', dataset: { kind: 'http', url: '/x/', label: 'x' }, split: 'train', clip: 'RN50x64', grid: 3 } as const;
    expect(resultLine({ ...finished, images: 60, recomputed: 0, fixedScale: 0.2, shown })).toBe(
      'Reference cache RN50x64 · 3×3 · its own temperature: 60 images, scores as the reference reproduction stored them.',
    );
  });

  it('says where an opened cache folder was embedded', () => {
    const cacheFolder = { label: 'out', modelId: 'tiny-vit', grid: 2, imported: 100, promptsUnavailable: null };
    expect(resultLine({ ...finished, images: 100, recomputed: 0, cacheFolder })).toBe('Cache folder open: 100 images, embedded by tiny-vit elsewhere, 100 stored in this browser now.');
  });
});
