import type { GpuKind } from '../inference/ort-web';
import type { BackendAdvice, ExecutionProvider } from '../protocol/pipeline-protocol';

/** How much faster the other backend must measure before the lab offers it (first-use timings are rough). */
export const MUCH_FASTER = 4;

/**
 * Which backend to time beside the one running, on one image: WebAssembly always can; WebGPU only on a
 * hardware adapter (on a software one it is known to be slow, and timing it would cost minutes of CPU).
 */
export function backendToProbe(current: ExecutionProvider, gpu: GpuKind): ExecutionProvider | null {
  if (current === 'webgpu') return 'wasm';
  return gpu === 'hardware' ? 'webgpu' : null;
}

export interface MeasuredRate {
  readonly provider: ExecutionProvider;
  readonly imagesPerSecond: number;
}

/**
 * The offer to switch, when the other backend measured at least MUCH_FASTER times the images per second
 * of the running one; null otherwise (or when either rate is not a positive number).
 */
export function adviseBackend(current: MeasuredRate, other: MeasuredRate | null): BackendAdvice | null {
  if (!other || other.provider === current.provider) return null;
  const valid = (rate: number) => Number.isFinite(rate) && rate > 0;
  if (!valid(current.imagesPerSecond) || !valid(other.imagesPerSecond)) return null;
  if (other.imagesPerSecond < MUCH_FASTER * current.imagesPerSecond) return null;
  return { current: current.provider, faster: other.provider, currentImagesPerSecond: current.imagesPerSecond, fasterImagesPerSecond: other.imagesPerSecond };
}
