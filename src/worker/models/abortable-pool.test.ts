import { describe, expect, it } from 'vitest';
import { runAbortablePool } from './abortable-pool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Resolves after `ticks` timer turns unless the signal aborts first (then rejects with its reason). */
function work(ticks: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ticks);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

describe('abortable pool', () => {
  it('keeps at most `limit` tasks in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await runAbortablePool([1, 2, 3, 4, 5, 6, 7], 3, undefined, async () => {
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight -= 1;
    });
    expect(most).toBe(3);
  });

  it('on the first failure aborts the others, starts no more, and settles after all of them', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const run = runAbortablePool([0, 1, 2, 3, 4], 2, undefined, async (item, signal) => {
      started.push(item);
      try {
        if (item === 1) throw new Error('404');
        await work(50, signal);
      } finally {
        settled.push(item);
      }
    });
    await expect(run).rejects.toThrow('404');
    expect(started).toEqual([0, 1]);
    expect(settled.sort()).toEqual([0, 1]);
  });

  it("rejects with the caller's abort reason", async () => {
    const controller = new AbortController();
    const run = runAbortablePool([0, 1, 2], 2, controller.signal, (_, signal) => work(1000, signal));
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
