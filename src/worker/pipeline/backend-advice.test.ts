import { describe, expect, it } from 'vitest';
import { adviseBackend, backendToProbe, MUCH_FASTER } from './backend-advice';

describe('adviseBackend', () => {
  it('offers WebAssembly when it measured far faster than WebGPU on a software adapter (the demo: 0.1 vs 10 images/s)', () => {
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 0.1 }, { provider: 'wasm', imagesPerSecond: 10 })).toEqual({
      current: 'webgpu',
      faster: 'wasm',
      currentImagesPerSecond: 0.1,
      fasterImagesPerSecond: 10,
    });
  });

  it('offers WebGPU when a hardware GPU measured far faster than WebAssembly', () => {
    expect(adviseBackend({ provider: 'wasm', imagesPerSecond: 2 }, { provider: 'webgpu', imagesPerSecond: 40 })?.faster).toBe('webgpu');
  });

  it('stays quiet below the threshold, exactly at it offers', () => {
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 1 }, { provider: 'wasm', imagesPerSecond: MUCH_FASTER - 0.01 })).toBeNull();
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 1 }, { provider: 'wasm', imagesPerSecond: MUCH_FASTER })).not.toBeNull();
    // tiny-vit on SwiftShader: 0.5 vs 1.6 images/s — slower, but not enough to interrupt anyone.
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 0.5 }, { provider: 'wasm', imagesPerSecond: 1.6 })).toBeNull();
  });

  it('nothing without a measurement, for the same backend, or for rates that are not positive numbers', () => {
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 0.1 }, null)).toBeNull();
    expect(adviseBackend({ provider: 'wasm', imagesPerSecond: 0.1 }, { provider: 'wasm', imagesPerSecond: 10 })).toBeNull();
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 0 }, { provider: 'wasm', imagesPerSecond: 10 })).toBeNull();
    expect(adviseBackend({ provider: 'webgpu', imagesPerSecond: 1 }, { provider: 'wasm', imagesPerSecond: Infinity })).toBeNull();
  });
});

describe('backendToProbe', () => {
  it('times WebAssembly beside WebGPU always, WebGPU beside WebAssembly only on a hardware adapter', () => {
    expect(backendToProbe('webgpu', 'software')).toBe('wasm');
    expect(backendToProbe('webgpu', 'hardware')).toBe('wasm');
    expect(backendToProbe('wasm', 'hardware')).toBe('webgpu');
    expect(backendToProbe('wasm', 'software')).toBeNull();
    expect(backendToProbe('wasm', 'none')).toBeNull();
  });
});
