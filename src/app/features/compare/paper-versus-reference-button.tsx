import { useState } from 'react';
import { presetChanges } from '../../../core/lab/compare-differences';
import { useLabStore } from '../../state/lab-store';
import { NAMED_SCALES } from './use-differences';

/**
 * The one-click paper-versus-reference comparison. It puts both sides at the workspace's setting (so
 * they differ in the temperature alone), which can replace B's ζ: what it changed is said, never silent.
 */
export function PaperVersusReferenceButton() {
  const [changes, setChanges] = useState<string[] | null>(null);
  const apply = () => {
    const { compare: before, settings, paperVersusReference } = useLabStore.getState();
    paperVersusReference(settings);
    setChanges(presetChanges(before, useLabStore.getState().compare, NAMED_SCALES));
  };
  return (
    <>
      <button type="button" className="primary" onClick={apply}>
        Paper vs reference temperature
      </button>
      {changes && (
        <p className="preset-note" role="status" aria-label="What the preset changed">
          {changes.length === 0 ? 'A and B already were the paper against the reference temperature: nothing changed.' : `Changed — ${changes.join('; ')}.`}
        </p>
      )}
    </>
  );
}
