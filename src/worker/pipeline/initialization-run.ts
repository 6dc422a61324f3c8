import { promptsFor, type PromptChoice } from '../../core/clip/prompts';
import type { SkippedItem } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { datasetFingerprint, runKey } from '../../core/init-cache/run-key';
import { indexImageFiles } from '../../core/initialization/image-files';
import { selectRows } from '../../core/evaluation/select-rows';
import type { Matrix } from '../../core/types';
import { splitChunkEmbeddings } from '../../core/init-cache/chunk-embeddings';
import { ALL_IMAGES, loadVocDataset, type VocDataset } from '../../core/voc';
import { chooseBackend } from '../inference/ort-web';
import { watchGpuDevice } from '../inference/gpu-device-loss';
import { loadWebClipModel, type WebClipModel } from '../inference/web-clip-model';
import type { FromWorker, PromptsMessage, RunRequest } from '../protocol/pipeline-protocol';
import { openDataset } from './open-dataset';
import { openModelFiles } from './open-model';
import { promptEmbeddings } from './prompt-embeddings';
import { withGpuLossFallback } from './resilient-encoder';
import { createChunkPreparer } from '../prepare/chunk-preparer';
import { createLookAhead } from '../prepare/look-ahead';
import { CHUNKS_AHEAD, preparePoolSize } from '../prepare/pool-size';
import type { RunControl } from './run-control';
import type { EmbeddingStore, RunMeta, StoredChunk } from '../storage/embedding-store';
import { createSimilarityState, type SimilarityState } from './similarity-state';

export type Post = (message: FromWorker) => void;

/**
 * From "start" to cached embeddings and a similarity state: open the dataset and the model, encode
 * every chunk not already stored (resuming a reloaded run), then assemble the similarities.
 * Returns null when cancelled. The caller announces completion once it holds the state, so a settings
 * change that follows the announcement always finds it.
 */
export interface InitializationResult {
  readonly state: SimilarityState;
  readonly images: number;
  /** Images encoded in this run (the rest came from the browser's cache). */
  readonly recomputed: number;
  readonly runKey: string;
  /** The run's model, kept for prompt changes (the caller releases it when done with the run). */
  readonly textEncoder: WebClipModel;
  /** The dataset, kept open for the views (image files are read on demand). */
  readonly source: FileSource;
  readonly imageFiles: ReadonlyMap<string, string>;
  /** The prompt set the state was built with. */
  readonly prompts: PromptsMessage;
}

export async function runInitialization(request: RunRequest, control: RunControl, store: EmbeddingStore, post: Post): Promise<InitializationResult | null> {
  post({ type: 'stage', stage: 'Reading the dataset…' });
  const source = await openDataset(request.dataset);
  const dataset = firstImages(await loadVocDataset(source, { split: request.split ?? undefined }), request.limit);
  post({ type: 'dataset', images: dataset.ids.length, classes: dataset.classes, split: dataset.split, warnings: dataset.warnings });
  if (dataset.skipped.length) post({ type: 'skipped', items: dataset.skipped });
  const backend = await chooseBackend(request.preferredProvider);
  post({ type: 'backend', ...backend });
  post({ type: 'stage', stage: 'Loading the model…' });
  const files = await openModelFiles(request.model, (progress) => post({ type: 'model-download', progress }));
  // A GPU device lost mid-run: the same in-memory files are reloaded on WebAssembly and the run goes on.
  const model = withGpuLossFallback(await loadWebClipModel(request.model.id, files, backend.provider), {
    watch: watchGpuDevice,
    loadOnWasm: () => loadWebClipModel(request.model.id, files, 'wasm'),
    onFallback: (fallbackReason) => post({ type: 'backend', provider: 'wasm', fallbackReason, wasmThreads: backend.wasmThreads }),
  });
  let keepModel = false;
  try {
    const choice: PromptChoice = { template: request.promptTemplate, classNames: request.classNames ?? {} };
    const prompts = promptsFor(dataset.classes, choice);
    post({ type: 'stage', stage: 'Encoding the prompts…' });
    const promptsStarted = performance.now();
    const { text, fromCache: textFromCache } = await promptEmbeddings(store, model, prompts);
    const textEncoderMs = performance.now() - promptsStarted;
    post({ type: 'stage', stage: 'Encoding images…' });
    const imageFiles = await indexImageFiles(source);
    const ids = dataset.ids.map(String);
    const split = dataset.split ?? ALL_IMAGES;
    const key = runKey({
      datasetFingerprint: datasetFingerprint(ids.map((id) => ({ path: imageFiles.get(id) ?? id, size: 0 }))),
      split,
      modelId: model.id,
      preprocessing: model.config,
      grid: request.grid,
    });
    const meta = runMeta(ids, dataset, prompts, request, model, text.cols, split);
    // A resumed run keeps the chunk size it was started with: chunk i must mean the same images.
    const run = await store.openRun(key, meta, request.chunkSize);
    const chunks = partition(ids, run.chunkSize);
    const encoded = await encodeChunks({ request, control, store, post, source, model, imageFiles, key, chunks });
    if (!encoded) {
      post({ type: 'cancelled' });
      return null;
    }
    const stored: StoredChunk[] = [];
    for await (const chunk of store.readChunks(key)) stored.push(chunk);
    const similaritiesStarted = performance.now();
    const state = assemble(stored, dataset, text, request.grid, model.config.logitScale);
    const similaritiesMs = performance.now() - similaritiesStarted;
    // Only the text encoder is needed from here on (prompt changes): free the image encoder's memory.
    await model.releaseImageEncoder();
    keepModel = true;
    return {
      state,
      images: dataset.ids.length,
      recomputed: encoded.recomputed,
      runKey: key,
      textEncoder: model,
      source,
      imageFiles,
      prompts: { choice, prompts, textFromCache, textEncoderMs, similaritiesMs },
    };
  } finally {
    // After a finished run the caller keeps the model for prompt changes (its text encoder) and releases it.
    if (!keepModel) await model.release();
  }
}

interface EncodeContext {
  readonly request: RunRequest;
  readonly control: RunControl;
  readonly store: EmbeddingStore;
  readonly post: Post;
  readonly source: FileSource;
  readonly model: WebClipModel;
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly key: string;
  readonly chunks: string[][];
}

/** Encodes the chunks not yet stored; the next chunks are decoded in prepare workers while the model runs. */
async function encodeChunks(context: EncodeContext): Promise<{ recomputed: number } | null> {
  const { request, control, store, post, source, model, imageFiles, key, chunks } = context;
  const finished = new Set(await store.finishedChunks(key));
  const todo = chunks.map((_, index) => index).filter((index) => !finished.has(index));
  const total = chunks.flat().length;
  const fromCache = total - todo.reduce((n, index) => n + chunks[index]!.length, 0);
  const progress = createProgressCounter(total, fromCache, post);
  // Decoding and preprocessing run in a pool of prepare workers, at most CHUNKS_AHEAD chunks ahead.
  const preparer = createChunkPreparer({
    dataset: request.dataset,
    source,
    imageFiles,
    settings: { grid: request.grid, config: model.config },
    workers: preparePoolSize(navigator.hardwareConcurrency),
  });
  const ahead = createLookAhead(todo, (index) => preparer.prepare(index, chunks[index]!), CHUNKS_AHEAD);
  try {
    for (let next = ahead.next(); next; next = ahead.next()) {
      if ((await control.checkpoint(() => post({ type: 'paused' }))) === 'cancel') return null;
      const chunk = await next;
      const crops = chunk.ids.length * chunk.cropsPerImage;
      const embeddings = crops > 0 ? (await model.encodeImages(chunk.pixels, crops)).data : new Float32Array(0);
      await store.writeChunk(key, chunk.index, { ids: chunk.ids, skipped: chunk.skipped, embeddings });
      if (chunk.skipped.length) post({ type: 'skipped', items: chunk.skipped });
      progress.add(chunks[chunk.index]!.length, chunk.skipped.length);
    }
  } finally {
    preparer.close();
  }
  progress.add(0, 0);
  return { recomputed: total - fromCache };
}

function createProgressCounter(total: number, fromCache: number, post: Post) {
  const started = performance.now();
  let done = fromCache;
  let skipped = 0;
  return {
    add(images: number, newlySkipped: number) {
      done += images;
      skipped += newlySkipped;
      const seconds = (performance.now() - started) / 1000;
      const rate = (done - fromCache) / Math.max(seconds, 1e-9);
      const etaSeconds = rate > 0 ? (total - done) / rate : null;
      post({ type: 'progress', progress: { done, total, skipped, fromCache, imagesPerSecond: rate, etaSeconds } });
    },
  };
}

/** Rows of every stored chunk → embeddings, labels of the encoded images, and the similarity state. */
function assemble(stored: StoredChunk[], dataset: VocDataset, text: Matrix, grid: number, scale: number): SimilarityState {
  const snippets = grid * grid;
  const ids = stored.flatMap((chunk) => chunk.ids);
  const split = splitChunkEmbeddings(stored.map((chunk) => chunk.embeddings), ids.length, snippets, text.cols);
  const rowOf = new Map(dataset.ids.map((id, index) => [String(id), index]));
  const labels = selectRows(dataset.labels, ids.map((id) => rowOf.get(id)!));
  return createSimilarityState({ global: split.globalEmbeds, local: split.localEmbeds, text }, ids, labels, dataset.classes, snippets, scale);
}

function runMeta(
  ids: string[],
  dataset: VocDataset,
  prompts: string[],
  request: RunRequest,
  model: WebClipModel,
  embedDim: number,
  split: string,
): RunMeta {
  const { config } = model;
  return {
    ids,
    classes: [...dataset.classes],
    promptTemplate: request.promptTemplate,
    prompts,
    model: { id: model.id, inputSize: config.inputSize, logitScale: config.logitScale, embedDim },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [...config.mean], std: [...config.std] },
    grid: request.grid,
    dataset: { split, totalImages: ids.length },
  };
}

/** The dataset cut to its first `limit` images (labels and image records alike). */
function firstImages(dataset: VocDataset, limit: number | null): VocDataset {
  if (limit === null || limit >= dataset.ids.length) return dataset;
  const rows = Array.from({ length: limit }, (_, row) => row);
  return { ...dataset, ids: dataset.ids.slice(0, limit), images: dataset.images.slice(0, limit), labels: selectRows(dataset.labels, rows) };
}

function partition<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}

export type { SkippedItem };
