import { useLabStore } from '../../state/lab-store';
import { useRunStatus, useUnlabelled } from '../../state/run-status-store';
import { useLabQuery } from '../../state/use-lab-query';
import { COLLAPSE_EXPLANATION } from './collapse-summary';
import { PaperVersusReferenceButton } from './paper-versus-reference-button';
import { REFERENCE_CACHE_LIMITS_ID, SettingsEditor } from './settings-editor';

/** A and B, each a fieldset of settings, and the one-click comparisons. */
export function CompareSettingsPanel() {
  const compare = useLabStore((state) => state.compare);
  const workspaceSettings = useLabStore((state) => state.settings);
  const { setCompareSide, setCompareSides, swapCompareSides } = useLabStore.getState();
  const grids = useLabQuery({ kind: 'cached-grids' });
  const unlabelled = useUnlabelled();
  const referenceCache = useRunStatus((state) => state.fixedScale !== null);
  return (
    <section className="panel compare-settings" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two settings</h2>
      <div className="compare-sides">
        <SettingsEditor side="A" settings={compare.a} grids={grids.data} unlabelled={unlabelled} onChange={(patch) => setCompareSide('a', patch)} />
        <SettingsEditor side="B" settings={compare.b} grids={grids.data} unlabelled={unlabelled} onChange={(patch) => setCompareSide('b', patch)} />
      </div>
      <div className="controls compare-actions">
        <button type="button" onClick={swapCompareSides}>
          Swap A and B
        </button>
        <button type="button" onClick={() => setCompareSides(workspaceSettings, compare.b)}>
          Use the workspace’s settings as A
        </button>
        <PaperVersusReferenceButton />
      </div>
      <p className="muted">
        “Paper vs reference temperature” sets A and B to the workspace’s setting (its ζ, λ and AP convention replace both sides’) and
        compares it at the paper’s scale (100, A) with the reference reproduction’s (1/ln 100, B). {COLLAPSE_EXPLANATION}
      </p>
      {referenceCache && (
        <p id={REFERENCE_CACHE_LIMITS_ID} className="banner info">
          A reference cache holds the scores the reproduction stored, not embeddings: another temperature rescales its global scores only
          (α and β, and so the aggregate, stay at the cache's own scale, 1/ln 100, which is the reference reproduction's), and its prompts
          are the ones it was made with, so the prompt templates cannot change.
        </p>
      )}
    </section>
  );
}
