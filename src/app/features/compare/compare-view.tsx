import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { sideHeading } from '../../../core/lab/compare-differences';
import { NeedsRun } from '../../components/needs-run';
import { ExportPanel } from '../../components/export/export-panel';
import { useLabStore } from '../../state/lab-store';
import { isPaperVersusReference } from '../../state/settings';
import { useRunStatus, useUnlabelled } from '../../state/run-status-store';
import { AgreementSection } from './agreement-section';
import { ChangedSection } from './changed-section';
import { ClassSection } from './class-section';
import { CollapseSection } from './collapse-section';
import { CompareSettingsPanel } from './compare-settings-panel';
import { LabelSetSection } from './label-set-section';
import { MapSection } from './map-section';
import { NoTruthNote } from './no-truth-note';
import { PrSection } from './pr-section';
import { useDifferences } from './use-differences';
import { useSettled } from './use-settled';
import { ZetaSection } from './zeta-section';
import './compare.css';

/** Two settings A and B side by side (issue 5 item 4). */
export function CompareView() {
  const phase = useRunStatus((state) => state.phase);
  if (phase !== 'complete') return <NeedsRun what="Compare" />;
  return <CompareResults />;
}

function CompareResults() {
  const compare = useLabStore((state) => state.compare);
  const unlabelled = useUnlabelled();
  // The sliders move at once; the worker is asked once they rest (a drag would queue a sweep per step).
  const a = useSettled(compare.a);
  const b = useSettled(compare.b);
  const differences = useDifferences(a, b);
  return (
    <div className="compare">
      {unlabelled && <NoTruthNote />}
      <CompareSettingsPanel />
      {unlabelled ? <WithoutTruth a={a} b={b} /> : <WithTruth a={a} b={b} />}
      <section className="panel">
        <ExportPanel
          choices={[
            { label: sideHeading('A', differences), settings: a },
            { label: sideHeading('B', differences), settings: b },
          ]}
        />
      </section>
    </div>
  );
}

/** mAP, per-class AP, ζ sweeps and PR curves: every section that scores A and B against the ground truth. */
function WithTruth({ a, b }: { a: LabSettings; b: LabSettings }) {
  return (
    <>
      {isPaperVersusReference(a, b) && <CollapseSection a={a} b={b} />}
      <MapSection a={a} b={b} />
      <ZetaSection a={a} b={b} />
      <div className="compare-grid">
        <ClassSection a={a} b={b} />
        <ChangedSection a={a} b={b} />
      </div>
      <PrSection a={a} b={b} />
    </>
  );
}

/** No ground truth: the 'evaluation', 'pr-curves' and 'zeta-sweep' questions are never asked, only 'scores'. */
function WithoutTruth({ a, b }: { a: LabSettings; b: LabSettings }) {
  return (
    <>
      <AgreementSection a={a} b={b} />
      <div className="compare-grid">
        <LabelSetSection a={a} b={b} />
        <ChangedSection a={a} b={b} />
      </div>
    </>
  );
}
