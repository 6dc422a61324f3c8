import type { FileSource } from '../dataset-source';

/**
 * The NUS-WIDE release layout (81 concepts): `Concepts81.txt`, `ImageList/{Train,Test}Imagelist.txt`
 * (Windows paths such as `actor\0001_2124494179.jpg`, relative to `Flickr/`) and
 * `Groundtruth/TrainTestLabels/Labels_<concept>_{Train,Test}.txt` (one 0/1 per listed image).
 */
export const CONCEPTS_FILE = 'Concepts81.txt';
export const IMAGE_LIST_DIR = 'ImageList';
export const LABELS_DIR = 'Groundtruth/TrainTestLabels';
export const IMAGES_ROOT = 'Flickr';

/** The lab's split names and the release's. */
export const NUS_SPLITS = { train: 'Train', test: 'Test' } as const;
export type NusSplit = keyof typeof NUS_SPLITS;

export const imageListPath = (split: NusSplit): string => `${IMAGE_LIST_DIR}/${NUS_SPLITS[split]}Imagelist.txt`;
export const conceptLabelsPath = (concept: string, split: NusSplit): string => `${LABELS_DIR}/Labels_${concept}_${NUS_SPLITS[split]}.txt`;

/** The splits whose image list the folder holds. */
export async function listNusSplits(source: FileSource): Promise<NusSplit[]> {
  const files = new Set(await source.listFiles(IMAGE_LIST_DIR));
  return (Object.keys(NUS_SPLITS) as NusSplit[]).filter((split) => files.has(imageListPath(split).slice(IMAGE_LIST_DIR.length + 1)));
}

export async function isNusWideRoot(source: FileSource): Promise<boolean> {
  return (await source.exists(CONCEPTS_FILE)) && (await listNusSplits(source)).length > 0;
}
