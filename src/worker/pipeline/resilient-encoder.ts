import type { DeviceLoss, DeviceWatch } from '../inference/gpu-device-loss';
import type { WebClipModel } from '../inference/web-clip-model';

export interface GpuLossFallback {
  watch(model: WebClipModel): DeviceWatch;
  /** The same model files on WebAssembly: they are still in memory, nothing is downloaded again. */
  loadOnWasm(): Promise<WebClipModel>;
  /** Called once, after the WebAssembly model is loaded; `reason` is shown to the user. */
  onFallback(reason: string): void;
}

/** How long a failed WebGPU run waits for the device's `lost` promise before it counts as an ordinary error. */
export const LOSS_REPORT_GRACE_MS = 2_000;

/**
 * A model that survives the loss of its GPU device (a driver reset, another tab taking the GPU, a
 * destroyed device): the broken sessions are released, the same files are loaded on WebAssembly, and
 * the call in progress — the chunk being encoded — is run again there; later calls stay on WebAssembly.
 * onnxruntime-web 1.30 copes with this in one worker: after GPUDevice.destroy() a WebGPU run rejects
 * within ~0.1 s ("The Device was lost before mapping was resolved"), releasing its sessions succeeds,
 * and WASM sessions of the same module run normally. A result that comes back after the loss was
 * reported is not trusted: it is computed again too. Chunks already stored are never touched.
 */
export function withGpuLossFallback(first: WebClipModel, fallback: GpuLossFallback): WebClipModel {
  // Only a WebGPU model has a device to watch (reading onnxruntime's device could create one).
  const watchOf = (model: WebClipModel) => (model.provider === 'webgpu' ? fallback.watch(model) : NO_WATCH);
  let current = first;
  let watch = watchOf(first);
  let switching: Promise<void> | null = null;

  const switchToWasm = (loss: DeviceLoss) =>
    (switching ??= (async () => {
      watch.stop();
      // A lost device's sessions may fail to release; there is nothing left in them to keep.
      await current.release().catch(() => undefined);
      current = await fallback.loadOnWasm();
      watch = watchOf(current);
      fallback.onFallback(describeDeviceLoss(loss));
    })());

  async function resilient<T>(call: (model: WebClipModel) => Promise<T>): Promise<T> {
    if (current.provider === 'webgpu' && watch.lost) await switchToWasm(watch.lost);
    if (current.provider !== 'webgpu') return call(current);
    let loss: DeviceLoss | null;
    try {
      const result = await call(current);
      loss = watch.lost;
      if (!loss) return result;
    } catch (error) {
      loss = watch.lost ?? (await watch.lossWithin(LOSS_REPORT_GRACE_MS));
      if (!loss) throw error;
    }
    await switchToWasm(loss);
    return call(current);
  }

  return {
    id: first.id,
    config: first.config,
    tokenizer: first.tokenizer,
    get provider() {
      return current.provider;
    },
    get cpuNodes() {
      return current.cpuNodes;
    },
    encodeImages: (pixels, count, onCrops) => resilient((model) => model.encodeImages(pixels, count, onCrops)),
    encodeTexts: (texts) => resilient((model) => model.encodeTexts(texts)),
    releaseImageEncoder: () => current.releaseImageEncoder(),
    async release() {
      // Stop first: releasing WebGPU sessions destroys onnxruntime's device, which is no loss.
      watch.stop();
      await current.release();
    },
  };
}

const NO_WATCH: DeviceWatch = { lost: null, lossWithin: async () => null, stop: () => undefined };

/** In words a user can act on; the banner prefixes "Running on WebAssembly …, not WebGPU: ". */
export function describeDeviceLoss(loss: DeviceLoss): string {
  const message = loss.message.trim().replace(/\.$/, '');
  const detail = message ? `${loss.reason}: ${message}` : loss.reason;
  return (
    `the GPU device was lost (${detail}); continuing on WebAssembly from the chunk in progress — ` +
    'the chunks already stored are kept, and the next run tries the GPU again'
  );
}
