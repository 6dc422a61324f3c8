import { useMemo } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { labelAgreement } from '../../../core/lab/label-agreement';
import { QueryState } from '../../components/query-state';
import { useLabStore } from '../../state/lab-store';
import { AgreementTable } from './agreement-table';
import { LabelCutField } from './label-cut-field';
import { ModeSelect } from './mode-select';
import { useSideScores } from './use-side-scores';

/** Without ground truth: what A and B each predict per class, and how much the two agree. */
export function AgreementSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const cut = useLabStore((state) => state.view.gallery.cut);
  const { mode, ready, pending } = useSideScores(a, b);
  const agreement = useMemo(() => (ready ? labelAgreement(ready.classes, ready.a, ready.b, cut) : null), [ready, cut]);
  return (
    <section className="panel" aria-labelledby="compare-agreement-heading">
      <h2 id="compare-agreement-heading">Positives per class and agreement of A and B</h2>
      <div className="controls">
        <ModeSelect />
        <LabelCutField />
      </div>
      <p className="muted">
        A class is a positive of an image when its {mode} score is ≥ the label cut ({cut.toFixed(2)}, shared with the gallery). Jaccard: the images both A and B
        predict, over the images either predicts; a class neither predicts for any image has none and is left out of the mean.
      </p>
      <QueryState query={pending} what="the pseudo labels of A and B" />
      {agreement && (
        <>
          <p role="status" aria-label="Mean Jaccard">
            Mean Jaccard of A and B over {agreement.perClass.length - agreement.classesWithoutPositives} of {agreement.perClass.length} classes:{' '}
            <strong>{agreement.meanJaccard === null ? '— (no class is predicted by A or B)' : agreement.meanJaccard.toFixed(3)}</strong>
          </p>
          <AgreementTable agreement={agreement} mode={mode} />
        </>
      )}
    </section>
  );
}
