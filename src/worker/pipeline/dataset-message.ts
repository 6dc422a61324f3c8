import { classTokens, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import { selectRows } from '../../core/evaluation/select-rows';
import type { LabelMatrix } from '../../core/types';
import type { DatasetMessage } from '../protocol/pipeline-protocol';

/** What the workspace is told of the dataset a run reads. */
export function datasetMessage(dataset: MultiLabelDataset): DatasetMessage {
  return {
    type: 'dataset',
    images: dataset.ids.length,
    classes: classTokens(dataset),
    promptNames: dataset.classes.map((c) => c.promptName),
    split: dataset.split,
    warnings: dataset.warnings,
    format: dataset.format,
    splits: dataset.splits,
    unlabelled: dataset.labels === null,
  };
}

/** The dataset cut to its first `limit` images (paths and labels alike). */
export function firstImages(dataset: MultiLabelDataset, limit: number | null): MultiLabelDataset {
  if (limit === null || limit >= dataset.ids.length) return dataset;
  const rows = Array.from({ length: limit }, (_, row) => row);
  return {
    ...dataset,
    ids: dataset.ids.slice(0, limit),
    imagePaths: dataset.imagePaths.slice(0, limit),
    labels: dataset.labels && selectRows(dataset.labels, rows),
  };
}

/** The ground truth of the images `ids` (a run's rows: skipped images are not rows); null without any. */
export function labelsOfRows(dataset: MultiLabelDataset, ids: readonly string[]): LabelMatrix | null {
  if (!dataset.labels) return null;
  const rowOf = new Map(dataset.ids.map((id, row) => [String(id), row]));
  return selectRows(dataset.labels, ids.map((id) => {
    const row = rowOf.get(id);
    if (row === undefined) throw new RangeError(`image ${id} is not in ${dataset.root}`);
    return row;
  }));
}
