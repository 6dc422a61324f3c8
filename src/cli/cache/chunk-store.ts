import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type SkippedItem } from '../../core/data-error';
import { decodeNpy, encodeNpy } from '../../core/formats/npy';
import type { ImageStamp } from '../../core/init-cache/chunk-stamps';

/**
 * The resumable part of `cdul cache`: finished chunks of images are written to `<out>/.parts/` as
 * `chunk-NNNNNN.npy` (embeddings [k, 1 + N², d]) and then `chunk-NNNNNN.json` (ids, skipped). The
 * JSON is written last and atomically (temp file + rename), so its presence means the chunk is
 * complete; an interrupted run leaves at worst an orphan .npy that the rerun overwrites.
 */
export interface ChunkRecord {
  readonly ids: string[];
  readonly skipped: SkippedItem[];
  /** The chunk's files as they were encoded (absent in parts written before stamps were kept). */
  readonly stamps?: ImageStamp[];
}

export interface StoredChunk extends ChunkRecord {
  /** [ids.length, 1 + N², d] */
  readonly embeddings: Float32Array;
}

export interface ChunkStore {
  readonly dir: string;
  /** Refuses a folder that holds a run with other settings; returns the finished chunk indices. */
  open(planKey: string): Promise<Set<number>>;
  write(index: number, record: ChunkRecord, embeddings: Float32Array, shape: number[]): Promise<void>;
  read(index: number): Promise<StoredChunk>;
  /** The chunk's JSON record alone (ids, skipped, stamps), without its embeddings. */
  readRecord(index: number): Promise<ChunkRecord>;
  remove(): Promise<void>;
}

const chunkName = (index: number) => `chunk-${String(index).padStart(6, '0')}`;

export function createChunkStore(outDir: string): ChunkStore {
  const dir = path.join(outDir, '.parts');
  const planFile = path.join(dir, 'plan.json');
  return {
    dir,
    async open(planKey) {
      await mkdir(dir, { recursive: true });
      const existing = await readFile(planFile, 'utf8').catch(() => null);
      if (existing !== null && existing !== planKey) {
        throw new DataError(outDir, 'holds an unfinished run with other settings (model, grid, split, shard or prompts); use another --out or delete it');
      }
      if (existing === null) await writeAtomically(planFile, planKey);
      const names = await readdir(dir);
      return new Set(names.flatMap((name) => /^chunk-(\d+)\.json$/.exec(name)?.[1] ?? []).map(Number));
    },
    async write(index, record, embeddings, shape) {
      await writeAtomically(path.join(dir, `${chunkName(index)}.npy`), encodeNpy(embeddings, shape));
      await writeAtomically(path.join(dir, `${chunkName(index)}.json`), JSON.stringify(record));
    },
    readRecord: async (index) => JSON.parse(await readFile(path.join(dir, `${chunkName(index)}.json`), 'utf8')) as ChunkRecord,
    async read(index) {
      const base = path.join(dir, chunkName(index));
      const record = JSON.parse(await readFile(`${base}.json`, 'utf8')) as ChunkRecord;
      const file = `${base}.npy`;
      const array = decodeNpy(new Uint8Array(await readFile(file)), file);
      return { ...record, embeddings: array.data };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
