import { describe, expect, it, vi } from 'vitest';
import { createMatrix } from '../../core/types';
import type { WebClipModel } from '../inference/web-clip-model';
import type { SimilarityState } from '../pipeline/similarity-state';
import type { EmbeddingStore } from '../storage/embedding-store';
import { deriveState } from './derived-states';

const MB = 2 ** 20;

describe('states derived under other prompt templates', () => {
  it('keeps the last few while their cosines fit 600 MB: three COCO-sized ones keep the newest two', async () => {
    // Each derived state holds 250 MB of cosines (a COCO-train run's are 264 MB); only byteLength is read.
    const derived = () => ({ localCos: { data: { byteLength: 240 * MB } }, globalCos: { data: { byteLength: 10 * MB } } }) as unknown as SimilarityState;
    const withText = vi.fn(async () => derived());
    const current = { classes: ['cat'], text: createMatrix(1, 2), withText } as unknown as SimilarityState;
    const store = { getTextEmbeddings: async () => new Float32Array([1, 0]) } as unknown as EmbeddingStore;
    const context = { store, runKey: 'voc:x/grid:3', textEncoder: { id: 'm' } as WebClipModel, classNames: {} };
    const ask = async (template: string) => {
      await deriveState(current, context, { template });
      await new Promise((resolve) => setTimeout(resolve, 0)); // the size is noted once the state is there
    };
    for (const template of ['a {name}', 'b {name}', 'c {name}']) await ask(template);
    expect(withText).toHaveBeenCalledTimes(3);
    await ask('b {name}');
    await ask('c {name}');
    expect(withText).toHaveBeenCalledTimes(3); // kept
    await ask('a {name}');
    expect(withText).toHaveBeenCalledTimes(4); // dropped as the oldest once 'c {name}' made 750 MB
  });
});
