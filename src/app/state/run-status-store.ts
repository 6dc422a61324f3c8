import { create } from 'zustand';
import type { SkippedItem } from '../../core/data-error';
import type {
  BackendAdvice,
  CacheFolderSummary,
  CpuOperator,
  DatasetMessage,
  DownloadProgress,
  EncodingProgress,
  ExecutionProvider,
  FromWorker,
  PromptsMessage,
  RunRequest,
  RunProgress,
  StaleChunksMessage,
} from '../../worker/protocol/pipeline-protocol';
import type { ShownRun } from './shown-run';
import type { WorkerCrashNotice } from './worker-crash-notice';

export type RunPhase = 'idle' | 'running' | 'paused' | 'complete' | 'cancelled' | 'failed';

/** What the run panel says about a run the last page left unfinished. */
export type ResumeNotice =
  | { readonly kind: 'resumed'; readonly label: string }
  /** The selection's finished run, reopened from the browser cache so the views show it again. */
  | { readonly kind: 'reopened'; readonly label: string }
  /** A folder whose read permission must be granted again by a click (the browser's rule). */
  | { readonly kind: 'needs-permission'; readonly label: string; readonly request: RunRequest }
  /** Files chosen by upload cannot be reopened: the user chooses the folder again. */
  | { readonly kind: 'choose-again'; readonly label: string };

/**
 * The run as the pipeline worker reports it, message by message (progress, backend, completion…):
 * a mirror of what the worker pushes, not of its answers (those are react-query's, see queries.ts).
 */
export interface RunStatus {
  readonly phase: RunPhase;
  readonly stage: string | null;
  readonly backend: {
    readonly provider: ExecutionProvider;
    readonly fallbackReason: string | null;
    readonly wasmThreads: number;
    /** WebAssembly asked for or chosen automatically (a software adapter): said once, under "Run on", not warned of. */
    readonly expected: boolean;
  } | null;
  /** The dataset the run reads, as the worker opened it (`unlabelled`: no ground truth, the views show what needs none). */
  readonly dataset: Omit<DatasetMessage, 'type'> | null;
  readonly progress: RunProgress | null;
  readonly modelDownload: DownloadProgress | null;
  readonly skipped: readonly SkippedItem[];
  readonly recomputed: number | null;
  /** The finished run's cache key (dataset, split, model, preprocessing, grid). */
  readonly runKey: string | null;
  /** Set when a reference cache is open: the softmax scale its α/β are stored at (the temperature moves its global scores only). */
  readonly fixedScale: number | null;
  /** Set when a `cdul cache` folder is open: where it came from, its model, and whether prompts can change. */
  readonly cacheFolder: CacheFolderSummary | null;
  readonly error: string | null;
  /** The prompts in force in the worker for the finished run. */
  readonly prompts: PromptsMessage | null;
  readonly promptError: string | null;
  /** About a run the last page left unfinished (resumed, or what to click). */
  readonly resumeNotice: ResumeNotice | null;
  /** Which run this is (the views' title line); null for a test's synthetic run. */
  readonly shown: ShownRun | null;
  /** The finished run's images: the ones it has scores for (skipped files are not among them). */
  readonly images: number | null;
  /** Images through the encoder while a chunk is encoded (the chunk in progress included). */
  readonly encoding: EncodingProgress | null;
  /** Cancel or Pause was pressed and the run has not stopped yet ("Cancelling…"). */
  readonly stopping: 'cancel' | 'pause' | null;
  /** Paused by restarting the worker mid-chunk: Resume starts the run again (its stored chunks are skipped). */
  readonly interrupted: boolean;
  /** The pipeline worker died on its own (worker-crash.ts): what the run panel says of it. */
  readonly workerCrash: WorkerCrashNotice | null;
  /** The other backend measured much faster on this machine (offered in the run panel). */
  readonly advice: BackendAdvice | null;
  /** The operators onnxruntime ran on the CPU in the last model loaded on WebGPU (the GPU panel). */
  readonly cpuOperators: { readonly model: string; readonly vision: readonly CpuOperator[]; readonly text: readonly CpuOperator[] } | null;
  /** Stored chunks the run encodes again: files changed since, or lost by the browser's storage. */
  readonly staleChunks: readonly StaleChunksMessage[];
}

const IDLE: RunStatus = {
  phase: 'idle',
  stage: null,
  backend: null,
  dataset: null,
  progress: null,
  modelDownload: null,
  skipped: [],
  recomputed: null,
  runKey: null,
  fixedScale: null,
  cacheFolder: null,
  error: null,
  prompts: null,
  promptError: null,
  resumeNotice: null,
  shown: null,
  images: null,
  encoding: null,
  stopping: null,
  interrupted: false,
  workerCrash: null,
  advice: null,
  cpuOperators: null,
  staleChunks: [],
};

export const useRunStatus = create<RunStatus>(() => IDLE);

/** A run starts: everything the last one reported is cleared (the backend line stays until the new one says). */
export function beginRun(shown: ShownRun | null = null): void {
  useRunStatus.setState((state) => ({ ...IDLE, backend: state.backend, cpuOperators: state.cpuOperators, phase: 'running', stage: 'Starting…', shown }));
}

/** The shown run's stored embeddings were deleted: the views fall back to "no run" (the backend line stays). */
export function closeShownRun(): void {
  useRunStatus.setState((state) => ({ ...IDLE, backend: state.backend, cpuOperators: state.cpuOperators }));
}

export function setResumeNotice(resumeNotice: ResumeNotice | null): void {
  useRunStatus.setState({ resumeNotice });
}

/** A new prompt choice is being applied: the last refusal no longer stands. */
export function clearPromptError(): void {
  useRunStatus.setState({ promptError: null });
}

export function setRunError(error: string): void {
  useRunStatus.setState({ resumeNotice: null, error });
}

/**
 * The pipeline worker's messages, applied in order. A reference cache opening leaves the workspace's
 * temperature as it is (its global scores follow it), so one read from the URL holds for it too.
 */
export function receiveRunMessage(message: FromWorker): void {
  useRunStatus.setState((state) => reduce(state, message));
}

function reduce(state: RunStatus, message: FromWorker): Partial<RunStatus> {
  switch (message.type) {
    case 'backend':
      return { backend: { provider: message.provider, fallbackReason: message.fallbackReason, wasmThreads: message.wasmThreads, expected: message.expected ?? false } };
    case 'stage':
      return { stage: message.stage };
    case 'model-download':
      return { modelDownload: message.progress };
    case 'dataset':
      return { dataset: datasetOf(message) };
    case 'progress':
      return { progress: message.progress, phase: state.phase === 'paused' ? 'paused' : 'running', stage: message.progress.stage ?? 'Encoding images…' };
    case 'skipped':
      return { skipped: [...state.skipped, ...message.items] };
    case 'stale-chunks':
      return { staleChunks: [...state.staleChunks, message] };
    case 'encoding':
      return { encoding: message.progress };
    case 'backend-advice':
      return { advice: message.advice };
    case 'cpu-operators':
      return { cpuOperators: { model: message.model, vision: message.vision, text: message.text } };
    case 'paused':
      return { phase: 'paused', stopping: null, stage: null };
    case 'complete':
      return {
        phase: 'complete',
        stage: null,
        images: message.images,
        recomputed: message.recomputed,
        runKey: message.runKey,
        fixedScale: message.fixedScale ?? null,
        cacheFolder: message.cacheFolder ?? null,
      };
    case 'cancelled':
      return { phase: 'cancelled', stage: null, stopping: null, interrupted: false };
    case 'error':
      return { phase: 'failed', stage: null, error: message.message, stopping: null };
    case 'prompts':
      return { prompts: message.prompts, promptError: null };
    case 'prompts-error':
      return { promptError: message.message };
    case 'query-result':
    case 'query-error':
      return {}; // answers to a view's question: react-query's (queries.ts)
    case 'debug-synthetic-stored':
      return {}; // the `?e2e` hooks' (e2e-hooks.ts)
  }
}

/** Whether a run is going (running or paused). */
export const isBusy = (phase: RunPhase): boolean => phase === 'running' || phase === 'paused';

function datasetOf({ type: _type, ...dataset }: DatasetMessage): Omit<DatasetMessage, 'type'> {
  return dataset;
}

/** True when the finished (or running) run's dataset has no ground truth: mAP, PR curves and TP/FP marks give way. */
export const useUnlabelled = (): boolean => useRunStatus((state) => state.dataset?.unlabelled ?? false);
