import { snippetExtremes, type SnippetExtremes } from './aggregate';
import { softmaxRows } from './similarity';
import { createMatrix, type Matrix } from '../types';

/** Images per block: a block's softmax is [images × N², C] floats (~3 MB at 3×3 and 80 classes). */
const BLOCK_IMAGES = 1024;

/**
 * α and β at softmax scale `scale` from the snippet cosines [images × N², C], a block of images at a
 * time: the same values as snippetExtremes(softmaxRows(localCos, scale)) — each row's softmax and each
 * image's extremes depend on that row and image alone — without the whole softmax matrix, which at
 * COCO-train size (82,783 images, 3×3, 80 classes) would be another 238 MB.
 */
export function softmaxExtremes(localCos: Matrix, snippets: number, scale: number, blockImages = BLOCK_IMAGES): SnippetExtremes {
  const classes = localCos.cols;
  const images = localCos.rows / snippets;
  if (!Number.isInteger(images)) throw new RangeError(`${localCos.rows} snippet rows are not a multiple of ${snippets} snippets`);
  const alpha = createMatrix(images, classes);
  const beta = createMatrix(images, classes);
  for (let first = 0; first < images; first += blockImages) {
    const count = Math.min(blockImages, images - first);
    const rows = localCos.data.subarray(first * snippets * classes, (first + count) * snippets * classes);
    const softmax = softmaxRows(createMatrix(count * snippets, classes, rows), scale);
    const block = snippetExtremes(softmax.data, count, snippets, classes);
    alpha.data.set(block.alpha.data, first * classes);
    beta.data.set(block.beta.data, first * classes);
  }
  return { alpha, beta };
}
