import { naturalClassName } from '../../../core/voc';
import type { DatasetMessage } from '../../../worker/protocol/pipeline-protocol';
import { useLabStore } from '../../state/lab-store';
import { useRunStatus } from '../../state/run-status-store';
import { sameDatasetRef, shownDataset } from '../../state/shown-run';

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

/**
 * What the run read, as the worker opened it: format, split, images, classes, warnings, skipped files,
 * no ground truth — under the folder it read only (another folder chosen since: the title line says so).
 */
export function DatasetSummary() {
  const selected = useLabStore((state) => state.selection.dataset);
  const ofThisFolder = useRunStatus((state) => state.shown === null || sameDatasetRef(shownDataset(state.shown), selected));
  const dataset = useRunStatus((state) => (ofThisFolder ? state.dataset : null));
  const skipped = useRunStatus((state) => state.skipped.length);
  // Once the run is done, the images it has scores for: the gallery's count (skipped files are not among them).
  const images = useRunStatus((state) => state.images) ?? dataset?.images;
  if (!dataset) return null;
  const { classes, warnings } = dataset;
  // The name every other view shows (gallery, inspector, Compare): "dining table", never "diningtable".
  const named = classes.slice(0, NAMED_CLASSES).map(naturalClassName).join(', ') + (classes.length > NAMED_CLASSES ? ` and ${classes.length - NAMED_CLASSES} more` : '');
  return (
    <div className="dataset-summary">
      <p role="status" aria-label="Dataset read">
        Read as {FORMAT_NAMES[dataset.format]}
        {dataset.split !== null ? `, split ${dataset.split}` : ''}: {images} images{skipped > 0 ? ` (${skipped} skipped: listed in the Run panel)` : ''},{' '}
        {classes.length} classes.
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
