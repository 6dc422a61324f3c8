import { create } from 'zustand';
import type { SkippedItem } from '../../core/data-error';
import type { DownloadProgress } from '../../worker/models/download-progress';
import { DEFAULT_PROMPT_CHOICE, type PromptChoice } from '../../core/clip/prompts';
import type { ReferenceCacheModel } from '../../core/ref-cache/reference-cache-layout';
import type { ResumeNotice } from './resume-run';
import type { EvaluationMessage, FromWorker, PromptsMessage, PseudoLabelSettingsMessage, RunProgress } from '../../worker/protocol';

export type RunPhase = 'idle' | 'running' | 'paused' | 'complete' | 'cancelled' | 'failed';

export interface RunState {
  readonly phase: RunPhase;
  readonly stage: string | null;
  readonly backend: { provider: 'webgpu' | 'wasm'; fallbackReason: string | null; wasmThreads: number } | null;
  readonly dataset: { images: number; classes: readonly string[]; split: string | null; warnings: readonly string[] } | null;
  readonly progress: RunProgress | null;
  readonly modelDownload: DownloadProgress | null;
  readonly skipped: readonly SkippedItem[];
  readonly recomputed: number | null;
  /** The finished run's cache key (dataset, split, model, preprocessing, grid). */
  readonly runKey: string | null;
  /** Set when a reference cache is open: the only softmax scale its scores exist at. */
  readonly fixedScale: number | null;
  /** The reference reproduction's caches in the selected dataset (see reference-cache-panel.tsx). */
  /** By dataset label: listings answer in any order (a slow HTTP listing may come after a folder's). */
  readonly referenceCaches: Readonly<Record<string, readonly ReferenceCacheModel[]>>;
  readonly error: string | null;
  readonly evaluation: EvaluationMessage | null;
  readonly evaluationError: string | null;
  readonly settings: PseudoLabelSettingsMessage;
  /** The prompt template and class names the user chose: used by the next run and sent on "Apply". */
  readonly promptChoice: PromptChoice;
  /** The prompts in force in the worker for the finished run. */
  readonly prompts: PromptsMessage | null;
  readonly promptError: string | null;
  /** About a run the last page left unfinished (resumed, or what to click). */
  readonly resumeNotice: ResumeNotice | null;
  begin(): void;
  choosePrompts(choice: PromptChoice): void;
  receive(message: FromWorker): void;
  setSettings(patch: Partial<PseudoLabelSettingsMessage>): void;
}

export const DEFAULT_SETTINGS: PseudoLabelSettingsMessage = {
  zeta: 0.1,
  lambda: 0,
  scale: null,
  convention: 'step',
  difficult: 'positive',
};

/** UI state of the current run, fed by the worker's messages (the worker owns the data itself). */
export const useRunStore = create<RunState>((set) => ({
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
  referenceCaches: {},
  error: null,
  evaluation: null,
  evaluationError: null,
  settings: DEFAULT_SETTINGS,
  promptChoice: DEFAULT_PROMPT_CHOICE,
  prompts: null,
  promptError: null,
  resumeNotice: null,
  begin: () =>
    set({
      phase: 'running',
      stage: 'Starting…',
      progress: null,
      modelDownload: null,
      skipped: [],
      recomputed: null,
      runKey: null,
      fixedScale: null,
      error: null,
      evaluation: null,
      dataset: null,
      prompts: null,
      promptError: null,
      resumeNotice: null,
    }),
  choosePrompts: (promptChoice) => set({ promptChoice, promptError: null }),
  receive: (message) => set((state) => reduce(state, message)),
  setSettings: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
}));

function reduce(state: RunState, message: FromWorker): Partial<RunState> {
  switch (message.type) {
    case 'backend':
      return { backend: { provider: message.provider, fallbackReason: message.fallbackReason, wasmThreads: message.wasmThreads } };
    case 'stage':
      return { stage: message.stage };
    case 'model-download':
      return { modelDownload: message.progress };
    case 'dataset':
      return { dataset: { images: message.images, classes: message.classes, split: message.split, warnings: message.warnings } };
    case 'progress':
      return { progress: message.progress, phase: state.phase === 'paused' ? 'paused' : 'running', stage: 'Encoding images…' };
    case 'skipped':
      return { skipped: [...state.skipped, ...message.items] };
    case 'paused':
      return { phase: 'paused' };
    case 'complete':
      return {
        phase: 'complete',
        stage: null,
        recomputed: message.recomputed,
        runKey: message.runKey,
        fixedScale: message.fixedScale ?? null,
        // A reference cache has one temperature: its own (the model's, in the settings' terms).
        settings: message.fixedScale === undefined ? state.settings : { ...state.settings, scale: null },
      };
    case 'reference-caches':
      return { referenceCaches: { ...state.referenceCaches, [message.datasetLabel]: message.caches } };
    case 'cancelled':
      return { phase: 'cancelled', stage: null };
    case 'evaluation':
      return { evaluation: message.evaluation, evaluationError: null };
    case 'evaluation-error':
      return { evaluationError: message.message };
    case 'error':
      return { phase: 'failed', stage: null, error: message.message };
    case 'prompts':
      return { prompts: message.prompts, promptError: null };
    case 'prompts-error':
      return { promptError: message.message };
    case 'query-result':
    case 'query-error':
      return {}; // answers to a view's query: see lab-client.ts
  }
}
