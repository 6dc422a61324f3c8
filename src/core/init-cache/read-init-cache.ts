import { snippetExtremes } from '../cdul/aggregate';
import { cosineSimilarities, softmaxRows } from '../cdul/similarity';
import { DataError } from '../data-error';
import { joinPath, type FileSource } from '../dataset-source';
import type { PseudoLabelInputs } from '../evaluation/pseudo-labels';
import { decodeNpy, type NpyArray } from '../formats/npy';
import { createMatrix } from '../types';
import { CACHE_FILES, parseCacheManifest, type CacheManifest } from './cache-manifest';

export interface InitCache {
  readonly manifest: CacheManifest;
  readonly inputs: PseudoLabelInputs;
  /** The softmax multiplier the inputs were computed at. */
  readonly scale: number;
}

/**
 * Reads a cache written by `cdul cache` and turns it into pseudo-label inputs (global, α, β).
 * With `scale`, similarities are recomputed from the stored embeddings at that softmax multiplier
 * (e.g. the reference reproduction's 1/ln 100) instead of using global.npy / local.npy.
 */
export async function readInitCache(source: FileSource, dir: string, scale?: number): Promise<InitCache> {
  const path = (name: string) => joinPath(dir, name);
  const manifest = parseCacheManifest(await source.readText(path(CACHE_FILES.manifest)), joinPath(source.label, path(CACHE_FILES.manifest)));
  const n = manifest.ids.length;
  const classes = manifest.classes.length;
  const snippets = manifest.grid * manifest.grid;
  const read = async (name: string, shape: number[]) =>
    expectShape(decodeNpy(await source.readBytes(path(name)), joinPath(source.label, path(name))), shape, joinPath(source.label, path(name)));
  if (scale === undefined) {
    const global = await read(CACHE_FILES.global, [n, classes]);
    const local = await read(CACHE_FILES.local, [n, snippets, classes]);
    const inputs = { global: createMatrix(n, classes, global.data), ...snippetExtremes(local.data, n, snippets, classes) };
    return { manifest, inputs, scale: manifest.model.logitScale };
  }
  const d = manifest.model.embedDim;
  const text = createMatrix(classes, d, (await read(CACHE_FILES.textEmbeds, [classes, d])).data);
  const globalEmbeds = createMatrix(n, d, (await read(CACHE_FILES.globalEmbeds, [n, d])).data);
  const localEmbeds = createMatrix(n * snippets, d, (await read(CACHE_FILES.localEmbeds, [n, snippets, d])).data);
  const global = softmaxRows(cosineSimilarities(globalEmbeds, text), scale);
  const local = softmaxRows(cosineSimilarities(localEmbeds, text), scale);
  return { manifest, inputs: { global, ...snippetExtremes(local.data, n, snippets, classes) }, scale };
}

function expectShape(array: NpyArray, shape: number[], file: string): NpyArray {
  if (array.shape.length !== shape.length || array.shape.some((n, i) => n !== shape[i])) {
    throw new DataError(file, `has shape [${array.shape.join(', ')}], expected [${shape.join(', ')}] from manifest.json`);
  }
  return array;
}
