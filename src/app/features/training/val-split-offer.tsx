import { useLabServices } from '../../state/lab-services';
import { isBusy, useRunStatus } from '../../state/run-status-store';
import { splitOffer } from '../../state/split-offer';
import { dismissSplitRunError, runOtherSplit, useSplitRunFlow } from '../../state/split-run-flow';

/**
 * The way to a val set in one click, beside the form's "Val split": compute the val split too (then
 * the split trained on reopens), or — on a run of the val split itself — open the train split instead.
 */
export function ValSplitOffer({ stored, unlabelled }: { stored: readonly string[]; unlabelled: boolean }) {
  const { client } = useLabServices();
  const dataset = useRunStatus((state) => state.dataset);
  const busy = useRunStatus((state) => isBusy(state.phase));
  const error = useSplitRunFlow((state) => state.error);
  const offer = dataset ? splitOffer({ openSplit: dataset.split, splits: dataset.splits, stored, unlabelled }) : null;
  const start = (split: string, reopen: string | null) => runOtherSplit(client, split, reopen);
  return (
    <>
      {error && (
        <p className="error" role="alert">
          The val split: {error}.{' '}
          <button type="button" className="link" onClick={dismissSplitRunError}>
            Dismiss
          </button>
        </p>
      )}
      {offer?.kind === 'val-too' && (
        <p className="notice val-offer" role="note" aria-label="Val split">
          <span>No val set yet: the head’s val mAP needs the {offer.split} split computed with the same model and grid.</span>
          <button type="button" disabled={busy} onClick={() => start(offer.split, offer.reopen)}>
            Compute the {offer.split} split too
          </button>
        </p>
      )}
      {offer?.kind === 'train-instead' && (
        <p className="notice val-offer" role="note" aria-label="Val split">
          <span>
            This run is the {dataset?.split} split: a head trained on it has no split left to be scored on. Train on the {offer.split} split, and {dataset?.split} becomes
            its val set.
          </span>
          <button type="button" disabled={busy} onClick={() => start(offer.split, null)}>
            {offer.stored ? `Open the ${offer.split} split (stored)` : `Compute the ${offer.split} split`}
          </button>
        </p>
      )}
    </>
  );
}

/** While the Training view computes another split: which, what the run reports, and Cancel. */
export function SplitRunProgress() {
  const { client } = useLabServices();
  const { step, split, reopen } = useSplitRunFlow();
  const run = useRunStatus();
  if (step === null) return null;
  const progress = run.progress;
  const what = step === 'computing' ? `Computing the ${split} split` : `Reopening the ${reopen} split to train on`;
  return (
    <section className="panel" aria-label="Computing another split">
      <h2>{what}</h2>
      <p role="status" aria-label="Split progress">
        {run.stage ?? 'Starting…'}
        {progress ? ` ${progress.done} / ${progress.total} images` : ''}
        {step === 'computing' && reopen ? ` — then the ${reopen} split reopens from the browser cache, with ${split} as its val set.` : ''}
      </p>
      {progress && <progress max={progress.total} value={progress.done} aria-label={`images of the ${step === 'computing' ? split : reopen} split`} />}
      <button type="button" disabled={!isBusy(run.phase)} onClick={() => client.send({ type: 'cancel' })}>
        Cancel
      </button>
    </section>
  );
}
