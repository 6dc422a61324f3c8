import { describe, expect, it } from 'vitest';
import { RunMissingError, type ChunkInput, type EmbeddingStore } from '../storage/embedding-store';
import { createChunkWriter } from './chunk-writer';

/** A store whose writes the test finishes by hand, recording when each started. */
function slowStore() {
  const started: number[] = [];
  const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
  const store = {
    writeChunk: (_key: string, index: number) =>
      new Promise((resolve, reject) => {
        started.push(index);
        pending.push({ finish: () => resolve({}), fail: reject });
      }),
  } as unknown as EmbeddingStore;
  return { store, started, pending };
}

const chunk = (id: string): ChunkInput => ({ ids: [id], skipped: [], embeddings: new Float32Array(1) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createChunkWriter', () => {
  it('returns before the write is done, starts the next only after it, and reports each stored chunk in order', async () => {
    const { store, started, pending } = slowStore();
    const stored: number[] = [];
    const writer = createChunkWriter(store, 'run', { onStored: (index) => stored.push(index) });
    await writer.write(0, chunk('a'));
    expect(started).toEqual([0]); // the caller goes on while chunk 0 is written
    const second = writer.write(1, chunk('b'));
    await tick();
    expect(started).toEqual([0]); // chunk 1 waits for chunk 0
    pending[0]!.finish();
    await second;
    expect([started, stored]).toEqual([[0, 1], [0]]);
    pending[1]!.finish();
    await writer.flush();
    expect(stored).toEqual([0, 1]);
  });

  it('a failed write (a full quota) is thrown by the next write, which is not started', async () => {
    const { store, started, pending } = slowStore();
    const writer = createChunkWriter(store, 'run', { onStored: () => {} });
    await writer.write(0, chunk('a'));
    pending[0]!.fail(new Error('QuotaExceededError'));
    await tick(); // no unhandled rejection while nobody waits for the write
    await expect(writer.write(1, chunk('b'))).rejects.toThrow('QuotaExceededError');
    await expect(writer.flush()).rejects.toThrow('QuotaExceededError');
    expect(started).toEqual([0]);
  });

  it('a run whose records vanished (storage cleared) is opened again and the chunk written once more', async () => {
    const written: number[] = [];
    let runExists = true;
    const store = {
      writeChunk: async (_key: string, index: number) => {
        if (!runExists) throw new RunMissingError('run');
        written.push(index);
        return {};
      },
    } as unknown as EmbeddingStore;
    const reopened: string[] = [];
    const stored: number[] = [];
    const writer = createChunkWriter(store, 'run', {
      onStored: (index) => stored.push(index),
      reopenRun: async () => {
        reopened.push('run');
        runExists = true;
      },
    });
    await writer.write(0, chunk('a'));
    runExists = false;
    await writer.write(1, chunk('b'));
    await writer.flush();
    expect({ written, stored, reopened }).toEqual({ written: [0, 1], stored: [0, 1], reopened: ['run'] });
  });

  it('without a way to reopen the run, the RunMissingError fails the write', async () => {
    const store = { writeChunk: async () => Promise.reject(new RunMissingError('run')) } as unknown as EmbeddingStore;
    const writer = createChunkWriter(store, 'run', { onStored: () => {} });
    await writer.write(0, chunk('a'));
    await expect(writer.flush()).rejects.toBeInstanceOf(RunMissingError);
  });
});
