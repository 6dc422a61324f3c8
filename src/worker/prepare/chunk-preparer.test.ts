import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileSource } from '../../core/dataset-source';
import type { PreparedChunk } from '../../core/initialization/prepare-chunk';
import { createChunkPreparer, type ChunkPreparerOptions } from './chunk-preparer';
import { createIdleWorkers } from './idle-workers';
import type { FromPrepareWorker, ToPrepareWorker } from './prepare-protocol';

/** A stand-in for a prepare worker: records what it was sent; the test answers for it. */
class FakeWorker {
  readonly received: ToPrepareWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromPrepareWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly transferred: Transferable[][] = [];
  postMessage(message: ToPrepareWorker, transfer: Transferable[] = []) {
    this.received.push(message);
    this.transferred.push(transfer);
  }
  terminate() {
    this.terminated = true;
  }
  get requests() {
    return this.received.flatMap((message) => (message.type === 'prepare' ? [message.index] : []));
  }
  answer(message: FromPrepareWorker) {
    this.onmessage!({ data: message } as MessageEvent<FromPrepareWorker>);
  }
  prepared(index: number) {
    this.answer({ type: 'prepared', chunk: chunk(index) });
  }
}

const chunk = (index: number): PreparedChunk => ({ index, ids: [`img${index}`], skipped: [], pixels: new Float32Array(1), cropsPerImage: 1 });

function pool(workers: number, extra: Partial<ChunkPreparerOptions> = {}) {
  const fakes: FakeWorker[] = [];
  const preparer = createChunkPreparer({
    dataset: { kind: 'http', url: '/voc/', label: 'voc' },
    rootPath: '',
    source: {} as FileSource,
    imageFiles: new Map([['a', 'JPEGImages/a.jpg'], ['b', 'JPEGImages/b.jpg']]),
    settings: { grid: 3, config: { inputSize: 224, resizeShortestEdge: 224, cropSize: 224, mean: [0, 0, 0], std: [1, 1, 1] } },
    workers,
    spawn: () => {
      const fake = new FakeWorker();
      fakes.push(fake);
      return fake as unknown as Worker;
    },
    ...extra,
  });
  return { preparer, fakes };
}

afterEach(() => vi.useRealTimers());

describe('createChunkPreparer', () => {
  it('opens the dataset once per worker, sends each chunk only its own files, and spreads chunks over idle workers', async () => {
    const { preparer, fakes } = pool(2);
    expect(fakes).toHaveLength(2);
    expect(fakes.map((fake) => fake.received[0]!.type)).toEqual(['open', 'open']);
    const results = [preparer.prepare(0, ['a', 'missing']), preparer.prepare(1, ['b']), preparer.prepare(2, ['a'])];
    expect(fakes[0]!.received[1]).toEqual({ type: 'prepare', index: 0, ids: ['a', 'missing'], files: [['a', 'JPEGImages/a.jpg']] });
    expect(fakes.map((fake) => fake.requests)).toEqual([[0], [1]]); // chunk 2 waits for a free worker
    fakes[1]!.prepared(1);
    expect(fakes[1]!.requests).toEqual([1, 2]);
    fakes[0]!.prepared(0);
    fakes[1]!.prepared(2);
    expect((await Promise.all(results)).map((c) => c.index)).toEqual([0, 1, 2]);
    preparer.close();
    expect(fakes.every((fake) => fake.terminated)).toBe(true);
  });

  it('rejects a chunk the worker could not prepare, with its message, and goes on', async () => {
    const { preparer, fakes } = pool(1);
    const failed = preparer.prepare(0, ['a']);
    const next = preparer.prepare(1, ['b']);
    fakes[0]!.answer({ type: 'failed', index: 0, message: 'voc: no PASCAL VOC folder here' });
    await expect(failed).rejects.toThrow('voc: no PASCAL VOC folder here');
    fakes[0]!.prepared(1);
    expect((await next).index).toBe(1);
  });

  it('a crashed worker rejects its chunk naming it; with no worker left the queued chunks reject too', async () => {
    const { preparer, fakes } = pool(1);
    const running = preparer.prepare(4, ['a', 'b']);
    const queued = preparer.prepare(5, ['b']);
    fakes[0]!.onerror!({ message: 'Uncaught RangeError: Array buffer allocation failed', preventDefault() {} } as ErrorEvent);
    await expect(running).rejects.toThrow(/worker stopped while preparing chunk 4 \(images a … b\): Uncaught RangeError/);
    await expect(queued).rejects.toThrow(/chunk 4/);
    expect(fakes[0]!.terminated).toBe(true);
    await expect(preparer.prepare(6, ['a'])).rejects.toThrow(/no image-preparation worker is left/);
  });

  it('another worker takes over the queue when one crashes', async () => {
    const { preparer, fakes } = pool(2);
    const a = preparer.prepare(0, ['a']);
    const b = preparer.prepare(1, ['b']);
    const c = preparer.prepare(2, ['a']);
    fakes[0]!.onmessageerror!();
    await expect(a).rejects.toThrow(/chunk 0.*could not be received/);
    fakes[1]!.prepared(1);
    expect(fakes[1]!.requests).toEqual([1, 2]);
    fakes[1]!.prepared(2);
    expect((await c).index).toBe(2);
    await b;
  });

  it('takes a worker that goes silent for dead (a browser-stopped worker sends no event); heartbeats keep it alive', async () => {
    vi.useFakeTimers();
    const { preparer, fakes } = pool(1, { silenceMs: 1000 });
    const result = preparer.prepare(0, ['a']);
    const settled = result.catch((error: Error) => error);
    vi.advanceTimersByTime(900);
    fakes[0]!.answer({ type: 'alive' });
    vi.advanceTimersByTime(900);
    expect(fakes[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(200);
    expect(((await settled) as Error).message).toMatch(/chunk 0 .*sent nothing for 1 s/);
    expect(fakes[0]!.terminated).toBe(true);
  });

  it('close() terminates every worker and rejects what is pending, so a cancelled run never hangs', async () => {
    const { preparer, fakes } = pool(2);
    const pending = [0, 1, 2].map((index) => preparer.prepare(index, ['a']));
    preparer.close();
    for (const result of pending) await expect(result).rejects.toThrow('image preparation was stopped');
    expect(fakes.every((fake) => fake.terminated)).toBe(true);
    await expect(preparer.prepare(3, ['a'])).rejects.toThrow('stopped');
  });

  it('lends a released chunk’s buffer to the next request (transferred), keeping no more than can be in use', async () => {
    const { preparer, fakes } = pool(1);
    const first = preparer.prepare(0, ['a']);
    expect(fakes[0]!.received[1]).not.toHaveProperty('buffer', expect.anything()); // nothing to lend yet
    const buffer = new ArrayBuffer(16);
    fakes[0]!.answer({ type: 'prepared', chunk: { ...chunk(0), pixels: new Float32Array(buffer, 0, 2) } });
    preparer.release(await first);
    const second = preparer.prepare(1, ['b']);
    expect([fakes[0]!.received[2]!.type, (fakes[0]!.received[2] as { buffer?: ArrayBuffer }).buffer === buffer]).toEqual(['prepare', true]);
    expect(fakes[0]!.transferred[2]).toEqual([buffer]);
    fakes[0]!.prepared(1);
    await second;
    for (let k = 0; k < 5; k++) preparer.release(chunk(k)); // 1 worker + 2 kept at most
    const lent = [2, 3, 4, 5].map((index) => {
      void preparer.prepare(index, ['a']).catch(() => undefined);
      const request = fakes[0]!.received.at(-1) as { buffer?: ArrayBuffer };
      fakes[0]!.prepared(index);
      return request.buffer !== undefined;
    });
    expect(lent).toEqual([true, true, true, false]);
    preparer.close();
  });

  it('close() keeps idle workers for the next pool, which opens its dataset in them; a busy one is stopped', async () => {
    const idle = createIdleWorkers(60_000, 4);
    const first = pool(2, { idle });
    const done = first.preparer.prepare(0, ['a']);
    void first.preparer.prepare(1, ['b']).catch(() => undefined);
    first.fakes[0]!.prepared(0);
    await done;
    first.preparer.close();
    expect(first.fakes.map((fake) => fake.terminated)).toEqual([false, true]); // worker 1 was still on chunk 1
    const second = pool(2, { idle });
    expect(second.fakes).toHaveLength(1); // one new worker beside the kept one
    expect(first.fakes[0]!.received.map((message) => message.type)).toEqual(['open', 'prepare', 'open']);
    const next = second.preparer.prepare(5, ['b']);
    first.fakes[0]!.prepared(5); // the kept worker answers for the new pool
    expect((await next).index).toBe(5);
    second.preparer.close();
  });
});
