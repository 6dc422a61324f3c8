import { useEffect } from 'react';
import { useLabStore } from '../../state/lab-store';

/**
 * On a software WebGPU adapter (SwiftShader: WebGPU emulated on the CPU) the CPU trainer is several
 * times faster, so until the user picks a backend the form trains on the CPU. Returns whether that
 * default is in force (the form then says why).
 */
export function useCpuOnSoftwareAdapter(software: boolean): boolean {
  const chosen = useLabStore((state) => state.trainingForm.backendChosen === true);
  const backend = useLabStore((state) => state.trainingForm.backend);
  const setTrainingForm = useLabStore((state) => state.setTrainingForm);
  useEffect(() => {
    if (software && !chosen && backend === 'webgpu') setTrainingForm({ backend: 'cpu' });
  }, [software, chosen, backend, setTrainingForm]);
  return software && !chosen;
}
