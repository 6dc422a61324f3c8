import type { PromptChoice } from '../core/clip/prompts';
import type { SkippedItem } from '../core/data-error';
import type { LabQuery, LabResult } from './lab/lab-protocol';
import type { ReferenceCacheModel } from '../core/ref-cache/reference-cache-layout';
import type { ReferenceCacheRequest } from './pipeline/reference-cache-run';
import type { ExecutionProvider } from './inference/ort-web';
import type { DownloadProgress } from './models/download-progress';
import type { ModelVariant } from './models/model-catalog';

/**
 * The one message protocol between the app and the pipeline worker: discriminated unions on `type`.
 * Datasets and models travel as references the worker can open itself (a URL, a directory handle,
 * File objects — all structured-cloneable), never as decoded images.
 */
export type DatasetRef =
  | { readonly kind: 'http'; readonly url: string; readonly label: string }
  | { readonly kind: 'directory'; readonly handle: FileSystemDirectoryHandle; readonly label: string }
  | { readonly kind: 'files'; readonly files: readonly File[]; readonly label: string };

export type ModelRef =
  /** A catalog model: the app's own (served at /models/…) or a hub export; baseUrl = a hub mirror. */
  | { readonly kind: 'catalog'; readonly id: string; readonly variant: ModelVariant; readonly baseUrl: string | null }
  | { readonly kind: 'files'; readonly id: string; readonly files: readonly File[] };

export interface RunRequest {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  /** Only the first N images of the split (a quick look, or a test on a slow software GPU); null = all. */
  readonly limit: number | null;
  readonly model: ModelRef;
  readonly grid: number;
  readonly promptTemplate: string;
  /** Class token → the name its prompt uses instead of the natural one (see core/clip/prompts). */
  readonly classNames?: Readonly<Record<string, string>>;
  readonly preferredProvider: ExecutionProvider;
  /** Images per chunk: the unit of batching, storage and resume. */
  readonly chunkSize: number;
}

export interface PseudoLabelSettingsMessage {
  readonly zeta: number;
  readonly lambda: number;
  /** Softmax multiplier; null = the model's own logit scale. */
  readonly scale: number | null;
  readonly convention: 'step' | 'voc07' | 'voc10';
  readonly difficult: 'positive' | 'ignore';
  /**
   * Another prompt template for this evaluation only (the lab's queries; Compare's "prompt set"):
   * the class names in force stay. Absent: the prompts in force.
   */
  readonly promptTemplate?: string;
  /** Another snippet grid for this evaluation only, from a finished run stored in the browser. Absent: the run's. */
  readonly grid?: number;
}

export type ToWorker =
  | { readonly type: 'start'; readonly request: RunRequest }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'cancel' }
  | { readonly type: 'evaluate'; readonly settings: PseudoLabelSettingsMessage }
  /** Another prompt template / class names for the finished run: text encoder only, then 'prompts'. */
  | { readonly type: 'set-prompts'; readonly choice: PromptChoice }
  /** A view's question about the finished run (lab/lab-protocol.ts); answered by 'query-result'. */
  | { readonly type: 'query'; readonly requestId: number; readonly query: LabQuery }
  /** Which reference-reproduction caches (clip_cache/model_*) the dataset holds: answered by 'reference-caches'. */
  | { readonly type: 'list-reference-caches'; readonly dataset: DatasetRef }
  /** Opens one like a finished run (then 'complete' with `fixedScale`). */
  | { readonly type: 'open-reference-cache'; readonly request: ReferenceCacheRequest }
  /** Test-only: destroys onnxruntime-web's GPUDevice, a real device loss. Sent only by the page's `?e2e` hooks. */
  | { readonly type: 'debug-lose-gpu-device' }
  /** Test/benchmark-only: a finished run of synthetic embeddings (lab/synthetic-run.ts). Sent only by `?e2e` hooks. */
  | { readonly type: 'debug-synthetic-run'; readonly images: number; readonly grid: number };

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly skipped: number;
  /** Images already in the browser's cache when the run started (not recomputed). */
  readonly fromCache: number;
  readonly imagesPerSecond: number;
  readonly etaSeconds: number | null;
}

export interface EvaluationMessage {
  readonly settings: PseudoLabelSettingsMessage;
  readonly images: number;
  readonly mAP: { readonly global: number; readonly aggregate: number; readonly final: number };
  readonly classesWithoutPositives: readonly string[];
  readonly elapsedMs: number;
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

export type FromWorker =
  | { readonly type: 'backend'; readonly provider: ExecutionProvider; readonly fallbackReason: string | null; readonly wasmThreads: number }
  | { readonly type: 'stage'; readonly stage: string }
  | { readonly type: 'model-download'; readonly progress: DownloadProgress }
  | { readonly type: 'dataset'; readonly images: number; readonly classes: readonly string[]; readonly split: string | null; readonly warnings: readonly string[] }
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'skipped'; readonly items: readonly SkippedItem[] }
  | { readonly type: 'paused' }
  | {
      readonly type: 'complete';
      readonly images: number;
      readonly recomputed: number;
      readonly runKey: string;
      /** Set for a reference cache: the only softmax scale its scores exist at (no temperature choice). */
      readonly fixedScale?: number;
    }
  | { readonly type: 'reference-caches'; readonly datasetLabel: string; readonly caches: readonly ReferenceCacheModel[] }
  | { readonly type: 'cancelled' }
  | { readonly type: 'evaluation'; readonly evaluation: EvaluationMessage }
  /** A setting the finished run cannot be evaluated at (its last evaluation stays shown). */
  | { readonly type: 'evaluation-error'; readonly message: string }
  | { readonly type: 'prompts'; readonly prompts: PromptsMessage }
  /** A prompt change that could not be applied (the previous prompts stay in force). */
  | { readonly type: 'prompts-error'; readonly message: string }
  | { readonly type: 'query-result'; readonly requestId: number; readonly result: LabResult }
  | { readonly type: 'query-error'; readonly requestId: number; readonly message: string }
  | { readonly type: 'error'; readonly message: string };
