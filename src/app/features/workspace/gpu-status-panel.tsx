import type { AdapterSummary } from '../../../gpu/webgpu-probe';
import { useWebGpuProbe } from '../../state/use-webgpu-probe';
import { CpuOperatorsNote } from './cpu-operators-note';

export function GpuStatusPanel() {
  const probe = useWebGpuProbe();
  return (
    <section className="panel" aria-labelledby="gpu-status-heading">
      <h2 id="gpu-status-heading">GPU</h2>
      <div role="status" aria-label="WebGPU adapter" aria-live="polite" data-state={probe.status}>
        {probe.status === 'probing' && <p className="muted">Looking for a WebGPU adapter…</p>}
        {probe.status === 'available' && <AdapterDetails adapter={probe.adapter} />}
        {probe.status === 'unavailable' && (
          <p className="warning">
            <strong>No WebGPU adapter.</strong> Why: {probe.reason}
          </p>
        )}
      </div>
      <CpuOperatorsNote />
    </section>
  );
}

function AdapterDetails({ adapter }: { adapter: AdapterSummary }) {
  const megabytes = Math.round(adapter.maxStorageBufferBindingSize / 2 ** 20);
  return (
    <>
      <p className="ok">
        <strong>WebGPU adapter found:</strong> {adapter.vendor} · {adapter.architecture}
        {adapter.description && ` — ${adapter.description}`}
      </p>
      {adapter.isFallbackAdapter && (
        <p className="muted">This is a software (fallback) adapter: correct, but much slower than a GPU.</p>
      )}
      <dl className="facts">
        <dt>Largest storage buffer</dt>
        <dd>{megabytes} MiB</dd>
        <dt>Invocations per workgroup</dt>
        <dd>{adapter.maxComputeInvocationsPerWorkgroup}</dd>
      </dl>
    </>
  );
}
