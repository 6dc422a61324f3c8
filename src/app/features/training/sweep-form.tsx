import { useState } from 'react';
import { parseSweepValues, planSweep, SWEEP_FIELDS, sweepSize, type SweepField, type SweepSpace } from '../../../core/training/sweep';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { useTrainingStore } from '../../state/training-store';

const LABELS: Record<SweepField, string> = {
  learningRate: 'Learning rates',
  updateEvery: 'Update every k',
  sigma: 'σ values',
  eta: 'η values',
  hidden: 'Hidden widths (MLP)',
};

/**
 * A grid or random search (the reference's Optuna search, as lists of values) around the form's
 * settings, run one after another; results land in the runs table.
 */
export function SweepForm() {
  const { training: controller } = useLabServices();
  const { settings, backend, valSplit } = useLabStore((state) => state.trainingForm);
  const { activeRunId, sweep } = useTrainingStore();
  const [texts, setTexts] = useState<Record<SweepField, string>>({
    // Around the form's rate (the default 0.1 since issue 14), not a fixed list far below it.
    learningRate: `${settings.learningRate}, ${Number((settings.learningRate / 10).toPrecision(6))}`,
    updateEvery: String(settings.updateEvery),
    sigma: String(settings.sigma),
    eta: '0, 1',
    hidden: String(settings.hidden),
  });
  const [kind, setKind] = useState<'grid' | 'random'>('grid');
  const [trials, setTrials] = useState(8);
  const [seed, setSeed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseSpace(texts);
  const size = 'space' in parsed ? safeSize(() => sweepSize(settings, parsed.space)) : null;
  const runSweep = async () => {
    setError(null);
    try {
      if ('error' in parsed) throw new RangeError(parsed.error);
      const plan = planSweep(settings, parsed.space, kind === 'grid' ? { kind } : { kind, trials, seed });
      await controller.sweep(plan, backend, valSplit || null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section className="panel sweep-form" aria-label="Sweep">
      <h2>Sweep</h2>
      <p className="hint">Values separated by commas; every other setting is the form’s. Runs go one after another on the chosen backend.</p>
      <div className="form-grid">
        {SWEEP_FIELDS.map((field) => (
          <label key={field}>
            {LABELS[field]}
            <input type="text" value={texts[field]} onChange={(event) => setTexts({ ...texts, [field]: event.target.value })} />
          </label>
        ))}
        <label>
          Search
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <option value="grid">grid (every combination)</option>
            <option value="random">random (trials from the grid)</option>
          </select>
        </label>
        {kind === 'random' && (
          <>
            <label>
              Trials
              <input type="number" min={1} step={1} value={trials} onChange={(event) => setTrials(event.target.valueAsNumber)} />
            </label>
            <label>
              Sweep seed
              <input type="number" step={1} value={seed} onChange={(event) => setSeed(event.target.valueAsNumber)} />
            </label>
          </>
        )}
      </div>
      <p className="hint" role="status">
        {'error' in parsed ? parsed.error : size && 'runs' in size ? `${kind === 'grid' ? size.runs : Math.min(trials || 0, size.runs)} runs planned (${size.points} grid points)` : size?.error}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {sweep && (
        <p role="status">
          {sweep.name}: run {sweep.total - sweep.pending.length} of {sweep.total}
        </p>
      )}
      <button type="button" disabled={activeRunId !== null || 'error' in parsed} onClick={() => void runSweep()}>
        Run the sweep
      </button>
    </section>
  );
}

function parseSpace(texts: Record<SweepField, string>): { space: SweepSpace } | { error: string } {
  try {
    const space = Object.fromEntries(SWEEP_FIELDS.map((field) => [field, parseSweepValues(texts[field], field)])) as unknown as SweepSpace;
    return { space };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function safeSize(size: () => { points: number; runs: number }): { points: number; runs: number } | { error: string } {
  try {
    return size();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
