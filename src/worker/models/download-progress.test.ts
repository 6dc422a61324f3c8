import { describe, expect, it } from 'vitest';
import { DownloadProgressTracker } from './download-progress';

const files = [
  { path: 'a.onnx', approxBytes: 1000 },
  { path: 'b.json', approxBytes: 100 },
];

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('download progress', () => {
  it('replaces approximate sizes with Content-Length and, at the end, with what arrived', () => {
    const c = clock();
    const tracker = new DownloadProgressTracker(files, false, c.now);
    expect(tracker.snapshot()).toMatchObject({ loadedBytes: 0, totalBytes: 1100, approximateSizes: ['a.onnx', 'b.json'] });
    tracker.responseStarted('a.onnx', 2000);
    tracker.responseStarted('b.json', null);
    c.advance(1000);
    tracker.received('a.onnx', 500);
    expect(tracker.snapshot()).toMatchObject({
      loadedBytes: 500,
      totalBytes: 2100,
      bytesPerSecond: 500,
      etaSeconds: 3.2,
      approximateSizes: ['b.json'],
      missingContentLength: ['b.json'],
      done: false,
    });
    tracker.received('b.json', 150); // more than the estimate: the total grows rather than pass 100 %
    expect(tracker.snapshot().totalBytes).toBe(2150);
    tracker.fileDone('b.json');
    tracker.received('a.onnx', 1500);
    tracker.fileDone('a.onnx');
    expect(tracker.snapshot()).toMatchObject({ loadedBytes: 2150, totalBytes: 2150, filesDone: 2, etaSeconds: 0, done: true });
  });

  it('measures speed over a recent window, not since the start', () => {
    const c = clock();
    const tracker = new DownloadProgressTracker(files, false, c.now);
    c.advance(10_000); // a long stall at first
    for (let i = 0; i < 5; i++) {
      c.advance(1000);
      tracker.received('a.onnx', 100);
    }
    expect(tracker.snapshot().bytesPerSecond).toBeCloseTo(100, 5);
  });

  it('a model read from the cache is complete with no network speed', () => {
    const tracker = new DownloadProgressTracker(files, true, clock().now);
    tracker.servedFromCache('a.onnx', 900);
    tracker.servedFromCache('b.json', 90);
    expect(tracker.snapshot()).toMatchObject({
      loadedBytes: 990, totalBytes: 990, fromCache: true, filesFromCache: 2, bytesPerSecond: 0, etaSeconds: 0, done: true,
    });
  });

  it('lists the stored copies found damaged with the progress, and only files of the model', () => {
    const tracker = new DownloadProgressTracker(files, false, clock().now);
    expect(tracker.snapshot().damagedInCache).toEqual([]);
    tracker.foundDamaged({ path: 'a.onnx', problem: '1,000 bytes expected as downloaded, 500 found' });
    tracker.servedFromCache('b.json', 100);
    expect(tracker.snapshot()).toMatchObject({
      damagedInCache: [{ path: 'a.onnx', problem: '1,000 bytes expected as downloaded, 500 found' }],
      filesFromCache: 1,
      done: false,
    });
    expect(() => tracker.foundDamaged({ path: 'c.onnx', problem: 'x' })).toThrow('c.onnx');
  });
});
