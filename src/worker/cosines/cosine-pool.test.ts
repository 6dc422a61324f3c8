import { describe, expect, it } from 'vitest';
import { cosineSimilarities } from '../../core/cdul/similarity';
import { seededRandom } from '../../core/seeded-random';
import { createMatrix, type Matrix } from '../../core/types';
import { cosineHandler } from './cosine-handler';
import { memoryChunks } from '../pipeline/embedding-chunks';
import { streamSimilarities } from '../pipeline/stream-similarities';
import { inlineCosines } from './cosine-engine';
import { createCosinePool } from './cosine-pool';
import type { FromCosineWorker, ToCosineWorker } from './cosine-protocol';

/** A worker in this thread: the real handler, answering on a later turn as a worker would. */
function fakeWorker(log: ToCosineWorker[], failRows = false, delayMs = () => 0): Worker {
  const worker = { onmessage: null, onerror: null } as unknown as Worker;
  const handle = cosineHandler((message: FromCosineWorker) => setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent), delayMs()));
  worker.postMessage = (message: ToCosineWorker) => {
    log.push(message);
    handle(failRows && message.type === 'rows' ? { ...message, version: -1 } : message);
  };
  worker.terminate = () => {};
  return worker;
}

const random = seededRandom(5);
const rows = (n: number) => createMatrix(n, 8, Float32Array.from({ length: n * 8 }, () => random() - 0.5));
const sameBits = (a: Matrix, b: Matrix) => a.rows === b.rows && a.cols === b.cols && a.data.every((value, k) => Object.is(value, b.data[k]));

describe('the pool of cosine workers', () => {
  it('gives cosineSimilarities bit for bit, sends each text once per worker, and spreads the blocks', async () => {
    const logs: ToCosineWorker[][] = [[], []];
    const pool = createCosinePool(2, (n) => fakeWorker(logs[n]!));
    const text = rows(3);
    const other = rows(3);
    const blocks = [rows(5), rows(1), rows(4), rows(2)];
    const expected = [...blocks.map((block) => cosineSimilarities(block, text)), cosineSimilarities(blocks[0]!, other)];
    const copies = blocks.map((block) => createMatrix(block.rows, block.cols, block.data.slice()));
    const results = await Promise.all([...copies.map((block) => pool.cosines(block, text)), pool.cosines(createMatrix(5, 8, blocks[0]!.data.slice()), other)]);
    results.forEach((result, k) => expect(sameBits(result, expected[k]!)).toBe(true));
    expect(logs.map((log) => log.filter((message) => message.type === 'rows').length)).toEqual([3, 2]);
    expect(logs.map((log) => log.filter((message) => message.type === 'text').map((message) => message.version))).toEqual([[1, 2], [1]]);
  });

  it('streams a run through it: answers in any order land on their rows, as computed in one thread', async () => {
    const images = 37;
    const snippets = 4;
    const global = rows(images);
    const local = rows(images * snippets);
    const ids = Array.from({ length: images }, (_, i) => `img${i}`);
    const text = rows(5);
    const pool = createCosinePool(3, () => fakeWorker([], false, () => random() * 4));
    const pooled = await streamSimilarities(memoryChunks(global, local, ids, snippets, 3), text, false, pool);
    const inline = await streamSimilarities(memoryChunks(global, local, ids, snippets, 3), text, false, inlineCosines);
    expect(sameBits(pooled.localCos, inline.localCos) && sameBits(pooled.globalCos, inline.globalCos)).toBe(true);
    expect(sameBits(pooled.localCos, cosineSimilarities(local, text))).toBe(true);
  });

  it('rejects the block a worker could not compute, with its reason', async () => {
    const pool = createCosinePool(1, () => fakeWorker([], true));
    await expect(pool.cosines(rows(2), rows(3))).rejects.toThrow('text embeddings -1 were not sent to this worker');
  });
});
