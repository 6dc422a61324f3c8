import { describe, expect, it } from 'vitest';
import { snippetExtremes } from '../../core/cdul/aggregate';
import { cosineSimilarities, softmaxRows } from '../../core/cdul/similarity';
import { evaluatePseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import { splitChunkEmbeddings } from '../../core/init-cache/chunk-embeddings';
import { randomText } from '../../core/lab/synthetic-embeddings';
import { seededRandom } from '../../core/seeded-random';
import { createMatrix, type LabelMatrix, type Matrix } from '../../core/types';
import type { EmbeddingStore, RunRecord, StoredChunk } from '../storage/embedding-store';
import { storedChunks } from './embedding-chunks';
import { assembleSimilarityState, evaluateState } from './similarity-state';
import { globalEmbeddingsOf } from './stream-similarities';

const GRID = 3;
const SNIPPETS = GRID * GRID;
const DIM = 16;
const CLASSES = 5;
const sameBits = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((value, k) => Object.is(value, b[k]));

/**
 * A finished run of 13 images in chunks of 4 — [0..3], [4..7] minus 5 and 6 (skipped), [8..11], [12] —
 * in a fake store that hands out each chunk as IndexedDB would (a fresh copy per read).
 */
function storedRun(): { store: EmbeddingStore; run: RunRecord; stored: StoredChunk[] } {
  const random = seededRandom(21);
  const ids = Array.from({ length: 13 }, (_, i) => `img${i}`);
  const skipped = [{ id: 'img5', reason: 'unreadable' }, { id: 'img6', reason: 'unreadable' }];
  const stored = [0, 1, 2, 3].map((index): StoredChunk => {
    const chunkIds = ids.slice(index * 4, index * 4 + 4).filter((id) => !skipped.some((item) => item.id === id));
    const embeddings = Float32Array.from({ length: chunkIds.length * (1 + SNIPPETS) * DIM }, () => random() * 2 - 1);
    return { index, ids: chunkIds, skipped: skipped.filter((item) => ids.indexOf(item.id) >> 2 === index), shape: [chunkIds.length, 1 + SNIPPETS, DIM], embeddings };
  });
  const run = {
    key: 'voc:test/split:train/model:m/pre:p/grid:3',
    meta: { ids, grid: GRID, model: { embedDim: DIM } },
    chunkSize: 4,
    totalChunks: 4,
    finishedChunks: [0, 1, 2, 3],
    skipped,
  } as unknown as RunRecord;
  const store = {
    readChunk: async (_key: string, index: number) => ({ ...stored[index]!, embeddings: stored[index]!.embeddings.slice() }),
  } as unknown as EmbeddingStore;
  return { store, run, stored };
}

/** Today's path before streaming: every chunk in memory, split, then the whole matrices. */
function allInMemory(stored: StoredChunk[], text: Matrix, scale: number) {
  const rows = stored.reduce((n, chunk) => n + chunk.ids.length, 0);
  const split = splitChunkEmbeddings(stored.map((chunk) => chunk.embeddings), rows, SNIPPETS, DIM);
  const globalCos = cosineSimilarities(split.globalEmbeds, text);
  const localCos = cosineSimilarities(split.localEmbeds, text);
  const inputs = { global: softmaxRows(globalCos, scale), ...snippetExtremes(softmaxRows(localCos, scale).data, rows, SNIPPETS, CLASSES) };
  return { globalEmbeds: split.globalEmbeds, globalCos, localCos, inputs };
}

describe('a run state assembled chunk by chunk from the store', () => {
  const { store, run, stored } = storedRun();
  const classes = Array.from({ length: CLASSES }, (_, c) => `class${c}`);
  const labels: LabelMatrix = { rows: 11, cols: CLASSES, data: Int8Array.from({ length: 11 * CLASSES }, (_, k) => (k % 3 === 0 ? 1 : -1)) };
  const text = randomText(CLASSES, DIM, 4);

  it('equals the all-in-memory path bit for bit: cosines, α/β/global at two temperatures, mAPs', async () => {
    const state = await assembleSimilarityState(storedChunks(store, run), text, labels, classes, 100);
    expect(state.ids).toEqual(['img0', 'img1', 'img2', 'img3', 'img4', 'img7', 'img8', 'img9', 'img10', 'img11', 'img12']);
    for (const scale of [100, 1 / Math.log(100)]) {
      const reference = allInMemory(stored, text, scale);
      expect(sameBits(state.globalCos.data, reference.globalCos.data)).toBe(true);
      expect(sameBits(state.localCos.data, reference.localCos.data)).toBe(true);
      const inputs = state.inputsAt(scale);
      for (const part of ['global', 'alpha', 'beta'] as const) expect(sameBits(inputs[part].data, reference.inputs[part].data)).toBe(true);
    }
    const settings = { zeta: 0.2, lambda: 0.5, scale: null, convention: 'step', difficult: 'positive' } as const;
    const final = evaluatePseudoLabels(allInMemory(stored, text, 100).inputs, labels, classes, { ...settings, mode: 'final' });
    expect(evaluateState(state, settings).mAP!.final).toBe(final.mAP);
  });

  it('a new prompt set reads the chunks again and equals the all-in-memory path under the new text', async () => {
    const state = await assembleSimilarityState(storedChunks(store, run), text, labels, classes, 100);
    const other = randomText(CLASSES, DIM, 5);
    const changed = await state.withText(other);
    const reference = allInMemory(stored, other, 100);
    expect(sameBits(changed.localCos.data, reference.localCos.data)).toBe(true);
    expect(sameBits(changed.globalCos.data, reference.globalCos.data)).toBe(true);
    expect(sameBits(changed.inputsAt(100).alpha.data, reference.inputs.alpha.data)).toBe(true);
    expect(sameBits(state.localCos.data, allInMemory(stored, text, 100).localCos.data)).toBe(true); // the old state is untouched
  });

  it('keeps α/β/global of the last three temperatures only, the most recently used kept longest', async () => {
    const state = await assembleSimilarityState(storedChunks(store, run), text, labels, classes, 100);
    const first = state.inputsAt(100);
    state.inputsAt(50);
    state.inputsAt(20);
    expect(state.inputsAt(100)).toBe(first); // used again: now the most recent
    state.inputsAt(10); // drops 50, the least recently used
    expect(state.inputsAt(100)).toBe(first);
    expect(state.inputsAt(50)).not.toBe(first);
    const again = state.inputsAt(10);
    state.inputsAt(30);
    state.inputsAt(40);
    state.inputsAt(60);
    const recomputed = state.inputsAt(10);
    expect(recomputed).not.toBe(again);
    expect(sameBits(recomputed.alpha.data, again.alpha.data)).toBe(true);
  });

  it("reads the global embeddings (a head's features) from the chunks, in row order", async () => {
    const state = await assembleSimilarityState(storedChunks(store, run), text, labels, classes, 100);
    expect(sameBits((await globalEmbeddingsOf(state.chunks)).data, allInMemory(stored, text, 100).globalEmbeds.data)).toBe(true);
  });

  it('refuses an unfinished run, and a chunk holding other images than the run lists', async () => {
    expect(() => storedChunks(store, { ...run, finishedChunks: [0, 1] })).toThrow('is not finished (2 of 4 chunks stored)');
    const moved = { ...run, meta: { ...run.meta, ids: ['x', ...run.meta.ids.slice(1)] } } as RunRecord;
    await expect(assembleSimilarityState(storedChunks(store, moved), text, labels, classes, 100)).rejects.toThrow('holds img0 where x belongs');
  });
});
