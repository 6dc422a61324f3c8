import { ort } from './ort-web';

/** A lost GPU device as the browser reported it (GPUDeviceLostInfo). */
export interface DeviceLoss {
  readonly reason: string;
  readonly message: string;
}

/** Watches the GPU device a model runs on. */
export interface DeviceWatch {
  /** The loss once the browser reported it; null while the device works (or there is none). */
  readonly lost: DeviceLoss | null;
  /** The loss if it is reported within `ms`, else null: a failed run may reject before `lost` resolves. */
  lossWithin(ms: number): Promise<DeviceLoss | null>;
  /** After this a loss is no loss: releasing WebGPU sessions destroys onnxruntime's device on purpose. */
  stop(): void;
}

/**
 * The GPUDevice onnxruntime-web runs its WebGPU sessions on. Read it only once a WebGPU session exists:
 * onnxruntime sets `env.webgpu.device` when it creates a session (typed as a Promise, a plain device in
 * the 1.30 WebGPU build; awaiting covers both).
 */
async function onnxRuntimeDevice(): Promise<GPUDevice | undefined> {
  return (await (ort.env.webgpu.device as unknown as Promise<GPUDevice | undefined> | GPUDevice | undefined)) ?? undefined;
}

/** Watches the device of the WebGPU sessions created last (the model just loaded) for its `lost` promise. */
export function watchGpuDevice(): DeviceWatch {
  let lost: DeviceLoss | null = null;
  let stopped = false;
  const reported = onnxRuntimeDevice().then((device) =>
    device
      ? device.lost.then((info) => {
          if (!stopped) lost = { reason: info.reason, message: info.message };
          return lost;
        })
      : new Promise<null>(() => undefined),
  );
  return {
    get lost() {
      return lost;
    },
    lossWithin: (ms) => Promise.race([reported, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]),
    stop: () => void (stopped = true),
  };
}

/**
 * Test-only (the `debug-lose-gpu-device` message, sent by the page's `?e2e` hooks): really loses the
 * device, as a driver reset would — `destroy()` resolves its `lost` promise with reason 'destroyed'
 * and fails every GPU operation after it. Returns false when no WebGPU session has made a device yet.
 */
export async function destroyGpuDevice(): Promise<boolean> {
  const device = await onnxRuntimeDevice();
  device?.destroy();
  return device !== undefined;
}
