import { softmaxRows } from '../cdul/similarity';
import { createMatrix, type Matrix } from '../types';

/** One image's snippets at one temperature: what the inspector's heatmap and snippet vectors show. */
export interface SnippetDetail {
  /** [N², C]: S_local of each snippet (row-major over the grid), softmax over classes at `scale`. */
  readonly scores: Matrix;
  /** Per class, the snippet whose score is α_c (the first one on ties, as max-scanning finds it). */
  readonly alphaSnippet: Int32Array;
  /** Per class, the snippet whose score is β_c. */
  readonly betaSnippet: Int32Array;
}

/**
 * From the cosine matrix of every snippet ([images × N², C]): image `image`'s N² rows, softmaxed at
 * `scale`, and the snippets that gave α and β. Only this image is computed (the inspector asks for one).
 */
export function snippetDetail(localCos: Matrix, image: number, snippets: number, scale: number): SnippetDetail {
  const classes = localCos.cols;
  if (image < 0 || (image + 1) * snippets > localCos.rows) throw new RangeError(`image ${image} is outside the ${localCos.rows / snippets} images`);
  const rows = localCos.data.slice(image * snippets * classes, (image + 1) * snippets * classes);
  const scores = softmaxRows(createMatrix(snippets, classes, rows), scale);
  const alphaSnippet = new Int32Array(classes);
  const betaSnippet = new Int32Array(classes);
  for (let c = 0; c < classes; c++) {
    let max = -Infinity;
    let min = Infinity;
    for (let j = 0; j < snippets; j++) {
      const value = scores.data[j * classes + c]!;
      if (value > max) [max, alphaSnippet[c]] = [value, j];
      if (value < min) [min, betaSnippet[c]] = [value, j];
    }
  }
  return { scores, alphaSnippet, betaSnippet };
}
