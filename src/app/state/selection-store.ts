import { create } from 'zustand';
import type { DatasetRef, ModelRef } from '../../worker/protocol';

/** The default the lab opens with: the embedded demo dataset and the model built for it. */
export const DEMO_DATASET: DatasetRef = { kind: 'http', url: '/demo/voc-demo/', label: 'Demo dataset (built in)' };
export const BUILTIN_MODELS: readonly { id: string; label: string; ref: ModelRef }[] = [
  { id: 'demo-clip', label: 'demo-clip (built in, made for the demo dataset)', ref: { kind: 'url', id: 'demo-clip', baseUrl: '/models/demo-clip' } },
  { id: 'tiny-vit', label: 'tiny-vit (built in, CLIP architecture, random weights)', ref: { kind: 'url', id: 'tiny-vit', baseUrl: '/models/tiny-vit' } },
];

export interface SelectionState {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  readonly model: ModelRef;
  readonly grid: number;
  /** First N images only; null = the whole split. */
  readonly limit: number | null;
  /** WebGPU unless the user asks for WebAssembly (or the browser has no WebGPU). */
  readonly provider: 'webgpu' | 'wasm';
  setLimit(limit: number | null): void;
  setProvider(provider: 'webgpu' | 'wasm'): void;
  setDataset(dataset: DatasetRef, split: string | null): void;
  setSplit(split: string | null): void;
  setModel(model: ModelRef): void;
  setGrid(grid: number): void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  dataset: DEMO_DATASET,
  split: 'val',
  model: BUILTIN_MODELS[0]!.ref,
  grid: 3,
  limit: null,
  provider: 'webgpu',
  setLimit: (limit) => set({ limit }),
  setProvider: (provider) => set({ provider }),
  setDataset: (dataset, split) => set({ dataset, split }),
  setSplit: (split) => set({ split }),
  setModel: (model) => set({ model }),
  setGrid: (grid) => set({ grid }),
}));
