import { PSEUDO_LABEL_MODES, type PseudoLabelMode } from '../../../core/evaluation/pseudo-label-modes';
import { useLabStore } from '../../state/lab-store';

/** Which pseudo labels (global, aggregate, final) a section compares: one choice for the whole view. */
export function ModeSelect() {
  const mode = useLabStore((state) => state.compare.mode);
  const setCompareView = useLabStore((state) => state.setCompareView);
  return (
    <label className="field">
      Pseudo labels
      <select value={mode} onChange={(event) => setCompareView({ mode: event.target.value as PseudoLabelMode })}>
        {PSEUDO_LABEL_MODES.map((entry) => (
          <option key={entry} value={entry}>
            {entry}
          </option>
        ))}
      </select>
    </label>
  );
}
