import { REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { collapseThreshold, largestScore, mapUnitLabel } from '../../../core/lab/compare';
import type { ZetaSweepResult } from '../../../worker/protocol/lab-protocol';

/** The sentence that explains the temperature collapse (issue 5 item 4). */
export const COLLAPSE_EXPLANATION =
  'With scale 1/ln 100 ≈ 0.217 the softmax over the classes is nearly uniform (every score ≈ 1 / the number of classes: 0.05 for VOC’s 20), so α < ζ for every ζ above that and the aggregate falls back to β, the minimum over snippets.';

/** Why the reference reproduction found aggregation useless: the largest score at its scale and the ζ from which the aggregate is β. */
export function CollapseSummary({ sweep, scores, b }: { sweep: ZetaSweepResult | undefined; scores: Float32Array | undefined; b: LabSettings }) {
  // Each part says its own state: the sweep (B's curves in the chart) may be drawn before the scores arrive.
  if (!sweep) {
    return (
      <p role="status" className="panel muted loading">
        Computing the reference scale’s ζ sweep…
      </p>
    );
  }
  const collapse = collapseThreshold(sweep, 1e-6);
  const top = scores ? largestScore(scores) : null;
  return (
    <section className="panel collapse" role="status" aria-label="Temperature collapse">
      <h2>Why the reference reproduction found aggregation useless</h2>
      <p>{COLLAPSE_EXPLANATION}</p>
      <p>
        At the reference scale ({REFERENCE_REPRODUCTION_SCALE.label}) the largest global score of any image and class is{' '}
        {top === null ? <span className="muted">being computed…</span> : <strong>{top.toFixed(4)}</strong>}.{' '}
        {collapse ? (
          <>
            The aggregate’s mAP is <strong>{collapse.betaMap.toFixed(2)}</strong> for every ζ ≥ {collapse.from.toFixed(2)} — exactly its value at ζ = 1,
            i.e. β ({mapUnitLabel(b)}).
          </>
        ) : (
          <>On this run the aggregate still changes with ζ up to 1: no collapse visible.</>
        )}
      </p>
    </section>
  );
}
