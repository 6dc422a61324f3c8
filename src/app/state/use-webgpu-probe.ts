import { useQuery } from '@tanstack/react-query';
import { isSoftwareAdapter as isSoftware } from '../../gpu/software-adapter';
import type { WebGpuProbe } from '../../gpu/webgpu-probe';
import { webGpuProbeOptions } from './queries';

export type ProbeState = { readonly status: 'probing' } | WebGpuProbe;

/** The WebGPU adapter (shared by the GPU panel and the training form: probed once). */
export function useWebGpuProbe(): ProbeState {
  const { data } = useQuery(webGpuProbeOptions());
  return data ?? { status: 'probing' };
}

/** A software adapter (SwiftShader, a fallback adapter): correct but on the CPU. */
export function isSoftwareAdapter(probe: ProbeState): boolean {
  return probe.status === 'available' && isSoftware(probe.adapter);
}
