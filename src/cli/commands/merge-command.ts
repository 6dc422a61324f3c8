import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../../core/data-error';
import { decodeNpy, encodeNpy, type NpyArray } from '../../core/formats/npy';
import { CACHE_FILES, manifestSettingsKey, parseCacheManifest, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { writeAtomically } from '../cache/chunk-store';
import { requireOption } from '../option-parsers';
import type { CliOutput } from '../output';
import { UsageError } from '../usage-error';

export const MERGE_USAGE = `cdul merge --out DIR SHARD_DIR…
  Joins the outputs of \`cdul cache --shard i/n\` (all n shards, any order) into one cache, identical to
  a single run over the whole split.`;

const PER_IMAGE_ARRAYS = [CACHE_FILES.globalEmbeds, CACHE_FILES.localEmbeds, CACHE_FILES.global, CACHE_FILES.local];

export async function mergeCommand(argv: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { out: { type: 'string' } } });
  const outDir = requireOption(values.out, 'out');
  if (positionals.length === 0) throw new UsageError('merge needs the shard folders to join');
  const shards = await Promise.all(positionals.map(readShardManifest));
  checkShardSet(shards);
  shards.sort((a, b) => a.manifest.shard!.index - b.manifest.shard!.index);
  await mkdir(outDir, { recursive: true });
  for (const name of PER_IMAGE_ARRAYS) {
    const arrays = await Promise.all(shards.map((shard) => readArray(shard.dir, name)));
    await writeAtomically(path.join(outDir, name), encodeNpy(concatRows(arrays), [arrays.reduce((n, a) => n + a.shape[0]!, 0), ...arrays[0]!.shape.slice(1)]));
  }
  const text = await readArray(shards[0]!.dir, CACHE_FILES.textEmbeds);
  await writeAtomically(path.join(outDir, CACHE_FILES.textEmbeds), encodeNpy(text.data, text.shape));
  const { shard: _shard, ids: _ids, skipped: _skipped, ...settings } = shards[0]!.manifest;
  const merged: CacheManifest = {
    ...settings,
    ids: shards.flatMap((shard) => shard.manifest.ids),
    skipped: shards.flatMap((shard) => shard.manifest.skipped).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
  await writeAtomically(path.join(outDir, CACHE_FILES.manifest), `${JSON.stringify(merged, null, 2)}\n`);
  output.result(`merge ${outDir}: ${shards.length} shards, ${merged.ids.length} images, ${merged.skipped.length} skipped`);
  return 0;
}

interface Shard {
  readonly dir: string;
  readonly manifest: CacheManifest;
}

async function readShardManifest(dir: string): Promise<Shard> {
  const file = path.join(dir, CACHE_FILES.manifest);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DataError(file, 'file not found (is this a finished `cdul cache --shard` output?)');
  });
  return { dir, manifest: parseCacheManifest(text, file) };
}

/** All shards of one run: the same settings, the same n, and every index 0…n−1 exactly once. */
function checkShardSet(shards: readonly Shard[]): void {
  const first = shards[0]!;
  for (const shard of shards) {
    if (!shard.manifest.shard) throw new DataError(shard.dir, 'is not a shard (its manifest has no shard field)');
    if (manifestSettingsKey(shard.manifest) !== manifestSettingsKey(first.manifest)) {
      throw new DataError(shard.dir, `was made with other settings than ${first.dir} (model, grid, prompts, split)`);
    }
  }
  const count = first.manifest.shard!.count;
  const indices = shards.map((shard) => shard.manifest.shard!.index).sort((a, b) => a - b);
  const expected = Array.from({ length: count }, (_, i) => i);
  if (shards.some((shard) => shard.manifest.shard!.count !== count) || indices.join() !== expected.join()) {
    throw new DataError(first.dir, `shards given: ${indices.join(', ')} of ${count}; expected each of 0…${count - 1} once`);
  }
}

async function readArray(dir: string, name: string): Promise<NpyArray> {
  const file = path.join(dir, name);
  return decodeNpy(new Uint8Array(await readFile(file)), file);
}

function concatRows(arrays: readonly NpyArray[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, array) => n + array.data.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array.data, offset);
    offset += array.data.length;
  }
  return out;
}
