import { markOf } from '../../../core/lab/gallery';
import { MARK_TEXT } from '../../components/label-marks';
import { useLabStore } from '../../state/lab-store';

/** The truth of one class, marked against the final label at the gallery's label cut. */
export function TruthCell({ truth, final, difficult }: { truth: number; final: number; difficult: 'positive' | 'ignore' }) {
  const cut = useLabStore((state) => state.view.gallery.cut);
  const mark = markOf(final, truth, cut, difficult);
  const text = truth === 1 ? 'yes' : truth === 0 ? 'difficult' : 'no';
  return (
    <span className={`mark ${mark ?? 'none'}`}>
      {text}
      {mark && (
        <span className="truth-mark" title={MARK_TEXT[mark].name}>
          {' '}
          {MARK_TEXT[mark].symbol} {MARK_TEXT[mark].name}
        </span>
      )}
    </span>
  );
}

/** Without ground truth: whether the final label is predicted at the gallery's label cut. */
export function PredictedCell({ final, cut }: { final: number; cut: number }) {
  return <span className={`mark ${final >= cut ? 'predicted' : 'none'}`}>{final >= cut ? 'yes' : 'no'}</span>;
}
