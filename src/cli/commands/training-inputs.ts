import { DataError, type SkippedItem } from '../../core/data-error';
import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import { selectInputRows, selectRows } from '../../core/evaluation/select-rows';
import { decodeNpy } from '../../core/formats/npy';
import { CACHE_FILES } from '../../core/init-cache/cache-manifest';
import { readInitCache } from '../../core/init-cache/read-init-cache';
import { l2NormalizeRows } from '../../core/training/normalize-features';
import { createMatrix, type LabelMatrix, type Matrix } from '../../core/types';
import { classTokens, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import { createNodeFileSource } from '../node-file-source';

/** One split's cached images: features, pseudo-label inputs and ground truth, row-aligned. */
export interface CachedSplit {
  readonly cache: string;
  readonly classes: readonly string[];
  readonly features: Matrix;
  readonly inputs: PseudoLabelInputs;
  /** null: the dataset has no ground truth (a plain folder). */
  readonly truth: LabelMatrix | null;
  readonly skipped: SkippedItem[];
}

/** The images of `dataset` (one split) found in the `cdul cache` folder `cacheDir`, given with `flag`. */
export async function loadCachedSplit(cacheDir: string, dataset: MultiLabelDataset, flag: string): Promise<CachedSplit> {
  const source = createNodeFileSource(cacheDir);
  const cache = await readInitCache(source, '');
  const { manifest } = cache;
  const classes = classTokens(dataset);
  if (manifest.classes.join() !== classes.join()) {
    throw new DataError(source.label, `was computed for classes [${manifest.classes.join(', ')}], the dataset has [${classes.join(', ')}]`);
  }
  const embeds = await readGlobalEmbeds(cacheDir, manifest.ids.length, manifest.model.embedDim);
  const cacheRow = new Map(manifest.ids.map((id, row) => [id, row]));
  const datasetRows = dataset.ids.flatMap((id, row) => (cacheRow.has(id) ? [row] : []));
  if (datasetRows.length === 0) {
    throw new DataError(source.label, `(${flag}) holds no image of split '${dataset.split}'; make one with cdul cache --split ${dataset.split}`);
  }
  const cacheRows = datasetRows.map((row) => cacheRow.get(dataset.ids[row]!)!);
  const skipped = dataset.ids.filter((id) => !cacheRow.has(id)).map((id) => ({ id, reason: `not in the cache ${source.label}` }));
  return {
    cache: source.label,
    classes,
    features: l2NormalizeRows(selectRows(embeds, cacheRows)),
    inputs: selectInputRows(cache.inputs, cacheRows),
    truth: dataset.labels ? selectRows(dataset.labels, datasetRows) : null,
    skipped: [...dataset.skipped, ...skipped],
  };
}

async function readGlobalEmbeds(cacheDir: string, images: number, dim: number): Promise<Matrix> {
  const source = createNodeFileSource(cacheDir);
  const file = `${source.label}/${CACHE_FILES.globalEmbeds}`;
  const array = decodeNpy(await source.readBytes(CACHE_FILES.globalEmbeds), file);
  if (array.shape.join() !== [images, dim].join()) {
    throw new DataError(file, `has shape [${array.shape.join(', ')}], expected [${images}, ${dim}] from manifest.json`);
  }
  return createMatrix(images, dim, array.data);
}
