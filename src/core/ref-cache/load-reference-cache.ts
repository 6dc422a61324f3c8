import { DataError, type SkippedItem } from '../data-error';
import type { FileSource } from '../dataset-source';
import type { PseudoLabelInputs } from '../evaluation/pseudo-labels';
import { displayPath } from '../datasets/source-paths';
import { readClassVector } from '../formats/torch-pt';
import { mapLimited } from '../map-limited';
import { createMatrix, type ImageId, type Matrix } from '../types';
import { cachedAggregatePath, cachedVectorPath, type CachedVectorKind } from './reference-cache-layout';

export interface LoadedReferenceCache {
  /** The images whose three vectors all loaded, in the order asked for. */
  readonly ids: ImageId[];
  /** Indices of `ids` in the list that was asked for, to pick matching ground-truth rows. */
  readonly rowsInRequest: number[];
  readonly inputs: PseudoLabelInputs;
  /** Images left out, each with the file and the problem. */
  readonly skipped: SkippedItem[];
}

export interface LoadOptions {
  readonly grid: number;
  readonly classCount: number;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const KINDS: readonly CachedVectorKind[] = ['global', 'alpha', 'beta'];

/**
 * Reads global, α and β of every requested image. A missing or malformed file skips that image with
 * a message naming the file; the others load.
 */
export async function loadReferenceCache(
  source: FileSource,
  modelPath: string,
  ids: readonly ImageId[],
  options: LoadOptions,
): Promise<LoadedReferenceCache> {
  let done = 0;
  const perImage = await mapLimited(ids, options.concurrency ?? 32, async (id) => {
    const result = await loadImageVectors(source, modelPath, id, options);
    options.onProgress?.(++done, ids.length);
    return result;
  });
  const rowsInRequest: number[] = [];
  const vectors: Float32Array[][] = [];
  const skipped: SkippedItem[] = [];
  perImage.forEach((result, row) => {
    if (result instanceof DataError) {
      skipped.push({ id: ids[row]!, reason: result.message });
    } else {
      rowsInRequest.push(row);
      vectors.push(result);
    }
  });
  const pack = (kind: number) => packRows(vectors.map((triple) => triple[kind]!), options.classCount);
  return {
    ids: rowsInRequest.map((row) => ids[row]!),
    rowsInRequest,
    inputs: { global: pack(0), alpha: pack(1), beta: pack(2) },
    skipped,
  };
}

async function loadImageVectors(
  source: FileSource,
  modelPath: string,
  id: ImageId,
  options: LoadOptions,
): Promise<Float32Array[] | DataError> {
  try {
    return await Promise.all(
      KINDS.map((kind) => readVector(source, cachedVectorPath(modelPath, kind, id, options.grid), options.classCount)),
    );
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
}

/** One cached aggregate vector per image at a cached threshold: lets tests check our aggregator. */
export async function loadCachedAggregates(
  source: FileSource,
  modelPath: string,
  ids: readonly ImageId[],
  options: { readonly grid: number; readonly threshold: string; readonly classCount: number },
): Promise<Matrix> {
  const rows = await mapLimited(ids, 32, (id) =>
    readVector(source, cachedAggregatePath(modelPath, options.grid, options.threshold, id), options.classCount),
  );
  return packRows(rows, options.classCount);
}

async function readVector(source: FileSource, path: string, classCount: number): Promise<Float32Array> {
  const bytes = await source.readBytes(path);
  return readClassVector(bytes, displayPath(source.label, path), classCount);
}

function packRows(rows: readonly Float32Array[], classCount: number): Matrix {
  const matrix = createMatrix(rows.length, classCount);
  rows.forEach((row, index) => matrix.data.set(row, index * classCount));
  return matrix;
}
