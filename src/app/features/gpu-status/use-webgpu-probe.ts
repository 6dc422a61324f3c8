import { useEffect, useState } from 'react';
import { probeWebGpu, type WebGpuProbe } from '../../../gpu/webgpu-probe';

export type ProbeState = { readonly status: 'probing' } | WebGpuProbe;

export function useWebGpuProbe(): ProbeState {
  const [state, setState] = useState<ProbeState>({ status: 'probing' });
  useEffect(() => {
    let cancelled = false;
    probeWebGpu().then(
      (result) => !cancelled && setState(result),
      (error: unknown) => !cancelled && setState({ status: 'unavailable', reason: String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
