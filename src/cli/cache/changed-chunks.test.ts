import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampsOf } from '../../core/init-cache/chunk-stamps';
import { createNodeFileSource } from '../node-file-source';
import type { CliOutput } from '../output';
import { currentStamps, dropChangedChunks } from './changed-chunks';
import type { ChunkRecord, ChunkStore } from './chunk-store';

describe('a resumed cdul cache re-encodes the parts whose images changed', () => {
  it('drops exactly the finished chunk holding an overwritten image, and names the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cdul-changed-'));
    try {
      const ids = ['a', 'b', 'c', 'd'];
      const imageFiles = new Map(ids.map((id) => [id, `JPEGImages/${id}.jpg`]));
      const write = (id: string, text: string, seconds: number) => {
        const file = join(root, 'JPEGImages', `${id}.jpg`);
        writeFileSync(file, text);
        utimesSync(file, seconds, seconds);
      };
      mkdirSync(join(root, 'JPEGImages'));
      ids.forEach((id, i) => write(id, `image ${id}`, 1_000 + i));
      const source = createNodeFileSource(root);
      const before = await currentStamps(source, imageFiles, ids);
      // Chunks [a, b] and [c, d] finished, each with its files' stamps; then c is overwritten.
      const records: ChunkRecord[] = [
        { ids: ['a', 'b'], skipped: [], stamps: stampsOf(['a', 'b'], before) },
        { ids: ['c', 'd'], skipped: [], stamps: stampsOf(['c', 'd'], before) },
      ];
      write('c', 'another photo', 2_000);
      const store = { readRecord: async (index: number) => records[index]! } as unknown as ChunkStore;
      const notes: string[] = [];
      const output = { note: (text: string) => notes.push(text) } as unknown as CliOutput;
      const done = new Set([0, 1]);
      await dropChangedChunks(store, done, await currentStamps(source, imageFiles, ids), imageFiles, output);
      expect([...done]).toEqual([0]);
      expect(notes).toEqual(['cache: 1 image(s) changed since they were encoded (JPEGImages/c.jpg): 1 chunk(s) encoded again']);
      // Unchanged files: nothing dropped, nothing said.
      const again = new Set([0]);
      await dropChangedChunks(store, again, await currentStamps(source, imageFiles, ids), imageFiles, output);
      expect([...again]).toEqual([0]);
      expect(notes).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
