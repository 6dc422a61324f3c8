import { DataError, type SkippedItem } from '../data-error';

/**
 * manifest.json of an initialization cache (written by `cdul cache`, later by the browser pipeline):
 * everything needed to interpret the .npy files beside it and to refuse mixing incompatible runs.
 * Deterministic (no timestamps), so a sharded run merged equals a single run byte for byte.
 */
export interface CacheManifest {
  readonly format: 'cdul-init-cache';
  readonly version: 1;
  /** Image ids in row order of every per-image array. */
  readonly ids: string[];
  readonly classes: string[];
  readonly promptTemplate: string;
  readonly prompts: string[];
  readonly model: {
    readonly id: string;
    readonly inputSize: number;
    /** The softmax multiplier used for global.npy and local.npy (100 for CLIP). */
    readonly logitScale: number;
    readonly embedDim: number;
  };
  /** Preprocessing that produced the crops (spec §1). */
  readonly preprocessing: { readonly resize: 'shortest-edge-bicubic'; readonly mean: number[]; readonly std: number[] };
  /** N of the N×N snippet grid; local arrays have N² rows per image. */
  readonly grid: number;
  readonly dataset: { readonly split: string; readonly totalImages: number };
  /** This output holds only shard `index` of `count` (contiguous blocks of the split); absent when whole. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly skipped: SkippedItem[];
}

export const CACHE_FILES = {
  manifest: 'manifest.json',
  globalEmbeds: 'global_embeds.npy',
  localEmbeds: 'local_embeds.npy',
  textEmbeds: 'text_embeds.npy',
  global: 'global.npy',
  local: 'local.npy',
} as const;

export function parseCacheManifest(text: string, file: string): CacheManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const manifest = value as Partial<CacheManifest>;
  if (manifest?.format !== 'cdul-init-cache' || manifest.version !== 1) {
    throw new DataError(file, `not a cdul initialization cache manifest (format ${String(manifest?.format)}, version ${String(manifest?.version)})`);
  }
  const problems = [
    Array.isArray(manifest.ids) ? '' : 'ids',
    Array.isArray(manifest.classes) ? '' : 'classes',
    Array.isArray(manifest.prompts) && manifest.prompts.length === manifest.classes?.length ? '' : 'prompts',
    typeof manifest.grid === 'number' ? '' : 'grid',
    typeof manifest.model?.logitScale === 'number' ? '' : 'model.logitScale',
    typeof manifest.dataset?.split === 'string' ? '' : 'dataset.split',
    Array.isArray(manifest.skipped) ? '' : 'skipped',
  ].filter(Boolean);
  if (problems.length) throw new DataError(file, `manifest has missing or malformed fields: ${problems.join(', ')}`);
  return manifest as CacheManifest;
}

/** The settings two caches must share to be merged or compared (everything but ids and shard). */
export function manifestSettingsKey(manifest: CacheManifest): string {
  const { model, grid, classes, prompts, preprocessing, dataset } = manifest;
  return JSON.stringify({ model, grid, classes, prompts, preprocessing, split: dataset.split, total: dataset.totalImages });
}
