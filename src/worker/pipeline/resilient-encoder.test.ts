import { describe, expect, it } from 'vitest';
import type { ClipModelConfig } from '../../core/clip/model-signature';
import type { ClipTokenizer } from '../../core/clip/clip-tokenizer';
import { createMatrix } from '../../core/types';
import type { DeviceLoss, DeviceWatch } from '../inference/gpu-device-loss';
import type { ExecutionProvider } from '../protocol/pipeline-protocol';
import type { WebClipModel } from '../inference/web-clip-model';
import { describeDeviceLoss, withGpuLossFallback, type GpuLossFallback } from './resilient-encoder';

const DESTROYED: DeviceLoss = { reason: 'destroyed', message: 'Device was destroyed.' };

/** A fake model: each image row is filled with `fill`; `fail` makes the next call reject (a lost device's run). */
function fakeModel(provider: ExecutionProvider, fill: number) {
  const model = {
    calls: 0,
    released: false,
    fail: null as Error | null,
    id: 'fake',
    provider,
    config: {} as ClipModelConfig,
    tokenizer: {} as ClipTokenizer,
    cpuNodes: { vision: [], text: [] },
    async encodeImages(_pixels: Float32Array, count: number) {
      model.calls += 1;
      if (model.fail) throw model.fail;
      return createMatrix(count, 2, new Float32Array(count * 2).fill(fill));
    },
    async encodeTexts(texts: readonly string[]) {
      return model.encodeImages(new Float32Array(0), texts.length);
    },
    async releaseImageEncoder() {},
    async release() {
      model.released = true;
    },
  };
  return model satisfies WebClipModel;
}

/** A device watch the test loses by hand; `reportsLate` resolves the loss only when asked within a grace period. */
function fakeWatch() {
  let loss: DeviceLoss | null = null;
  let stopped = false;
  let announce: (loss: DeviceLoss) => void = () => undefined;
  const later = new Promise<DeviceLoss>((resolve) => (announce = resolve));
  const watch: DeviceWatch & { lose(now: boolean): void; readonly stopped: boolean } = {
    get lost() {
      return stopped ? null : loss;
    },
    get stopped() {
      return stopped;
    },
    lossWithin: (ms) => Promise.race([later, new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.min(ms, 20)))]),
    stop: () => void (stopped = true),
    lose(now) {
      if (now) loss = DESTROYED;
      // A real browser may reject the run before `lost` resolves: the loss arrives while the encoder waits.
      setTimeout(() => {
        loss = DESTROYED;
        announce(DESTROYED);
      }, 1);
    },
  };
  return watch;
}

function setUp() {
  const gpu = fakeModel('webgpu', 1);
  const wasm = fakeModel('wasm', 2);
  const watch = fakeWatch();
  const reasons: string[] = [];
  let loads = 0;
  const fallback: GpuLossFallback = {
    watch: () => watch,
    loadOnWasm: async () => {
      loads += 1;
      return wasm;
    },
    onFallback: (reason) => reasons.push(reason),
  };
  const model = withGpuLossFallback(gpu, fallback);
  return { gpu, wasm, watch, reasons, model, loads: () => loads };
}

const pixels = new Float32Array(0);

describe('encoding that survives a lost GPU device', () => {
  it('stays on WebGPU while the device works', async () => {
    const { model, gpu, wasm, reasons } = setUp();
    const out = await model.encodeImages(pixels, 3);
    expect([...out.data]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(model.provider).toBe('webgpu');
    expect([gpu.calls, wasm.calls, reasons]).toEqual([1, 0, []]);
  });

  it('re-encodes the chunk whose run failed on WebAssembly, once, and stays there', async () => {
    const { model, gpu, wasm, watch, reasons, loads } = setUp();
    await model.encodeImages(pixels, 1);
    gpu.fail = new Error('failed to call OrtRun(): The Device was lost before mapping was resolved');
    watch.lose(false);
    const retried = await model.encodeImages(pixels, 2);
    expect([...retried.data]).toEqual([2, 2, 2, 2]);
    expect(model.provider).toBe('wasm');
    expect(gpu.released).toBe(true);
    expect(watch.stopped).toBe(true);
    expect(reasons).toEqual([describeDeviceLoss(DESTROYED)]);
    await model.encodeImages(pixels, 1);
    expect([gpu.calls, wasm.calls, loads()]).toEqual([2, 2, 1]);
  });

  it('does not trust a result that arrived after the loss was reported', async () => {
    const { model, gpu, wasm, watch } = setUp();
    watch.lose(false);
    gpu.encodeImages = async (_pixels, count) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return createMatrix(count, 2, new Float32Array(count * 2).fill(99));
    };
    const out = await model.encodeImages(pixels, 1);
    expect([...out.data]).toEqual([2, 2]);
    expect(wasm.calls).toBe(1);
  });

  it('switches before the next call when the device was lost between chunks (e.g. while paused)', async () => {
    const { model, gpu, wasm, watch } = setUp();
    watch.lose(true);
    const texts = await model.encodeTexts(['a photo of a cat']);
    expect([...texts.data]).toEqual([2, 2]);
    expect([gpu.calls, wasm.calls]).toEqual([0, 1]);
  });

  it('rethrows an error that is not a device loss, and never touches WebAssembly for it', async () => {
    const { model, gpu, wasm, reasons } = setUp();
    gpu.fail = new Error('out of memory');
    await expect(model.encodeImages(pixels, 1)).rejects.toThrow('out of memory');
    expect([wasm.calls, reasons, model.provider]).toEqual([0, [], 'webgpu']);
  });

  it('a model that started on WebAssembly just runs (no device to watch)', async () => {
    const wasm = fakeModel('wasm', 2);
    let watched = 0;
    const model = withGpuLossFallback(wasm, { watch: () => (watched++, fakeWatch()), loadOnWasm: async () => wasm, onFallback: () => undefined });
    wasm.fail = new Error('bad input');
    await expect(model.encodeImages(pixels, 1)).rejects.toThrow('bad input');
    expect(watched).toBe(0);
  });

  it('release stops watching first (releasing WebGPU sessions destroys the device on purpose) and frees the current model', async () => {
    const { model, gpu, watch } = setUp();
    await model.release();
    expect(watch.stopped).toBe(true);
    expect(gpu.released).toBe(true);
  });

  it('says what happened and what goes on, in words', () => {
    expect(describeDeviceLoss(DESTROYED)).toBe(
      'the GPU device was lost (destroyed: Device was destroyed); continuing on WebAssembly from the chunk in progress — ' +
        'the chunks already stored are kept, and the next run tries the GPU again',
    );
    expect(describeDeviceLoss({ reason: 'unknown', message: '' })).toMatch(/^the GPU device was lost \(unknown\);/);
  });
});
