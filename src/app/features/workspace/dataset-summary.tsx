import type { DatasetMessage } from '../../../worker/protocol/pipeline-protocol';
import { useRunStatus } from '../../state/run-status-store';

const FORMAT_NAMES: Readonly<Record<DatasetMessage['format'], string>> = {
  voc: 'PASCAL VOC',
  coco: 'COCO',
  'nus-wide': 'NUS-WIDE',
  folder: 'a plain folder of photos',
  synthetic: 'synthetic test data',
};

/** How many class names the summary spells out before "and N more". */
const NAMED_CLASSES = 12;

export const NO_TRUTH_NOTE = 'No ground truth: the lab shows predicted labels, positives per class and agreement instead of mAP';

/** What the run read, as the worker opened it: format, split, images, classes, warnings, skipped files, no ground truth. */
export function DatasetSummary() {
  const dataset = useRunStatus((state) => state.dataset);
  const skipped = useRunStatus((state) => state.skipped.length);
  if (!dataset) return null;
  const { classes, warnings } = dataset;
  const named = classes.slice(0, NAMED_CLASSES).join(', ') + (classes.length > NAMED_CLASSES ? ` and ${classes.length - NAMED_CLASSES} more` : '');
  return (
    <div className="dataset-summary">
      <p role="status" aria-label="Dataset read">
        Read as {FORMAT_NAMES[dataset.format]}
        {dataset.split !== null ? `, split ${dataset.split}` : ''}: {dataset.images} images, {classes.length} classes
        {skipped > 0 ? `, ${skipped} file(s) skipped (listed in the Run panel)` : ''}.
      </p>
      <p className="muted" aria-label="Dataset classes">
        Classes: {named}
      </p>
      {dataset.unlabelled && (
        <p className="banner info" role="note" aria-label="Dataset without ground truth">
          {NO_TRUTH_NOTE}.
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="banner warning" aria-label="Dataset warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
