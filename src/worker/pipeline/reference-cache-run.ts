import { REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { DataError } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { detectLayout } from '../../core/datasets/detect-layout';
import { displayPath } from '../../core/datasets/source-paths';
import { classTokens, imagePathIndex } from '../../core/datasets/multi-label-dataset';
import { selectRows } from '../../core/evaluation/select-rows';
import { loadReferenceCache } from '../../core/ref-cache/load-reference-cache';
import { cachedVectorPath, findReferenceCaches, type ReferenceCacheModel } from '../../core/ref-cache/reference-cache-layout';
import type { DatasetRef, FromWorker, ReferenceCacheRequest } from '../protocol/pipeline-protocol';
import { datasetMessage } from './dataset-message';
import { openRefDataset, sourceOfRef } from './open-dataset';
import { referenceCacheInputs } from './reference-cache-inputs';
import type { LabState } from './similarity-state';

/** The reference reproduction's `clip_cache/model_*` folders in a dataset ([] when it has none). */
export async function listReferenceCaches(dataset: DatasetRef): Promise<ReferenceCacheModel[]> {
  const detected = await detectLayout(sourceOfRef(dataset));
  return detected ? findReferenceCaches(detected.source) : [];
}

export interface OpenedReferenceCache {
  readonly state: LabState;
  readonly source: FileSource;
  readonly imageFiles: ReadonlyMap<string, string>;
}

/**
 * A reference cache opened like a finished run: the split's ground truth against its cached global,
 * α and β, stored at the reference's temperature, 1/ln 100 (no snippet scores, so no heatmaps). The
 * global scores follow any temperature (core/ref-cache/rescale-cached-softmax.ts); α and β stay at the
 * cache's own. Images without cached vectors are skipped and named.
 */
export async function openReferenceCache(request: ReferenceCacheRequest, post: (message: FromWorker) => void): Promise<OpenedReferenceCache> {
  post({ type: 'stage', stage: 'Reading the reference cache…' });
  const { source, dataset } = await openRefDataset(request.dataset, request, {
    split: request.split ?? undefined,
    onStage: (stage) => post({ type: 'stage', stage }),
    onProgress: readingProgress('Reading the annotations…', post),
  });
  const caches = await findReferenceCaches(source);
  const cache = caches.find((candidate) => candidate.path === request.modelPath);
  if (!cache?.hasGlobal || !cache.grids.some((grid) => grid.grid === request.grid && grid.hasAlphaBeta)) {
    throw new DataError(displayPath(source.label, request.modelPath), `holds no global and num_patches_${request.grid}/alpha|beta vectors`);
  }
  post(datasetMessage(dataset));
  const loaded = await loadReferenceCache(source, request.modelPath, dataset.ids, {
    grid: request.grid,
    classCount: dataset.classes.length,
    onProgress: readingProgress('Reading global, α and β of each image…', post),
  });
  if (loaded.skipped.length) post({ type: 'skipped', items: loaded.skipped });
  const scale = REFERENCE_REPRODUCTION_SCALE.scale;
  const ids = loaded.ids.map(String);
  const state: LabState = {
    ids,
    classes: classTokens(dataset),
    labels: dataset.labels && selectRows(dataset.labels, loaded.rowsInRequest),
    snippets: request.grid * request.grid,
    modelScale: scale,
    localCos: null,
    fixedScale: scale,
    inputsAt: referenceCacheInputs(loaded.inputs, scale, (row) => displayPath(source.label, cachedVectorPath(request.modelPath, 'global', ids[row]!, request.grid))),
  };
  return { state, source, imageFiles: imagePathIndex(dataset) };
}

const PROGRESS_MS = 250;

/**
 * Progress of one reading stage as the run panel shows a computed run's (done / total, images per
 * second, ETA), posted at most every PROGRESS_MS: each post redraws the page, whose thread also reads
 * the files for this worker (file-list-protocol.ts).
 */
function readingProgress(stage: string, post: (message: FromWorker) => void): (done: number, total: number) => void {
  const started = performance.now();
  let posted = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (now - posted < PROGRESS_MS && done !== total) return;
    posted = now;
    const imagesPerSecond = done / Math.max((now - started) / 1000, 1e-9);
    const etaSeconds = done > 0 ? (total - done) / imagesPerSecond : null;
    post({ type: 'progress', progress: { done, total, skipped: 0, fromCache: 0, imagesPerSecond, etaSeconds, stage } });
  };
}
