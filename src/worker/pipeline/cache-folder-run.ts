import { classTokens, imagePathIndex } from '../../core/datasets/multi-label-dataset';
import { CACHE_FILES } from '../../core/init-cache/cache-manifest';
import { cacheFolderRunKey, manifestSplit, planCacheImport, refuseShard } from '../../core/init-cache/cache-import';
import { createMatrix } from '../../core/types';
import type { FinishedRun } from '../lab/finished-run';
import type { CacheFolderRequest, CacheFolderSummary, FromWorker, PromptsMessage } from '../protocol/pipeline-protocol';
import type { EmbeddingStore } from '../storage/embedding-store';
import { importCacheFolder } from './cache-folder-import';
import { cacheTextKey, storedCacheFolder } from './cache-folder-reopen';
import { openCacheFolder } from './cache-folder-source';
import { cacheTextEncoder } from './cache-folder-text-encoder';
import { datasetMessage, labelsOfRows } from './dataset-message';
import { storedChunks } from './embedding-chunks';
import { openRefDataset, sourceOfRef } from './open-dataset';
import type { RunControl } from './run-control';
import { assembleSimilarityState } from './similarity-state';

export interface OpenedCacheFolder {
  /** What the views query from now on (its text encoder, if any, is the caller's to release). */
  readonly run: FinishedRun;
  readonly images: number;
  readonly runKey: string;
  /** The cache's own prompt set, in force. */
  readonly prompts: PromptsMessage;
  readonly summary: CacheFolderSummary;
}

/**
 * A `cdul cache` output folder opened like a finished run, next to the dataset it was computed from:
 * the manifest is checked against the dataset (not a shard, same classes, its images in the dataset),
 * the image embeddings are imported into the embedding store as a run (once: opened again, it is
 * read from the store), and the similarity state is assembled from them under the cache's text
 * embeddings — so temperature, ζ, λ, the views and training work as on a computed run, and prompt
 * changes too when the lab's model is the cache's. Returns null when cancelled.
 */
export async function openCacheFolderRun(
  request: CacheFolderRequest,
  control: RunControl,
  store: EmbeddingStore,
  post: (message: FromWorker) => void,
): Promise<OpenedCacheFolder | null> {
  post({ type: 'stage', stage: 'Reading the cache folder…' });
  const folder = request.cache ? await openCacheFolder(sourceOfRef(request.cache)) : null;
  const reopened = request.cache ? null : await storedCacheFolder(store, request.storedRunKey ?? '');
  const manifest = folder?.manifest ?? reopened!.manifest;
  const manifestFile = folder?.manifestFile ?? request.storedRunKey!;
  refuseShard(manifest, manifestFile);
  post({ type: 'stage', stage: 'Reading the dataset…' });
  const onStage = (stage: string) => post({ type: 'stage', stage });
  const opened = await openRefDataset(request.dataset, request, { split: manifestSplit(manifest), onStage });
  const { dataset } = opened;
  const classes = classTokens(dataset);
  const plan = planCacheImport(manifest, manifestFile, { root: dataset.root, split: dataset.split, ids: dataset.ids, classes });
  post({ ...datasetMessage(dataset), warnings: [...dataset.warnings, ...plan.warnings] });
  const skipped = [...dataset.skipped, ...plan.skipped];
  if (skipped.length) post({ type: 'skipped', items: skipped });

  const d = manifest.model.embedDim;
  const textData = folder ? (await folder.readArray(CACHE_FILES.textEmbeds, [classes.length, d])).data.slice() : reopened!.text;
  const text = createMatrix(classes.length, d, textData);
  const key = folder ? cacheFolderRunKey(manifest, plan.ids, text.data) : request.storedRunKey!;
  const stored = folder ? await importCacheFolder({ folder, plan, key, chunkSize: request.chunkSize, store, control, post }) : { run: reopened!.run, imported: 0 };
  if (!stored) {
    post({ type: 'cancelled' });
    return null;
  }
  // Kept beside the run, so a reload reopens it without the folder (cache-folder-reopen.ts).
  if (folder) await store.putTextEmbeddings(cacheTextKey(key), manifest.prompts, text.data);
  post({ type: 'stage', stage: 'Computing the similarities…' });
  const started = performance.now();
  const chunks = storedChunks(store, stored.run);
  const state = await assembleSimilarityState(chunks, text, labelsOfRows(dataset, chunks.ids), classes, manifest.model.logitScale);
  const similaritiesMs = performance.now() - started;
  const { encoder, unavailable } = await cacheTextEncoder(request.model, manifest, post);
  const promptNames = dataset.classes.map((c) => c.promptName);
  const run: FinishedRun = {
    state,
    source: opened.source,
    imageFiles: imagePathIndex(dataset),
    textEncoder: encoder,
    storeKey: key,
    classNames: {},
    promptNames,
    loadSplit: async (other) => (await openRefDataset(request.dataset, request, { split: other })).dataset,
    ...(unavailable ? { promptsUnavailable: unavailable } : {}),
  };
  return {
    run,
    images: state.ids.length,
    runKey: key,
    prompts: {
      choice: { template: manifest.promptTemplate, classNames: {} },
      prompts: manifest.prompts,
      textFromCache: true,
      textEncoderMs: 0,
      similaritiesMs,
    },
    summary: { label: folder?.source.label ?? request.cacheLabel ?? manifest.model.id, modelId: manifest.model.id, grid: manifest.grid, imported: stored.imported, promptsUnavailable: unavailable },
  };
}
