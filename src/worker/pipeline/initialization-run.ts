import { promptsFor, type PromptChoice } from '../../core/clip/prompts';
import type { SkippedItem } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { datasetFingerprint, runKey } from '../../core/init-cache/run-key';
import { classTokens, imagePathIndex, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import type { Matrix } from '../../core/types';
import { ALL_IMAGES } from '../../core/voc';
import { chooseBackend, modelCpuThreads, type GpuKind } from '../inference/ort-web';
import { watchGpuDevice } from '../inference/gpu-device-loss';
import { loadWebClipModel, type WebClipModel } from '../inference/web-clip-model';
import type { FromWorker, PromptsMessage, RunRequest } from '../protocol/pipeline-protocol';
import { datasetMessage, firstImages, labelsOfRows } from './dataset-message';
import { openRefDataset } from './open-dataset';
import { openClipModel } from './open-model';
import { promptEmbeddings } from './prompt-embeddings';
import { withGpuLossFallback } from './resilient-encoder';
import { createChunkPreparer } from '../prepare/chunk-preparer';
import { chunkParts, createChunkCollector, PART_IMAGES } from '../prepare/chunk-parts';
import { createLookAhead } from '../prepare/look-ahead';
import { preparedChunkBytes, preparePlan } from '../prepare/pool-size';
import { createChunkWriter } from './chunk-writer';
import type { RunControl } from './run-control';
import type { EmbeddingStore, RunMeta } from '../storage/embedding-store';
import { assembleSimilarityState, type SimilarityState } from './similarity-state';
import { createBackendTiming, createEncodingCounter, probeOnLoadedFiles, type ProbeBackend } from './encode-meters';
import { storedChunks } from './embedding-chunks';

export type Post = (message: FromWorker) => void;

/**
 * From "start" to cached embeddings and a similarity state: open the dataset and the model, encode
 * every chunk not already stored (resuming a reloaded run), then assemble the similarities.
 * Returns null when cancelled. The caller announces completion once it holds the state, so a settings
 * change that follows the announcement always finds it.
 */
export interface InitializationResult {
  readonly state: SimilarityState;
  /** Images with scores: the split's, less the files that could not be read. */
  readonly images: number;
  /** Images encoded in this run (the rest came from the browser's cache; skipped files are neither). */
  readonly recomputed: number;
  readonly runKey: string;
  /** The run's model, kept for prompt changes (the caller releases it when done with the run). */
  readonly textEncoder: WebClipModel;
  /** The dataset, kept open for the views (image files are read on demand). */
  readonly source: FileSource;
  readonly imageFiles: ReadonlyMap<string, string>;
  /** The prompt set the state was built with. */
  readonly prompts: PromptsMessage;
  /** Per class, its prompt's name unless the user names it (the dataset's). */
  readonly promptNames: readonly string[];
  /** Another split of the same dataset, read as this run's was (a val set for training). */
  loadSplit(split: string): Promise<MultiLabelDataset>;
}

export async function runInitialization(request: RunRequest, control: RunControl, store: EmbeddingStore, post: Post): Promise<InitializationResult | null> {
  post({ type: 'stage', stage: 'Reading the dataset…' });
  const onStage = (stage: string) => post({ type: 'stage', stage });
  const opened = await openRefDataset(request.dataset, request, { split: request.split ?? undefined, onStage });
  const { source } = opened;
  const dataset = firstImages(opened.dataset, request.limit);
  post(datasetMessage(dataset));
  if (dataset.skipped.length) post({ type: 'skipped', items: dataset.skipped });
  const classes = classTokens(dataset);
  const promptNames = dataset.classes.map((c) => c.promptName);
  const backend = await chooseBackend(request.preferredProvider);
  post({ type: 'backend', provider: backend.provider, fallbackReason: backend.fallbackReason, wasmThreads: backend.wasmThreads, expected: backend.expected });
  post({ type: 'stage', stage: 'Loading the model…' });
  // A damaged copy in the browser's model cache is deleted and downloaded again (open-model.ts).
  const { files, model: loaded } = await openClipModel(request.model, backend.provider, (progress) => post({ type: 'model-download', progress }));
  // A GPU device lost mid-run: the same in-memory files are reloaded on WebAssembly and the run goes on.
  const model = withGpuLossFallback(loaded, {
    watch: watchGpuDevice,
    loadOnWasm: () => loadWebClipModel(request.model.id, files, 'wasm'),
    onFallback: (fallbackReason) => post({ type: 'backend', provider: 'wasm', fallbackReason, wasmThreads: backend.wasmThreads }),
  });
  if (model.provider === 'webgpu') post({ type: 'cpu-operators', model: model.id, ...model.cpuNodes });
  const probe = probeOnLoadedFiles(request.model.id, files);
  let keepModel = false;
  try {
    const choice: PromptChoice = { template: request.promptTemplate, classNames: request.classNames ?? {} };
    const prompts = promptsFor(classes, choice, promptNames);
    post({ type: 'stage', stage: 'Encoding the prompts…' });
    const promptsStarted = performance.now();
    const { text, fromCache: textFromCache } = await promptEmbeddings(store, model, prompts);
    const textEncoderMs = performance.now() - promptsStarted;
    post({ type: 'stage', stage: 'Encoding images…' });
    const imageFiles = imagePathIndex(dataset);
    const ids = dataset.ids.map(String);
    const split = dataset.split ?? ALL_IMAGES;
    const key = runKey({
      datasetFingerprint: datasetFingerprint(ids.map((id) => ({ path: imageFiles.get(id) ?? id, size: 0 }))),
      split,
      modelId: model.id,
      preprocessing: model.config,
      grid: request.grid,
    });
    const meta = runMeta(ids, classes, prompts, request, model, text.cols, split);
    // A resumed run keeps the chunk size it was started with: chunk i must mean the same images.
    const run = await store.openRun(key, meta, request.chunkSize, request.dataset.label);
    const chunks = partition(ids, run.chunkSize);
    const encoded = await encodeChunks({ request, control, store, post, source, rootPath: opened.path, model, imageFiles, key, chunks, gpu: backend.gpu, probe });
    if (!encoded) {
      post({ type: 'cancelled' });
      return null;
    }
    const similaritiesStarted = performance.now();
    const state = await assemble(store, key, dataset, text, model.config.logitScale);
    const similaritiesMs = performance.now() - similaritiesStarted;
    // Only the text encoder is needed from here on (prompt changes): free the image encoder's memory.
    await model.releaseImageEncoder();
    keepModel = true;
    return {
      state,
      // The images with scores (the gallery's tiles): the split's, less the files that could not be read.
      images: state.ids.length,
      recomputed: encoded.recomputed,
      runKey: key,
      textEncoder: model,
      source,
      imageFiles,
      prompts: { choice, prompts, textFromCache, textEncoderMs, similaritiesMs },
      promptNames,
      loadSplit: async (split) => (await openRefDataset(request.dataset, request, { split })).dataset,
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
  readonly rootPath: string;
  readonly model: WebClipModel;
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly key: string;
  readonly chunks: string[][];
  readonly gpu: GpuKind;
  readonly probe: ProbeBackend;
}

/**
 * Encodes the chunks not yet stored, in parts of a few images (prepare/chunk-parts.ts): the next parts
 * are decoded in prepare workers while the model runs, and each chunk is stored while the model
 * encodes the next (pipeline/chunk-writer.ts).
 */
async function encodeChunks(context: EncodeContext): Promise<{ recomputed: number } | null> {
  const { request, control, store, post, source, rootPath, model, imageFiles, key, chunks } = context;
  const finished = new Set(await store.finishedChunks(key));
  const todo = chunks.map((_, index) => index).filter((index) => !finished.has(index));
  const total = chunks.flat().length;
  const fromCache = total - todo.reduce((n, index) => n + chunks[index]!.length, 0);
  const progress = createProgressCounter(total, fromCache, post);
  const encoding = createEncodingCounter(total, fromCache, post);
  const timing = createBackendTiming(context.gpu, context.probe, post);
  // A pool of prepare workers on the cores the model leaves free, a bounded number of parts ahead.
  const partBytes = preparedChunkBytes(PART_IMAGES, 1 + request.grid ** 2, model.config.inputSize);
  const plan = preparePlan(navigator.hardwareConcurrency, modelCpuThreads(model.provider), partBytes);
  const settings = { grid: request.grid, config: model.config };
  const preparer = createChunkPreparer({ dataset: request.dataset, rootPath, source, imageFiles, settings, workers: plan.workers });
  const parts = chunkParts(todo, chunks);
  const ahead = createLookAhead(parts, (part) => preparer.prepare(part.chunk, part.ids), plan.ahead);
  const collector = createChunkCollector();
  let skippedNow = 0;
  const writer = createChunkWriter(store, key, (index, chunk) => {
    skippedNow += chunk.skipped.length;
    if (chunk.skipped.length) post({ type: 'skipped', items: [...chunk.skipped] });
    progress.add(chunks[index]!.length, chunk.skipped.length);
  });
  try {
    for (const part of parts) {
      if ((await control.checkpoint(() => post({ type: 'paused' }))) === 'cancel') {
        await writer.flush();
        return null;
      }
      const prepared = await ahead.next()!;
      const crops = prepared.ids.length * prepared.cropsPerImage;
      const started = performance.now();
      const onCrops = (done: number) => encoding.crops(done, prepared.cropsPerImage);
      const embeddings = crops > 0 ? (await model.encodeImages(prepared.pixels, crops, onCrops)).data : new Float32Array(0);
      encoding.partDone(part.ids.length);
      await timing.partEncoded(model.provider, prepared, (performance.now() - started) / 1000);
      preparer.release(prepared);
      const chunk = collector.add(part, { ids: prepared.ids, skipped: prepared.skipped, embeddings });
      if (chunk) await writer.write(part.chunk, chunk);
    }
    await writer.flush();
  } finally {
    preparer.close();
  }
  progress.add(0, 0);
  // Images encoded now: a file that could not be read was not.
  return { recomputed: total - fromCache - skippedNow };
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

/**
 * The stored chunks, read one at a time (the snippet embeddings never all in memory), → the similarity
 * state, with the labels of the encoded images (skipped ones are not rows).
 */
async function assemble(store: EmbeddingStore, key: string, dataset: MultiLabelDataset, text: Matrix, scale: number): Promise<SimilarityState> {
  const run = await store.getRun(key);
  if (!run) throw new Error(`run ${key} is no longer stored: it was deleted while it finished`);
  const chunks = storedChunks(store, run);
  return assembleSimilarityState(chunks, text, labelsOfRows(dataset, chunks.ids), classTokens(dataset), scale);
}

function runMeta(ids: string[], classes: readonly string[], prompts: string[], request: RunRequest, model: WebClipModel, embedDim: number, split: string): RunMeta {
  const { config } = model;
  return {
    ids,
    classes: [...classes],
    promptTemplate: request.promptTemplate,
    prompts,
    model: { id: model.id, inputSize: config.inputSize, logitScale: config.logitScale, embedDim },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [...config.mean], std: [...config.std] },
    grid: request.grid,
    dataset: { split, totalImages: ids.length },
  };
}

function partition<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}

export type { SkippedItem };
