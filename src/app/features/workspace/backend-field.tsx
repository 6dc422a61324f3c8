import { isSoftwareAdapter } from '../../../gpu/software-adapter';
import { useLabStore } from '../../state/lab-store';
import { useWebGpuProbe, type ProbeState } from '../../state/use-webgpu-probe';

/** "Run on": automatic (WebAssembly on a software adapter, saying why), WebGPU or WebAssembly. */
export function BackendField({ disabled }: { disabled: boolean }) {
  const provider = useLabStore((state) => state.selection.provider);
  const select = useLabStore((state) => state.select);
  const probe = useWebGpuProbe();
  const automatic = automaticChoice(probe);
  return (
    <>
      <label className="field">
        Run on
        <select
          aria-label="Run on"
          value={provider}
          disabled={disabled}
          onChange={(event) => {
            const value = event.target.value;
            select({ provider: value === 'wasm' || value === 'webgpu' ? value : 'auto' });
          }}
        >
          <option value="auto">Automatic{automatic ? `: ${automatic.label}` : ''}</option>
          <option value="webgpu">WebGPU (the GPU)</option>
          <option value="wasm">WebAssembly (the CPU)</option>
        </select>
      </label>
      {provider === 'auto' && automatic?.why && (
        <p className="muted" aria-label="Why this backend">
          {automatic.why}
        </p>
      )}
    </>
  );
}

function automaticChoice(probe: ProbeState): { label: string; why: string | null } | null {
  if (probe.status === 'probing') return null;
  if (probe.status === 'unavailable') return { label: 'WebAssembly (no WebGPU here)', why: null };
  const { adapter } = probe;
  if (!isSoftwareAdapter(adapter)) return { label: 'WebGPU (the GPU)', why: null };
  return {
    label: 'WebAssembly (the GPU is software)',
    why:
      `WebAssembly, because this browser's WebGPU adapter (${adapter.vendor} · ${adapter.architecture}) is a software renderer: ` +
      'it runs on the CPU, tens of times slower than WebAssembly for the image encoder. Choose WebGPU above to use it anyway.',
  };
}
