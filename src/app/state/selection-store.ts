import { create } from 'zustand';
import type { ModelVariant } from '../../worker/models/model-catalog';
import type { DatasetRef, ModelRef } from '../../worker/protocol';

/** The default the lab opens with: the embedded demo dataset and the model built for it. */
export const DEMO_DATASET: DatasetRef = { kind: 'http', url: '/demo/voc-demo/', label: 'Demo dataset (built in)' };
/**
 * `?hub=URL` points every catalog model at a mirror in the hub's layout (an institute's mirror, or
 * the tests' local server); without it the app's own models come from /models/ and the rest from the hub.
 */
export const HUB_MIRROR: string | null = new URLSearchParams(globalThis.location?.search ?? '').get('hub');

export const catalogModel = (id: string, variant: ModelVariant = 'fp32'): ModelRef => ({ kind: 'catalog', id, variant, baseUrl: HUB_MIRROR });

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
  model: catalogModel('demo-clip'),
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
