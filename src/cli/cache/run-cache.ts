import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPrompts } from '../../core/clip/prompts';
import { DataError } from '../../core/data-error';
import { CACHE_FILES, parseCacheManifest, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { classTokens, imagePathIndex } from '../../core/datasets/multi-label-dataset';
import type { PreparedChunk } from '../../core/initialization/prepare-chunk';
import { ALL_IMAGES } from '../../core/voc';
import { openCliDataset } from '../dataset-options';
import type { CacheOptions } from '../commands/cache-options';
import { shardRange } from '../commands/cache-options';
import { loadNodeClipModel, type NodeClipModel } from '../clip/node-clip-model';
import { createNodeFileSource } from '../node-file-source';
import type { CliOutput } from '../output';
import { createChunkPreparer } from './chunk-preparer';
import { createChunkStore, type ChunkStore } from './chunk-store';
import { splitChunkEmbeddings } from '../../core/init-cache/chunk-embeddings';
import { writeCache } from './finalize-cache';
import { currentStamps, dropChangedChunks } from './changed-chunks';
import { stampsOf, type CurrentStamps } from '../../core/init-cache/chunk-stamps';
import { createProgressReporter } from './progress-reporter';

export interface CacheRunResult {
  readonly status: 'complete' | 'already-complete' | 'interrupted';
  readonly manifest: CacheManifest | null;
  readonly imagesDone: number;
  readonly imagesTotal: number;
  /** Where the time went in this run (for the benchmark): wall clock, inside the image encoder, crops encoded. */
  readonly timing: CacheTiming;
}

export interface CacheTiming {
  readonly wallMs: number;
  readonly modelMs: number;
  readonly crops: number;
}

/** `cdul cache`: encode a split with CLIP, chunk by chunk, resumable; then write the cache. */
export async function runCache(options: CacheOptions, output: CliOutput, signal: { stop: boolean }): Promise<CacheRunResult> {
  const started = performance.now();
  const timing = { wallMs: 0, modelMs: 0, crops: 0 };
  const finish = (result: Omit<CacheRunResult, 'timing'>): CacheRunResult => ({
    ...result,
    timing: { ...timing, wallMs: performance.now() - started },
  });
  const opened = await openCliDataset(options.dataset, options.split);
  const { dataset } = opened;
  const source = createNodeFileSource(opened.source.label);
  for (const warning of dataset.warnings) output.note(`warning: ${warning}`);
  const [from, to] = shardRange(dataset.ids.length, options.shard);
  const ids = dataset.ids.slice(from, to);
  const datasetSkipped = !options.shard || options.shard.index === 0 ? [...dataset.skipped] : [];
  const model = await loadNodeClipModel(options.modelDir, options.threads);
  try {
    const classes = classTokens(dataset);
    const prompts = buildPrompts(classes, options.template, dataset.classes.map((c) => c.promptName));
    const settings = manifestSettings(options, model, classes, prompts, { split: dataset.split ?? ALL_IMAGES, totalImages: dataset.ids.length });
    const planKey = JSON.stringify({ settings, ids, chunkSize: options.chunkSize });
    const existing = await readCompleteManifest(options.outDir);
    const idSet = new Set<string>(ids);
    if (existing && JSON.stringify(withoutRun(existing)) === JSON.stringify(settings) && existing.ids.every((id) => idSet.has(id))) {
      output.note(`cache: ${options.outDir} is already complete (${existing.ids.length} images); nothing to do`);
      return finish({ status: 'already-complete', manifest: existing, imagesDone: ids.length, imagesTotal: ids.length });
    }
    if (existing) {
      // Never overwrite a finished cache of another run: it may have cost hours.
      throw new DataError(options.outDir, 'holds a finished cache made with other settings (model, grid, split, shard, prompts or images); use another --out or delete it');
    }
    const store = createChunkStore(options.outDir);
    const done = await store.open(planKey);
    const chunks = partition(ids, options.chunkSize);
    const imageFiles = imagePathIndex(dataset);
    const stamps = await currentStamps(source, imageFiles, ids);
    await dropChangedChunks(store, done, stamps, imageFiles, output);
    const run = await encodeChunks(chunks, done, store, { source, imageFiles, stamps, model, grid: options.grid, signal, output, timing });
    if (!run.complete) return finish({ status: 'interrupted', manifest: null, imagesDone: run.imagesDone, imagesTotal: ids.length });
    const text = await model.encodeTexts(prompts);
    const manifest = await assemble(store, chunks.length, options, settings, text, datasetSkipped);
    await store.remove();
    return finish({ status: 'complete', manifest, imagesDone: ids.length, imagesTotal: ids.length });
  } finally {
    await model.release();
  }
}

interface EncodeContext {
  readonly source: ReturnType<typeof createNodeFileSource>;
  /** Image id → path inside the dataset (from the dataset's layout). */
  readonly imageFiles: ReadonlyMap<string, string>;
  /** Each image's file stamp at the start, stored with its chunk. */
  readonly stamps: CurrentStamps;
  readonly model: NodeClipModel;
  readonly grid: number;
  readonly signal: { stop: boolean };
  readonly output: CliOutput;
  readonly timing: { modelMs: number; crops: number };
}

/**
 * Encodes every unfinished chunk; a worker thread reads and preprocesses the next chunk while the
 * model runs on the current one. Stops early when signalled.
 */
async function encodeChunks(
  chunks: string[][],
  done: Set<number>,
  store: ChunkStore,
  context: EncodeContext,
): Promise<{ complete: boolean; imagesDone: number }> {
  const { source, imageFiles, model, grid, signal } = context;
  const todo = chunks.map((_, index) => index).filter((index) => !done.has(index));
  const total = chunks.flat().length;
  let imagesDone = chunks.filter((_, index) => done.has(index)).flat().length;
  let skipped = 0;
  const progress = createProgressReporter('cache', total, imagesDone, context.output);
  const preparer = createChunkPreparer(source, source.label, imageFiles, { grid, config: model.config });
  const prepare = (index: number) => preparer.prepare(index, chunks[index]!);
  let next: Promise<PreparedChunk> | null = todo.length ? prepare(todo[0]!) : null;
  for (let t = 0; t < todo.length && next; t++) {
    const chunk = await next;
    next = t + 1 < todo.length && !signal.stop ? prepare(todo[t + 1]!) : null;
    const crops = chunk.ids.length * chunk.cropsPerImage;
    const modelStart = performance.now();
    // A chunk whose every image was skipped has nothing to encode (and a 0-row tensor is refused).
    const d = model.config.projectionDim;
    const embeddings = crops > 0 ? (await model.encodeImages(chunk.pixels, crops)).data : new Float32Array(0);
    context.timing.modelMs += performance.now() - modelStart;
    context.timing.crops += crops;
    const stamps = stampsOf(chunks[chunk.index]!, context.stamps);
    await store.write(chunk.index, { ids: chunk.ids, skipped: chunk.skipped, stamps }, embeddings, [chunk.ids.length, chunk.cropsPerImage, d]);
    done.add(chunk.index);
    imagesDone += chunks[chunk.index]!.length;
    skipped += chunk.skipped.length;
    progress.update(imagesDone, skipped);
    if (signal.stop) break;
  }
  await preparer.close();
  const complete = done.size === chunks.length;
  progress.finish(complete ? `cache: encoded ${total} images (${skipped} skipped this run)` :
    `cache: interrupted after ${imagesDone}/${total} images; rerun the same command to resume`);
  return { complete, imagesDone };
}

async function assemble(
  store: ChunkStore,
  chunkCount: number,
  options: CacheOptions,
  settings: Omit<CacheManifest, 'ids' | 'skipped'>,
  text: Awaited<ReturnType<NodeClipModel['encodeTexts']>>,
  datasetSkipped: CacheManifest['skipped'],
): Promise<CacheManifest> {
  const stored = [];
  for (let index = 0; index < chunkCount; index++) stored.push(await store.read(index));
  const ids = stored.flatMap((chunk) => chunk.ids);
  const skipped = [...datasetSkipped, ...stored.flatMap((chunk) => chunk.skipped)].sort((a, b) => (a.id < b.id ? -1 : 1));
  const snippets = options.grid * options.grid;
  const split = splitChunkEmbeddings(stored.map((chunk) => chunk.embeddings), ids.length, snippets, text.cols);
  return writeCache(options.outDir, { ids, skipped, ...split, textEmbeds: text }, settings);
}

function manifestSettings(
  options: CacheOptions,
  model: NodeClipModel,
  classes: string[],
  prompts: string[],
  dataset: CacheManifest['dataset'],
): Omit<CacheManifest, 'ids' | 'skipped'> {
  const { config } = model;
  return {
    format: 'cdul-init-cache',
    version: 1,
    classes,
    promptTemplate: options.template,
    prompts,
    model: { id: model.id, inputSize: config.inputSize, logitScale: config.logitScale, embedDim: config.projectionDim },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [...config.mean], std: [...config.std] },
    grid: options.grid,
    dataset,
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

function withoutRun(manifest: CacheManifest): Omit<CacheManifest, 'ids' | 'skipped'> {
  const { ids: _ids, skipped: _skipped, ...settings } = manifest;
  return settings;
}

async function readCompleteManifest(outDir: string): Promise<CacheManifest | null> {
  const file = path.join(outDir, CACHE_FILES.manifest);
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : parseCacheManifest(text, file);
}

function partition<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}
