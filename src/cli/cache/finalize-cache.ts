import path from 'node:path';
import { cosineSimilarities, softmaxRows } from '../../core/cdul/similarity';
import type { SkippedItem } from '../../core/data-error';
import { encodeNpy } from '../../core/formats/npy';
import { CACHE_FILES, type CacheManifest } from '../../core/init-cache/cache-manifest';
import type { Matrix } from '../../core/types';
import { writeAtomically } from './chunk-store';

/** Per-image embeddings in row order: global [n, d] and local [n, N², d]. */
export interface CacheEmbeddings {
  readonly ids: string[];
  readonly skipped: SkippedItem[];
  readonly globalEmbeds: Matrix;
  /** [n × N², d] */
  readonly localEmbeds: Matrix;
  readonly textEmbeds: Matrix;
}

/**
 * Writes the cache's arrays (.npy, float32) and, last, manifest.json — its presence marks a complete
 * cache. Similarities are softmax(scale · cos) at the model's own logit scale (100 for CLIP).
 */
export async function writeCache(
  outDir: string,
  embeddings: CacheEmbeddings,
  manifest: Omit<CacheManifest, 'ids' | 'skipped'>,
): Promise<CacheManifest> {
  const n = embeddings.ids.length;
  const d = embeddings.globalEmbeds.cols;
  const snippets = manifest.grid * manifest.grid;
  const classes = embeddings.textEmbeds.rows;
  const scale = manifest.model.logitScale;
  const global = softmaxRows(cosineSimilarities(embeddings.globalEmbeds, embeddings.textEmbeds), scale);
  const local = softmaxRows(cosineSimilarities(embeddings.localEmbeds, embeddings.textEmbeds), scale);
  const write = (name: string, matrix: Matrix, shape: number[]) =>
    writeAtomically(path.join(outDir, name), encodeNpy(matrix.data, shape));
  await write(CACHE_FILES.globalEmbeds, embeddings.globalEmbeds, [n, d]);
  await write(CACHE_FILES.localEmbeds, embeddings.localEmbeds, [n, snippets, d]);
  await write(CACHE_FILES.textEmbeds, embeddings.textEmbeds, [classes, d]);
  await write(CACHE_FILES.global, global, [n, classes]);
  await write(CACHE_FILES.local, local, [n, snippets, classes]);
  const complete: CacheManifest = { ...manifest, ids: embeddings.ids, skipped: embeddings.skipped };
  await writeAtomically(path.join(outDir, CACHE_FILES.manifest), `${JSON.stringify(complete, null, 2)}\n`);
  return complete;
}
