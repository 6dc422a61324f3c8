import { describe, expect, it } from 'vitest';
import { chunkParts, createChunkCollector } from './chunk-parts';

const chunks = [['a', 'b', 'c', 'd', 'e'], ['f', 'g'], ['h']];

describe('chunkParts', () => {
  it('cuts the chunks to do into parts of at most n images, in order, marking each chunk’s last', () => {
    expect(chunkParts([0, 2], chunks, 2)).toEqual([
      { chunk: 0, ids: ['a', 'b'], last: false },
      { chunk: 0, ids: ['c', 'd'], last: false },
      { chunk: 0, ids: ['e'], last: true },
      { chunk: 2, ids: ['h'], last: true },
    ]);
    expect(chunkParts([1], chunks, 8)).toEqual([{ chunk: 1, ids: ['f', 'g'], last: true }]);
    expect(chunkParts([], chunks)).toEqual([]);
    expect(() => chunkParts([0], chunks, 0)).toThrow(/whole number/);
  });
});

describe('createChunkCollector', () => {
  it('gives each chunk whole with its last part: ids, skipped and embedding rows of its parts in order', () => {
    const collect = createChunkCollector();
    const [first, second, third, other] = [...chunkParts([0], chunks, 2), ...chunkParts([1], chunks, 2)];
    expect(collect.add(first!, { ids: ['a', 'b'], skipped: [], embeddings: Float32Array.of(1, 2) })).toBeNull();
    expect(collect.add(second!, { ids: ['d'], skipped: [{ id: 'c', reason: 'cut short' }], embeddings: Float32Array.of(4) })).toBeNull();
    expect(collect.add(third!, { ids: ['e'], skipped: [], embeddings: Float32Array.of(5) })).toEqual({
      ids: ['a', 'b', 'd', 'e'],
      skipped: [{ id: 'c', reason: 'cut short' }],
      embeddings: Float32Array.of(1, 2, 4, 5),
    });
    // The next chunk starts empty.
    expect(collect.add(other!, { ids: [], skipped: [{ id: 'f', reason: 'x' }, { id: 'g', reason: 'y' }], embeddings: new Float32Array(0) })).toEqual({
      ids: [],
      skipped: [{ id: 'f', reason: 'x' }, { id: 'g', reason: 'y' }],
      embeddings: new Float32Array(0),
    });
  });
});
