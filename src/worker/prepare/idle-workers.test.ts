import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleWorkers } from './idle-workers';

class FakeWorker {
  terminated = false;
  onmessage: (() => void) | null = () => {};
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminate() {
    this.terminated = true;
  }
}
const fake = () => new FakeWorker() as FakeWorker & Worker;

afterEach(() => vi.useRealTimers());

describe('createIdleWorkers', () => {
  it('hands a kept worker to the next taker, each once, without its old message handler', () => {
    const idle = createIdleWorkers(1000, 4);
    const [a, b] = [fake(), fake()];
    expect(idle.take()).toBeUndefined();
    idle.keep(a);
    idle.keep(b);
    const taken = [idle.take(), idle.take(), idle.take()];
    expect(new Set(taken.slice(0, 2))).toEqual(new Set([a, b]));
    expect(taken[2]).toBeUndefined();
    expect([a.onmessage, a.terminated, b.terminated]).toEqual([null, false, false]);
  });

  it('terminates a worker unused for idleMs, and one kept beyond max at once', () => {
    vi.useFakeTimers();
    const idle = createIdleWorkers(1000, 1);
    const [a, b] = [fake(), fake()];
    idle.keep(a);
    idle.keep(b);
    expect([a.terminated, b.terminated]).toEqual([false, true]);
    vi.advanceTimersByTime(999);
    expect(a.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(a.terminated).toBe(true);
    expect(idle.take()).toBeUndefined();
  });

  it('a taken worker is not terminated by its old timer; one that fails while kept is dropped', () => {
    vi.useFakeTimers();
    const idle = createIdleWorkers(1000, 4);
    const [a, b] = [fake(), fake()];
    idle.keep(a);
    expect(idle.take()).toBe(a);
    vi.advanceTimersByTime(5000);
    expect(a.terminated).toBe(false);
    idle.keep(b);
    b.onerror!();
    expect([b.terminated, idle.take()]).toEqual([true, undefined]);
  });
});
