import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from '../protocol/pipeline-protocol';
import { createBackendTiming, createEncodingCounter } from './encode-meters';

afterEach(() => vi.useRealTimers());

describe('createEncodingCounter', () => {
  it('reports images done after every batch, with images/s and ETA from the first image', () => {
    vi.useFakeTimers();
    const posted: FromWorker[] = [];
    const counter = createEncodingCounter(10, 2, (message) => posted.push(message));
    vi.advanceTimersByTime(4000);
    counter.crops(10, 10); // 1 image of a 3×3 grid (10 crops) in 4 s
    vi.advanceTimersByTime(4000);
    counter.crops(20, 10);
    counter.partDone(2);
    const progress = posted.map((message) => (message.type === 'encoding' ? message.progress : null));
    expect(progress[0]).toEqual({ encoded: 2, total: 10, fromCache: 2, imagesPerSecond: null, etaSeconds: null });
    expect(progress[1]).toEqual({ encoded: 3, total: 10, fromCache: 2, imagesPerSecond: 0.25, etaSeconds: 28 });
    expect(progress[2]).toEqual({ encoded: 4, total: 10, fromCache: 2, imagesPerSecond: 0.25, etaSeconds: 24 });
    expect(progress[3]?.encoded).toBe(4);
  });
});

describe('createBackendTiming', () => {
  // Two images of two crops (one value per crop here).
  const part = { ids: ['a', 'b'], pixels: Float32Array.from([1, 2, 3, 4]), cropsPerImage: 2 };

  it('times the other backend on one image after the first part and offers it when much faster; once', async () => {
    const posted: FromWorker[] = [];
    const probe = vi.fn(async () => 0.1); // 10 images/s on WebAssembly
    const timing = createBackendTiming('software', probe, (message) => posted.push(message));
    await timing.partEncoded('webgpu', part, 20); // 2 images in 20 s: 0.1 images/s on SwiftShader
    await timing.partEncoded('webgpu', part, 20);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledWith('wasm', part.pixels.subarray(0, 2), 2); // the first image's 2 crops
    expect(posted).toEqual([{ type: 'backend-advice', advice: { current: 'webgpu', faster: 'wasm', currentImagesPerSecond: 0.1, fasterImagesPerSecond: 10 } }]);
  });

  it('does not time WebGPU on a software adapter, and says nothing when the other is not much faster', async () => {
    const posted: FromWorker[] = [];
    const probe = vi.fn(async () => 1);
    await createBackendTiming('software', probe, (message) => posted.push(message)).partEncoded('wasm', part, 1);
    expect(probe).not.toHaveBeenCalled();
    await createBackendTiming('hardware', probe, (message) => posted.push(message)).partEncoded('wasm', part, 1);
    expect(probe).toHaveBeenCalledWith('webgpu', part.pixels.subarray(0, 2), 2);
    expect(posted).toEqual([]);
  });
});
