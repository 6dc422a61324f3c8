import { useMemo } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { labelSetChanges } from '../../../core/lab/label-agreement';
import { naturalClassName } from '../../../core/voc';
import { QueryState } from '../../components/query-state';
import { useLabStore } from '../../state/lab-store';
import { useSideScores } from './use-side-scores';

const SHOWN = 12;

/** The images whose predicted labels (score ≥ the cut) differ between A and B, with the classes B adds and drops. */
export function LabelSetSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const cut = useLabStore((state) => state.view.gallery.cut);
  const openImage = useLabStore((state) => state.openImage);
  const { mode, ready, pending } = useSideScores(a, b);
  const changes = useMemo(() => (ready ? labelSetChanges(ready.ids, ready.classes, ready.a, ready.b, cut, SHOWN) : null), [ready, cut]);
  return (
    <section className="panel" aria-labelledby="compare-label-sets-heading">
      <h2 id="compare-label-sets-heading">Images whose labels change ({mode})</h2>
      <QueryState query={pending} what="the pseudo labels of A and B" />
      {changes && (
        <>
          <p role="status" aria-label="Images whose labels change">
            {changes.count} of {changes.images} images have other {mode} labels under B than under A at the label cut {cut.toFixed(2)}
            {changes.count > changes.shown.length ? `; the ${changes.shown.length} with the most classes changed:` : changes.count > 0 ? ':' : '.'}
          </p>
          {changes.shown.length > 0 && (
            <ol className="changed-list" aria-label="Images whose predicted labels differ between A and B">
              {changes.shown.map((change) => (
                <li key={change.id}>
                  <button type="button" className="link" onClick={() => openImage(change.id)} aria-label={`Open image ${change.id}`}>
                    {change.id}
                  </button>
                  {change.gained.length > 0 && <span className="delta up">B adds {change.gained.map(naturalClassName).join(', ')}</span>}
                  {change.lost.length > 0 && <span className="delta down">B drops {change.lost.map(naturalClassName).join(', ')}</span>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
