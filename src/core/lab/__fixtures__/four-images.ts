import type { GalleryScores } from '../gallery';

/**
 * 4 images × 3 classes (a, b, c), rows are images — the hand-computed case of gallery.test.ts and
 * gallery-filter.test.ts. Truth: image 0: a; image 1: b, c; image 2: b (a is a false positive);
 * image 3: c, and b difficult-only.
 */
export const FOUR_IMAGES: GalleryScores = {
  classes: ['a', 'b', 'c'],
  scores: {
    global: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.1, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.1, 0.8]),
    aggregate: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.9, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.6, 0.8]),
    final: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.5, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.35, 0.8]),
  },
  truth: new Int8Array([1, -1, -1, /**/ -1, 1, 1, /**/ -1, 1, -1, /**/ -1, 0, 1]),
};
