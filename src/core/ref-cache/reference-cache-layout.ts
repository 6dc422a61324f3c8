import { joinPath, type FileSource } from '../dataset-source';

/**
 * The reference reproduction's cache layout (spec §4), under one model folder `clip_cache/model_<clip>/`:
 *   global/<id>.pt                                  softmax similarity of the whole image  [C] or [1, C]
 *   num_patches_<N>/alpha/<id>.pt, …/beta/<id>.pt   per-class max / min over the N×N snippets
 *   num_patches_<N>/thresh_<ζ>/aggregate/<id>.pt    the aggregate at one cached threshold
 */
export const REFERENCE_CACHE_DIR = 'clip_cache';

export type CachedVectorKind = 'global' | 'alpha' | 'beta';

export function cachedVectorPath(modelPath: string, kind: CachedVectorKind, id: string, grid: number): string {
  return kind === 'global'
    ? joinPath(modelPath, 'global', `${id}.pt`)
    : joinPath(modelPath, `num_patches_${grid}`, kind, `${id}.pt`);
}

export function cachedAggregatePath(modelPath: string, grid: number, threshold: string, id: string): string {
  return joinPath(modelPath, `num_patches_${grid}`, `thresh_${threshold}`, 'aggregate', `${id}.pt`);
}

export interface ReferenceCacheGrid {
  /** N of the N×N snippet grid. */
  readonly grid: number;
  readonly hasAlphaBeta: boolean;
  /** Thresholds whose aggregates were cached, as written in the folder names (e.g. "0.1"). */
  readonly cachedThresholds: string[];
}

export interface ReferenceCacheModel {
  /** The CLIP model's name, from `model_<clip>` (e.g. "RN50x64"). */
  readonly clip: string;
  readonly path: string;
  readonly hasGlobal: boolean;
  readonly grids: ReferenceCacheGrid[];
}

/** What one model folder holds; used to tell the user what can be evaluated before loading anything. */
export async function describeReferenceCache(source: FileSource, modelPath: string): Promise<ReferenceCacheModel> {
  const dirs = await source.listDirs(modelPath);
  const grids: ReferenceCacheGrid[] = [];
  for (const dir of dirs) {
    const match = /^num_patches_(\d+)$/.exec(dir);
    if (!match) continue;
    const gridPath = joinPath(modelPath, dir);
    const inside = await source.listDirs(gridPath);
    grids.push({
      grid: Number(match[1]),
      hasAlphaBeta: inside.includes('alpha') && inside.includes('beta'),
      cachedThresholds: inside.flatMap((name) => /^thresh_(.+)$/.exec(name)?.[1] ?? []).sort(byNumber),
    });
  }
  const folder = modelPath.split('/').filter(Boolean).at(-1) ?? modelPath;
  return {
    clip: folder.replace(/^model_/, ''),
    path: modelPath,
    hasGlobal: dirs.includes('global'),
    grids: grids.sort((a, b) => a.grid - b.grid),
  };
}

/** Every `clip_cache/model_*` folder under a VOC root (the layout a user gets by copying clip_cache/ in). */
export async function findReferenceCaches(source: FileSource, vocRoot = ''): Promise<ReferenceCacheModel[]> {
  const cacheRoot = joinPath(vocRoot, REFERENCE_CACHE_DIR);
  const models = (await source.listDirs(cacheRoot)).filter((name) => name.startsWith('model_')).sort();
  return Promise.all(models.map((name) => describeReferenceCache(source, joinPath(cacheRoot, name))));
}

function byNumber(a: string, b: string): number {
  return Number(a) - Number(b);
}
