/**
 * Test-only: a loaded VOC dataset as plain data (labels keyed by image id), so the end-to-end test can
 * compare what the browser adapters load with what the Node adapter loads, and send it out of the page.
 */
import type { VocDataset } from '../../../core/voc';

export interface LoadedDataset {
  readonly root: string;
  readonly split: string | null;
  readonly ids: string[];
  readonly classes: string[];
  readonly classOrigin: string;
  /** Image id → its label row (1 / -1 / 0 per class). */
  readonly rows: Record<string, number[]>;
  readonly objects: number;
  readonly skipped: string[];
  readonly warnings: string[];
}

/** `only`: keep the rows and object count of these ids (a subset copied from a larger folder). */
export function loadedDataset(dataset: VocDataset, only?: readonly string[]): LoadedDataset {
  const { cols, data } = dataset.labels;
  const kept = (id: string): boolean => only === undefined || only.includes(id);
  const rows: Record<string, number[]> = {};
  dataset.ids.forEach((id, row) => {
    if (kept(id)) rows[id] = Array.from(data.subarray(row * cols, (row + 1) * cols));
  });
  return {
    root: dataset.root,
    split: dataset.split,
    ids: dataset.ids.filter(kept),
    classes: [...dataset.classes],
    classOrigin: dataset.classOrigin,
    rows,
    objects: dataset.images
      .filter((image) => kept(image.id))
      .reduce((sum, image) => sum + image.objects.length, 0),
    skipped: dataset.skipped.map((item) => `${item.id}: ${item.reason}`),
    warnings: [...dataset.warnings],
  };
}
