import { create } from 'zustand';
import type { SkippedItem } from '../../core/data-error';
import type { DownloadProgress } from '../../worker/models/download-progress';
import type { EvaluationMessage, FromWorker, PseudoLabelSettingsMessage, RunProgress } from '../../worker/protocol';

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
  readonly error: string | null;
  readonly evaluation: EvaluationMessage | null;
  readonly settings: PseudoLabelSettingsMessage;
  begin(): void;
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
  error: null,
  evaluation: null,
  settings: DEFAULT_SETTINGS,
  begin: () =>
    set({ phase: 'running', stage: 'Starting…', progress: null, modelDownload: null, skipped: [], recomputed: null, error: null, evaluation: null, dataset: null }),
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
      return { phase: 'complete', stage: null, recomputed: message.recomputed };
    case 'cancelled':
      return { phase: 'cancelled', stage: null };
    case 'evaluation':
      return { evaluation: message.evaluation };
    case 'error':
      return { phase: 'failed', stage: null, error: message.message };
  }
}
