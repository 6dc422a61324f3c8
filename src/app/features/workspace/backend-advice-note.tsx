import { useLabServices } from '../../state/lab-services';
import { isBusy, useRunStatus } from '../../state/run-status-store';
import { switchBackend } from '../../state/run-stop';

const NAMES = { webgpu: 'WebGPU', wasm: 'WebAssembly' } as const;

/** The other backend, measured much faster on this machine during the first images: one click to switch. */
export function BackendAdviceNote() {
  const { client } = useLabServices();
  const { advice, phase, backend } = useRunStatus();
  if (!advice || !isBusy(phase) || backend?.provider !== advice.current) return null;
  const factor = advice.fasterImagesPerSecond / advice.currentImagesPerSecond;
  const rate = (value: number) => value.toFixed(value < 1 ? 2 : 1);
  return (
    <p className="banner warning" role="status" aria-label="Faster backend">
      {NAMES[advice.faster]} measured about {Math.round(factor)}× faster than {NAMES[advice.current]} on this machine ({rate(advice.fasterImagesPerSecond)} against{' '}
      {rate(advice.currentImagesPerSecond)} images/s on the first images).{' '}
      <button type="button" onClick={() => switchBackend(client, advice.faster)}>
        Switch to {NAMES[advice.faster]}
      </button>{' '}
      (the run goes on from the chunks already stored).
    </p>
  );
}
