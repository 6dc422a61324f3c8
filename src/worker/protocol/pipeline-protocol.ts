import type { PromptChoice } from '../../core/clip/prompts';
import type { SkippedItem } from '../../core/data-error';
import type { DatasetClass, DatasetFormat } from '../../core/datasets/multi-label-dataset';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import type { WorkerQuery, WorkerQueryResult } from './lab-protocol';
import type { BackendPreference, DatasetRef, ExecutionProvider, ModelRef } from './refs';

/**
 * The one message protocol between the app and the pipeline worker: discriminated unions on `type`.
 * Datasets and models travel as references the worker can open itself (a URL, a directory handle,
 * File objects — all structured-cloneable), never as decoded images. A leaf: it imports only the core
 * and the other protocol files, so both sides can depend on it without a cycle.
 */

export type { BackendPreference, DatasetRef, ExecutionProvider, ModelRef } from './refs';

/** How to read the chosen folder: its layout (detected by default), a class list typed in the lab, COCO's crowd labels. */
export interface DatasetChoice {
  /** Absent or 'auto': detected (VOC, COCO, NUS-WIDE, then a folder with classes.txt). */
  readonly format?: DatasetFormat | 'auto';
  /** Classes typed in the lab for a plain folder of photos (replaces its classes.txt). */
  readonly classes?: readonly DatasetClass[] | null;
  /** COCO: crowd annotations counted positive (default, as the literature does) or ignored. */
  readonly crowd?: 'positive' | 'ignore';
}

export interface RunRequest extends DatasetChoice {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  /** Only the first N images of the split (a quick look, or a test on a slow software GPU); null = all. */
  readonly limit: number | null;
  readonly model: ModelRef;
  readonly grid: number;
  readonly promptTemplate: string;
  /** Class token → the name its prompt uses instead of the natural one (see core/clip/prompts). */
  readonly classNames?: Readonly<Record<string, string>>;
  /** A backend, or 'auto': WebGPU unless the adapter is a software one (then WebAssembly, and the 'backend' message says why). */
  readonly preferredProvider: BackendPreference;
  /** Images per chunk: the unit of batching, storage and resume. */
  readonly chunkSize: number;
}

/** A reference reproduction's cache (`clip_cache/model_<clip>/…`) to open like a finished run. */
export interface ReferenceCacheRequest extends DatasetChoice {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  /** A model folder as listed, e.g. clip_cache/model_RN50x64. */
  readonly modelPath: string;
  readonly grid: number;
}

/** A `cdul cache` output folder (e.g. merged from a cluster's shards) to open like a finished run, next to its dataset. */
export interface CacheFolderRequest extends DatasetChoice {
  /** The dataset the cache was computed from (ground truth, thumbnails, heatmap backgrounds); its split is the manifest's. */
  readonly dataset: DatasetRef;
  /** The cache folder (manifest.json and the .npy arrays), or the folder just above it; null: reopen `storedRunKey`. */
  readonly cache: DatasetRef | null;
  /** A cache folder imported before (the key its 'complete' gave): reopened from the browser's store (a reload). */
  readonly storedRunKey?: string;
  /** The folder's name as the run panel shows it when it is reopened from the store. */
  readonly cacheLabel?: string;
  /** The lab's model: when it is the cache's (manifest model id), its text encoder answers prompt changes. */
  readonly model: ModelRef;
  /** Images per stored chunk. */
  readonly chunkSize: number;
}

/** What the run panel says of an opened cache folder. */
export interface CacheFolderSummary {
  readonly label: string;
  readonly modelId: string;
  readonly grid: number;
  /** Images whose embeddings were stored in the browser now (0: the folder had been opened before). */
  readonly imported: number;
  /** Why prompts cannot change (the lab's model is not the cache's); null when they can. */
  readonly promptsUnavailable: string | null;
}

/** One progress figure for all the files of a model: what a single progress bar shows. */
export interface DownloadProgress {
  readonly loadedBytes: number;
  /**
   * The sum of every file's size: its Content-Length once its response has arrived, its real size once
   * it is complete, and until then the catalog's approximate size (those paths are in approximateSizes).
   * It can move either way while estimates are replaced; at the end it equals loadedBytes.
   */
  readonly totalBytes: number;
  readonly filesDone: number;
  readonly filesTotal: number;
  /** Network bytes per second over the last few seconds (0 when nothing came over the network). */
  readonly bytesPerSecond: number;
  /** null while the speed is unknown; 0 when done. */
  readonly etaSeconds: number | null;
  /** True when every file came from the browser's Cache Storage: no network request at all. */
  readonly fromCache: boolean;
  readonly filesFromCache: number;
  /** Paths whose share of totalBytes is still the catalog's approximate size. */
  readonly approximateSizes: readonly string[];
  /** Paths whose response carried no usable Content-Length (absent, or of a compressed body). */
  readonly missingContentLength: readonly string[];
  /** Files the browser's model cache held damaged: deleted there and downloaded again in this load. */
  readonly damagedInCache: readonly DamagedCacheFile[];
  readonly done: boolean;
}

/** A stored model file found damaged, and how (sizes that differ, or a file the parser refused). */
export interface DamagedCacheFile {
  readonly path: string;
  readonly problem: string;
}

export type ToWorker =
  | { readonly type: 'start'; readonly request: RunRequest }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancel' }
  /** Another prompt template / class names for the finished run: text encoder only, then 'prompts'. */
  | { readonly type: 'set-prompts'; readonly choice: PromptChoice }
  /** A view's question (lab-protocol.ts): about the finished run, or about a dataset; answered by 'query-result'. */
  | { readonly type: 'query'; readonly requestId: number; readonly query: WorkerQuery }
  /** Opens one like a finished run (then 'complete' with `fixedScale`). */
  | { readonly type: 'open-reference-cache'; readonly request: ReferenceCacheRequest }
  /** Imports a `cdul cache` folder into the browser's store and opens it like a finished run (then 'complete' with `cacheFolder`). */
  | { readonly type: 'open-cache-folder'; readonly request: CacheFolderRequest }
  /** Test-only: destroys onnxruntime-web's GPUDevice, a real device loss. Sent only by the page's `?e2e` hooks. */
  | { readonly type: 'debug-lose-gpu-device' }
  /** Test-only: the worker throws `message` uncaught, as an abort inside onnxruntime would (a real `error` event). Sent only by `?e2e` hooks. */
  | { readonly type: 'debug-crash'; readonly message: string }
  /** Test/benchmark-only: a finished run of synthetic embeddings (lab/synthetic-run.ts). Sent only by `?e2e` hooks. */
  | { readonly type: 'debug-synthetic-run'; readonly images: number; readonly grid: number }
  /** Test/benchmark-only: writes a synthetic run into the embedding store, chunk by chunk; answered by 'debug-synthetic-stored'. */
  | { readonly type: 'debug-store-synthetic-run'; readonly run: SyntheticRunRef; readonly chunkSize: number }
  /**
   * Test/benchmark-only: opens a stored synthetic run like a finished run (its chunks streamed from the
   * store); with `reference`, read whole into memory and computed on whole matrices instead, under the
   * text embeddings of `reference.textSeed` (null: the run's own): what the streamed path must equal.
   */
  | { readonly type: 'debug-open-synthetic-run'; readonly run: SyntheticRunRef; readonly reference?: { readonly textSeed: number | null } }
  /** Test/benchmark-only: a prompt change without a text encoder: seeded random text embeddings, then 'prompts'. */
  | { readonly type: 'debug-synthetic-prompts'; readonly seed: number };

/** A synthetic run in the embedding store (test/benchmark-only), named by its size. */
export interface SyntheticRunRef {
  readonly images: number;
  readonly grid: number;
  readonly classes: number;
  readonly dim: number;
}

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly skipped: number;
  /** Images already in the browser's cache when the run started (not recomputed). */
  readonly fromCache: number;
  readonly imagesPerSecond: number;
  readonly etaSeconds: number | null;
  /** What the run does to the images when it reads stored scores rather than encoding (a reference cache). */
  readonly stage?: string;
}

/** Images through the image encoder so far, reported after every batch: what "done / total" shows while a chunk is encoded. */
export interface EncodingProgress {
  /** Images with embeddings: from the browser cache, stored, and encoded in the chunk in progress. */
  readonly encoded: number;
  readonly total: number;
  readonly fromCache: number;
  /** Images encoded per second since encoding started (null before the first image). */
  readonly imagesPerSecond: number | null;
  readonly etaSeconds: number | null;
}

/** The other backend measured much faster than the one running, on this machine (pipeline/backend-advice.ts). */
export interface BackendAdvice {
  readonly current: ExecutionProvider;
  readonly faster: ExecutionProvider;
  /** Images per second: the current backend over the first images, the other on one of them. */
  readonly currentImagesPerSecond: number;
  readonly fasterImagesPerSecond: number;
}

/** A graph node onnxruntime kept on the CPU in a WebGPU session. */
export interface CpuOperator {
  readonly opType: string;
  readonly name: string;
}

/** A prompt set in force for the finished run, and what changing to it cost. */
export interface PromptsMessage {
  readonly choice: PromptChoice;
  /** One per class, in the dataset's class order. */
  readonly prompts: readonly string[];
  readonly textFromCache: boolean;
  readonly textEncoderMs: number;
  readonly similaritiesMs: number;
}

/** The dataset a run reads, as opened: what the workspace shows and the views adapt to. */
export interface DatasetMessage {
  readonly type: 'dataset';
  readonly images: number;
  /** Class tokens, in column order. */
  readonly classes: readonly string[];
  /** Per class, what its prompt says unless the user edits it (a class list's own prompt text). */
  readonly promptNames: readonly string[];
  readonly split: string | null;
  readonly warnings: readonly string[];
  /** The layout detected ('synthetic' for test runs) and the splits it offers. */
  readonly format: DatasetFormat | 'synthetic';
  readonly splits: readonly string[];
  /** No ground truth (a plain folder): the views show what needs none instead of mAP. */
  readonly unlabelled: boolean;
}

/**
 * Stored chunks a run encodes again, and why: 'changed' — a file's size or time differs from when it was
 * encoded (an image edited in place); 'missing' — chunks this run had stored were gone from the browser's
 * storage (cleared by another tab or the browser, evicted).
 */
export interface StaleChunksMessage {
  readonly type: 'stale-chunks';
  readonly reason: 'changed' | 'missing';
  readonly chunks: number;
  /** Images in those chunks, all encoded again. */
  readonly images: number;
  /** Files that changed (0 for 'missing'). */
  readonly changed: number;
  /** The changed files (paths in the dataset), at most MAX_STALE_FILES_NAMED of them. */
  readonly files: readonly string[];
}

export const MAX_STALE_FILES_NAMED = 20;

export type FromWorker =
  | {
      readonly type: 'backend';
      readonly provider: ExecutionProvider;
      readonly fallbackReason: string | null;
      readonly wasmThreads: number;
      /** The backend asked for (or chosen by the automatic rule): no fallback warning. Absent: false. */
      readonly expected?: boolean;
    }
  | { readonly type: 'stage'; readonly stage: string }
  | { readonly type: 'model-download'; readonly progress: DownloadProgress }
  | DatasetMessage
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'encoding'; readonly progress: EncodingProgress }
  | { readonly type: 'backend-advice'; readonly advice: BackendAdvice }
  /** Once per model loaded on WebGPU: the operators onnxruntime ran on the CPU instead, per tower. */
  | { readonly type: 'cpu-operators'; readonly model: string; readonly vision: readonly CpuOperator[]; readonly text: readonly CpuOperator[] }
  | { readonly type: 'skipped'; readonly items: readonly SkippedItem[] }
  /** Stored chunks encoded again: their files changed since, or the browser's storage lost them. */
  | StaleChunksMessage
  | { readonly type: 'paused' }
  | {
      readonly type: 'complete';
      readonly images: number;
      readonly recomputed: number;
      readonly runKey: string;
      /** Set for a reference cache: the softmax scale its α/β are stored at (the temperature rescales its global scores only). */
      readonly fixedScale?: number;
      /** Set for a `cdul cache` folder opened in the lab. */
      readonly cacheFolder?: CacheFolderSummary;
    }
  | { readonly type: 'cancelled' }
  | { readonly type: 'prompts'; readonly prompts: PromptsMessage }
  /** A prompt change that could not be applied (the previous prompts stay in force). */
  | { readonly type: 'prompts-error'; readonly message: string }
  | { readonly type: 'query-result'; readonly requestId: number; readonly result: WorkerQueryResult }
  | { readonly type: 'query-error'; readonly requestId: number; readonly message: string }
  | { readonly type: 'error'; readonly message: string }
  /** Test/benchmark-only: a synthetic run was written into the store (or could not be: `error`). */
  | { readonly type: 'debug-synthetic-stored'; readonly runKey: string; readonly writeMs: number; readonly error: string | null };
