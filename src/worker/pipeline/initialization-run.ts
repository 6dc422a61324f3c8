import { promptsFor, type PromptChoice } from '../../core/clip/prompts';
import type { SkippedItem } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { datasetFingerprint, runKey } from '../../core/init-cache/run-key';
import { classTokens, imagePathIndex, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import type { Matrix } from '../../core/types';
import { ALL_IMAGES } from '../../core/voc';
import { chooseBackend } from '../inference/ort-web';
import { watchGpuDevice } from '../inference/gpu-device-loss';
import { loadWebClipModel, type WebClipModel } from '../inference/web-clip-model';
import type { FromWorker, PromptsMessage, RunRequest } from '../protocol/pipeline-protocol';
import { datasetMessage, firstImages, labelsOfRows } from './dataset-message';
import { openRefDataset } from './open-dataset';
import { openClipModel } from './open-model';
import { promptEmbeddings } from './prompt-embeddings';
import { withGpuLossFallback } from './resilient-encoder';
import type { RunControl } from './run-control';
import type { EmbeddingStore, RunMeta } from '../storage/embedding-store';
import { assembleSimilarityState, type SimilarityState } from './similarity-state';
import { probeOnLoadedFiles } from './encode-meters';
import { encodeChunks } from './encode-chunks';
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
    const reopenRun = async () => void (await store.openRun(key, meta, run.chunkSize, request.dataset.label));
    const encoded = await encodeChunks({ request, control, store, post, source, rootPath: opened.path, model, imageFiles, key, chunks, gpu: backend.gpu, probe, reopenRun });
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
