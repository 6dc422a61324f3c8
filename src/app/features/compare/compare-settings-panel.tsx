import { useLabStore } from '../../state/lab-store';
import { useUnlabelled } from '../../state/run-status-store';
import { useLabQuery } from '../../state/use-lab-query';
import { COLLAPSE_EXPLANATION } from './collapse-summary';
import { SettingsEditor } from './settings-editor';

/** A and B, each a fieldset of settings, and the one-click comparisons. */
export function CompareSettingsPanel() {
  const compare = useLabStore((state) => state.compare);
  const workspaceSettings = useLabStore((state) => state.settings);
  const { setCompareSide, setCompareSides, swapCompareSides, paperVersusReference } = useLabStore.getState();
  const grids = useLabQuery({ kind: 'cached-grids' });
  const unlabelled = useUnlabelled();
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
        <button type="button" className="primary" onClick={() => paperVersusReference(workspaceSettings)}>
          Paper vs reference temperature
        </button>
      </div>
      <p className="muted">
        “Paper vs reference temperature” compares the workspace’s setting at the paper’s scale (100, A) with the reference reproduction’s
        (1/ln 100, B). {COLLAPSE_EXPLANATION}
      </p>
    </section>
  );
}
