import { snippetExtremes } from '../../core/cdul/aggregate';
import { cosineSimilarities, softmaxRows } from '../../core/cdul/similarity';
import { splitChunkEmbeddings } from '../../core/init-cache/chunk-embeddings';
import {
  CLIP_LOGIT_SCALE_FOR_SYNTHETIC,
  randomText,
  syntheticChunk,
  syntheticEmbeddings,
  syntheticRunBasics,
  type SyntheticRunSpec,
} from '../../core/lab/synthetic-embeddings';
import { storedChunks } from '../pipeline/embedding-chunks';
import { assembleSimilarityState, createSimilarityState, type LabState, type SimilarityState } from '../pipeline/similarity-state';
import type { SyntheticRunRef } from '../protocol/pipeline-protocol';
import type { EmbeddingStore, RunMeta } from '../storage/embedding-store';

/**
 * Test and benchmark only (sent by the page's `?e2e` hooks): a finished run of `images` synthetic
 * CLIP-like embeddings with a fixed seed, so the views can be timed at VOC-train size (5,717 images)
 * without encoding 5,717 photos first. It has no image files.
 */
export function syntheticRun(images: number, grid: number, classes: number, dim: number): SimilarityState {
  const snippets = grid * grid;
  const data = syntheticEmbeddings(images, snippets, classes, dim);
  return createSimilarityState(data, syntheticIds(images), data.labels, data.classes, snippets, CLIP_LOGIT_SCALE_FOR_SYNTHETIC);
}

const SEED = 1;

/** A synthetic run's key in the embedding store (it ends in `/grid:N`, as real runs' keys do). */
export const storedSyntheticRunKey = (run: SyntheticRunRef): string =>
  `synthetic:${run.images}/classes:${run.classes}/dim:${run.dim}/seed:${SEED}/grid:${run.grid}`;

/**
 * Test and benchmark only: writes a synthetic run into the embedding store chunk by chunk, as an
 * initialization stores its chunks (each generated when written, so a COCO-train-sized run of 1.7 GB
 * is never in memory). Chunks already stored are kept. Resolves with the run's key.
 */
export async function storeSyntheticRun(store: EmbeddingStore, run: SyntheticRunRef, chunkSize: number): Promise<string> {
  const key = storedSyntheticRunKey(run);
  const spec = specOf(run);
  const basics = syntheticRunBasics(spec);
  const ids = syntheticIds(run.images);
  const meta: RunMeta = {
    ids,
    classes: basics.classes,
    promptTemplate: 'synthetic',
    prompts: basics.classes,
    model: { id: 'synthetic', inputSize: 0, logitScale: CLIP_LOGIT_SCALE_FOR_SYNTHETIC, embedDim: run.dim },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [0, 0, 0], std: [1, 1, 1] },
    grid: run.grid,
    dataset: { split: 'synthetic', totalImages: run.images },
  };
  const record = await store.openRun(key, meta, chunkSize);
  const finished = new Set(record.finishedChunks);
  for (let index = 0; index < record.totalChunks; index++) {
    if (finished.has(index)) continue;
    const first = index * record.chunkSize;
    const count = Math.min(record.chunkSize, run.images - first);
    const embeddings = syntheticChunk(spec, basics, first, count);
    await store.writeChunk(key, index, { ids: ids.slice(first, first + count), skipped: [], embeddings });
  }
  return key;
}

/** Test and benchmark only: a stored synthetic run opened the way a finished run is (its chunks read one at a time). */
export async function openStoredSyntheticRun(store: EmbeddingStore, run: SyntheticRunRef): Promise<SimilarityState> {
  const key = storedSyntheticRunKey(run);
  const record = await store.getRun(key);
  if (!record) throw new Error(`no stored synthetic run ${key}: store it first`);
  const basics = syntheticRunBasics(specOf(run));
  return assembleSimilarityState(storedChunks(store, record), basics.text, basics.labels, basics.classes, CLIP_LOGIT_SCALE_FOR_SYNTHETIC);
}

const specOf = (run: SyntheticRunRef): SyntheticRunSpec => ({ images: run.images, snippets: run.grid * run.grid, classes: run.classes, dim: run.dim, seed: SEED });

const syntheticIds = (images: number) => Array.from({ length: images }, (_, row) => `synthetic_${String(row).padStart(6, '0')}`);

/**
 * Test only: the same stored run read whole into memory and computed on whole matrices — cosines,
 * softmax, then α/β, as before the chunks were streamed — under the text embeddings of `textSeed`
 * (null: the run's own, else what 'debug-synthetic-prompts' with that seed gives): the e2e reference.
 */
export async function storedSyntheticReference(store: EmbeddingStore, run: SyntheticRunRef, textSeed: number | null): Promise<LabState> {
  const snippets = run.grid * run.grid;
  const stored: Float32Array[] = [];
  for await (const chunk of store.readChunks(storedSyntheticRunKey(run))) stored.push(chunk.embeddings);
  const whole = splitChunkEmbeddings(stored, run.images, snippets, run.dim);
  const basics = syntheticRunBasics(specOf(run));
  const text = textSeed === null ? basics.text : randomText(run.classes, run.dim, textSeed);
  const globalCos = cosineSimilarities(whole.globalEmbeds, text);
  const localCos = cosineSimilarities(whole.localEmbeds, text);
  return {
    ids: syntheticIds(run.images),
    classes: basics.classes,
    labels: basics.labels,
    snippets,
    modelScale: CLIP_LOGIT_SCALE_FOR_SYNTHETIC,
    localCos,
    fixedScale: null,
    inputsAt: (scale) => ({ global: softmaxRows(globalCos, scale), ...snippetExtremes(softmaxRows(localCos, scale).data, run.images, snippets, run.classes) }),
  };
}
