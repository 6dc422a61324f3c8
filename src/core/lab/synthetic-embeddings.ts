import { seededRandom } from '../seeded-random';
import { createMatrix, type LabelMatrix, type Matrix } from '../types';

export interface SyntheticEmbeddings {
  /** [images, d] */
  readonly global: Matrix;
  /** [images × snippets, d] */
  readonly local: Matrix;
  /** [classes, d] */
  readonly text: Matrix;
  readonly labels: LabelMatrix;
  readonly classes: string[];
}

/**
 * CLIP-like embeddings with a fixed seed: each image is the sum of its classes' text vectors plus
 * noise, each snippet one of them plus noise, so the cosines (and the mAPs) are not those of noise.
 * ~1.5 positive classes per image and a few difficult-only pairs, as in VOC.
 */
export function syntheticEmbeddings(images: number, snippets: number, classes: number, dim: number, seed = 1): SyntheticEmbeddings {
  const random = seededRandom(seed);
  const gaussian = gaussianOf(random);
  const text = randomText(classes, dim, seed + 1);
  const labels = drawLabels(random, images, classes);
  const global = createMatrix(images, dim);
  const local = createMatrix(images * snippets, dim);
  for (let i = 0; i < images; i++) {
    writeImage({ gaussian, labels, text, snippets }, i, { data: global.data, at: i * dim }, { data: local.data, at: i * snippets * dim });
  }
  return { global, local, text, labels: { rows: images, cols: classes, data: labels }, classes: classNames(classes) };
}

/** What a synthetic run is made from, and what its chunks are generated from one at a time. */
export interface SyntheticRunSpec {
  readonly images: number;
  readonly snippets: number;
  readonly classes: number;
  readonly dim: number;
  readonly seed: number;
}

/** The labels, text embeddings and class names of a synthetic run: the same as syntheticEmbeddings' for the same seed. */
export function syntheticRunBasics(spec: SyntheticRunSpec): Pick<SyntheticEmbeddings, 'text' | 'labels' | 'classes'> {
  const labels = drawLabels(seededRandom(spec.seed), spec.images, spec.classes);
  return { text: randomText(spec.classes, spec.dim, spec.seed + 1), labels: { rows: spec.images, cols: spec.classes, data: labels }, classes: classNames(spec.classes) };
}

/**
 * Images `first…first+count` of a synthetic run as the embedding store keeps a chunk — [count, 1 + N², d],
 * per image its global embedding then its snippets — with a random stream of its own (seeded by the
 * run's seed and `first`), so a COCO-sized run is written a chunk at a time, never held whole.
 */
export function syntheticChunk(spec: SyntheticRunSpec, basics: Pick<SyntheticEmbeddings, 'text' | 'labels'>, first: number, count: number): Float32Array {
  const { snippets, dim } = spec;
  const gaussian = gaussianOf(seededRandom((Math.imul(spec.seed, 0x9e3779b1) ^ first) >>> 0));
  const chunk = new Float32Array(count * (1 + snippets) * dim);
  const source = { gaussian, labels: basics.labels.data, text: basics.text, snippets };
  for (let i = 0; i < count; i++) {
    const at = i * (1 + snippets) * dim;
    writeImage(source, first + i, { data: chunk, at }, { data: chunk, at: at + dim });
  }
  return chunk;
}

interface ImageSource {
  readonly gaussian: () => number;
  readonly labels: Int8Array;
  readonly text: Matrix;
  readonly snippets: number;
}

/** Image `i`: its global embedding at `global.at`, its snippets one after another from `local.at`. */
function writeImage(source: ImageSource, i: number, global: { data: Float32Array; at: number }, local: { data: Float32Array; at: number }): void {
  const { gaussian, labels, text, snippets } = source;
  const { rows: classes, cols: dim } = text;
  const positives = Array.from({ length: classes }, (_, c) => c).filter((c) => labels[i * classes + c] === 1);
  for (let k = 0; k < dim; k++) {
    let sum = gaussian();
    for (const c of positives) sum += text.data[c * dim + k]!;
    global.data[global.at + k] = sum;
  }
  for (let j = 0; j < snippets; j++) {
    const c = positives.length ? positives[j % positives.length]! : -1;
    const row = local.at + j * dim;
    for (let k = 0; k < dim; k++) local.data[row + k] = gaussian() + (c >= 0 ? text.data[c * dim + k]! : 0);
  }
}

/** ~7% positives (1.5 per image at 20 classes, as in VOC) and a few difficult-only pairs. */
function drawLabels(random: () => number, images: number, classes: number): Int8Array {
  return new Int8Array(images * classes).map(() => {
    const draw = random();
    return draw < 0.07 ? 1 : draw < 0.075 ? 0 : -1;
  });
}

/** Zero mean, enough for timing data. */
const gaussianOf = (random: () => number) => () => random() + random() + random() - 1.5;

const classNames = (classes: number) => Array.from({ length: classes }, (_, c) => `class${c}`);

/** A [classes, dim] matrix of seeded values: the text embeddings of a prompt set. */
export function randomText(classes: number, dim: number, seed: number): Matrix {
  const random = seededRandom(seed);
  return createMatrix(classes, dim, Float32Array.from({ length: classes * dim }, () => 2 * random() - 1));
}

/** CLIP's softmax scale (100), which synthetic runs are evaluated at like a real model's. */
export const CLIP_LOGIT_SCALE_FOR_SYNTHETIC = 100;
