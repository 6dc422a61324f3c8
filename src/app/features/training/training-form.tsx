import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { HEAD_KINDS, LABEL_SCHEDULES, MAX_HELD_OUT, validateTrainingSettings, type LabelSchedule, type TrainingSettings } from '../../../core/training/training-settings';
import { LabelledField } from '../../components/labelled-field';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { useUnlabelled } from '../../state/run-status-store';
import { valCandidatesOptions } from '../../state/queries';
import { useTrainingStore } from '../../state/training-store';
import { useFinishedRun } from '../../state/use-lab-query';
import { isSoftwareAdapter, useWebGpuProbe } from '../../state/use-webgpu-probe';
import { useCpuOnSoftwareAdapter } from './use-cpu-on-software-adapter';
import { MethodLink, MethodNote } from './method-note';
import { TrainsOn } from './trains-on';
import { ValSplitOffer } from './val-split-offer';

type NumericField = Exclude<keyof TrainingSettings, 'head' | 'patience' | 'schedule' | 'heldOut'>;

/** The two rules for which epochs e update the labels (w warm-up, k update every). */
const SCHEDULE_NAMES: Record<LabelSchedule, string> = {
  lab: 'lab: (e − w) mod k = 0',
  reference: 'reference reproduction: e mod k = 0',
};

const FIELDS: readonly { key: NumericField; label: string; step: string; hint: string }[] = [
  { key: 'epochs', label: 'Epochs', step: '1', hint: '' },
  { key: 'warmup', label: 'Warm-up epochs', step: '1', hint: 'θ-steps only, labels fixed' },
  { key: 'updateEvery', label: 'Update labels every k epochs', step: '1', hint: 'after the warm-up' },
  { key: 'sigma', label: 'σ of ψ', step: '0.05', hint: 'small: update only uncertain labels' },
  { key: 'eta', label: 'η (label step)', step: '0.1', hint: '0: labels never change (baseline). Step weight min(ηψ, 1): a label moves towards the head’s prediction, never past it' },
  { key: 'learningRate', label: 'Learning rate (Adam)', step: '0.001', hint: '' },
  { key: 'batchSize', label: 'Batch size', step: '1', hint: '' },
  { key: 'seed', label: 'Seed', step: '1', hint: 'same seed, same run' },
];

/** One run's settings, the backend, the val split, and Train / Stop. */
export function TrainingForm() {
  const { client, training: controller } = useLabServices();
  const { settings, backend, valSplit } = useLabStore((state) => state.trainingForm);
  const patch = useLabStore((state) => state.patchTrainingSettings);
  const set = useLabStore((state) => state.setTrainingForm);
  const { activeRunId, sweep, valNote } = useTrainingStore();
  const { runKey } = useFinishedRun();
  const unlabelled = useUnlabelled();
  const valCandidates = useQuery(valCandidatesOptions(client, runKey)).data ?? [];
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invalid = validationError(settings.heldOut === 0 ? { ...settings, patience: null } : settings);
  const probe = useWebGpuProbe();
  const software = isSoftwareAdapter(probe);
  const softwareDefault = useCpuOnSoftwareAdapter(software);
  const train = async () => {
    setError(null);
    setStarting(true);
    try {
      // A cleared held-out share keeps no patience (the form shows it empty and disabled).
      const run = settings.heldOut === 0 ? { ...settings, patience: null } : settings;
      await controller.train({ settings: run, backend, valSplit: unlabelled ? null : valSplit || null });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setStarting(false);
    }
  };
  return (
    <section className="panel training-form" aria-label="Train a classifier">
      <h2>Train a classifier</h2>
      <TrainsOn />
      <p className="hint">
        A head on the run’s CLIP image embeddings, trained on its final pseudo labels at the workspace’s ζ, λ and temperature, which gradient alignment updates in turn (
        <MethodLink>the method, step 5</MethodLink>).
      </p>
      <MethodNote />
      <div className="form-grid">
        <LabelledField label="Head" className="form-field">
          {(id) => (
            <select id={id} value={settings.head} onChange={(event) => patch({ head: event.target.value as TrainingSettings['head'] })}>
              {HEAD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind === 'linear' ? 'linear' : 'MLP (one hidden ReLU layer)'}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <label>
          Hidden width
          <input type="number" min={1} step={1} value={settings.hidden} disabled={settings.head !== 'mlp'} onChange={(event) => patch({ hidden: event.target.valueAsNumber })} />
        </label>
        {FIELDS.map((field) => (
          <label key={field.key} title={field.hint || undefined}>
            {field.label}
            <input type="number" step={field.step} value={Number.isNaN(settings[field.key]) ? '' : settings[field.key]} onChange={(event) => patch({ [field.key]: event.target.valueAsNumber })} />
          </label>
        ))}
        <label title="Which epochs e > warm-up w update the labels: the lab counts k from the end of the warm-up; the reference reproduction counts from epoch 0">
          Label update schedule
          <select value={settings.schedule} onChange={(event) => patch({ schedule: event.target.value as LabelSchedule })}>
            {LABEL_SCHEDULES.map((schedule) => (
              <option key={schedule} value={schedule}>
                {SCHEDULE_NAMES[schedule]}
              </option>
            ))}
          </select>
        </label>
        <label title="Train images the head never trains on and whose labels never change; after every epoch the head is scored on them against their Y0, and the run keeps the epoch with the lowest KL. 0: keep the last epoch, no early stop">
          Held-out share (%)
          <input
            type="number"
            min={0}
            max={MAX_HELD_OUT * 100}
            step={1}
            value={Number.isNaN(settings.heldOut) ? '' : Math.round(settings.heldOut * 1000) / 10}
            onChange={(event) => patch({ heldOut: event.target.valueAsNumber / 100 })}
          />
        </label>
        <label title={settings.heldOut > 0 ? 'stop after this many label updates (after the warm-up) without a lower held-out KL; empty: never. No ground truth is used' : 'needs a held-out share: early stopping watches the held-out score'}>
          Early stop (patience, label updates)
          <input
            type="number"
            min={1}
            step={1}
            placeholder="never"
            disabled={settings.heldOut === 0}
            value={settings.heldOut === 0 ? '' : (settings.patience ?? '')}
            onChange={(event) => patch({ patience: event.target.value === '' ? null : event.target.valueAsNumber })}
          />
        </label>
        <LabelledField label="Backend" className="form-field">
          {(id) => (
            <select id={id} value={backend} onChange={(event) => set({ backend: event.target.value as typeof backend, backendChosen: true })}>
              <option value="webgpu">WebGPU (our WGSL kernels)</option>
              <option value="cpu">CPU (JavaScript)</option>
            </select>
          )}
        </LabelledField>
        <LabelledField label="Val split" className="form-field">
          {(id) => (
            <select id={id} value={unlabelled ? '' : valSplit} disabled={unlabelled} onChange={(event) => set({ valSplit: event.target.value })}>
              <option value="">{unlabelled ? 'none (no ground truth)' : valCandidates.length ? 'automatic (val when computed)' : 'none computed yet'}</option>
              {valCandidates.map((split) => (
                <option key={split} value={split}>
                  {split}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      </div>
      {unlabelled && (
        <p className="notice" role="note" aria-label="No ground truth">
          No ground truth: training runs on the pseudo labels alone (gradient alignment needs only the embeddings and Y0). There is no pseudo-label or val mAP, so no
          mAP curves; the charts show the loss, how much the labels moved and the held-out KL, which picks the epoch to keep and stops early.
        </p>
      )}
      <ValSplitOffer stored={valCandidates} unlabelled={unlabelled} />
      {valNote && !unlabelled && <p className="hint" role="status">Val: {valNote}</p>}
      {backend === 'webgpu' && probe.status === 'unavailable' && <p className="notice">No WebGPU here ({probe.reason}): runs train on the CPU.</p>}
      {backend === 'webgpu' && software && (
        <p className="notice">This WebGPU adapter is a software renderer (SwiftShader, on the CPU): the CPU backend trains several times faster here.</p>
      )}
      {backend === 'cpu' && softwareDefault && (
        <p className="muted" role="note" aria-label="Why the CPU trains here">
          CPU, because this browser&apos;s WebGPU adapter is a software renderer (it runs on the CPU, several times slower than the CPU backend). Choose WebGPU to use it anyway.
        </p>
      )}
      {invalid && <p className="error" role="alert">{invalid}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" onClick={() => void train()} disabled={Boolean(invalid) || starting || activeRunId !== null}>
          Train
        </button>
        <button type="button" onClick={() => controller.stop()} disabled={activeRunId === null}>
          {sweep ? 'Stop the sweep' : 'Stop'}
        </button>
      </div>
    </section>
  );
}

function validationError(settings: TrainingSettings): string | null {
  try {
    validateTrainingSettings(settings);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
