/**
 * The whole demo dataset in memory: plan → layout → pixels → JPEG and VOC text files. Nothing here
 * touches the disk, so the test can regenerate and compare without the CLI.
 */
import { encode } from 'jpeg-js';
import { seededRandom } from '../../src/core/seeded-random';
import { planImages, type ImagePlan, type PlanOptions } from './class-plan';
import { hardSourceNotes } from './hard-source-notes';
import { layoutHardScene } from './hard-scene-layout';
import { derivedSeed } from './random-tools';
import { renderScene } from './rasterize';
import { layoutScene, type SceneLayout } from './scene-layout';
import { sourceNotes } from './source-notes';
import { annotationXml, imageSetFiles, type AnnotatedImage } from './voc-writer';

/** Where the lab ships the dataset (relative to the repository root). */
export const DEMO_DATASET_DIR = 'public/demo/voc-demo';

export interface DemoDatasetConfig extends PlanOptions {
  readonly seed: number;
  /** Background noise amplitude in grey levels (±). */
  readonly noiseAmplitude: number;
  readonly jpegQuality: number;
  /** 'hard': the scenes of hard-scene-layout.ts (voc-demo-hard); absent: the default scenes. */
  readonly variant?: 'hard';
  /** The dataset folder's name, written into each annotation's `<folder>` (default voc-demo). */
  readonly folder?: string;
}

export const DEMO_DATASET_CONFIG: DemoDatasetConfig = {
  seed: 2023,
  trainImages: 200,
  valImages: 100,
  // Landscape, portrait and square, as VOC's photos vary.
  sizes: [
    { width: 320, height: 240 },
    { width: 240, height: 320 },
    { width: 300, height: 300 },
  ],
  smallPerImage: [1, 3],
  difficultRate: 0.04,
  noiseAmplitude: 3,
  jpegQuality: 90,
};

export interface DemoImage extends ImagePlan {
  readonly layout: SceneLayout;
}

export interface DatasetFile {
  /** '/'-separated, relative to the dataset root. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Independent generator streams per image (see random-tools.derivedSeed). */
const LAYOUT_STREAM = 1;
const PIXEL_STREAM = 2;

/** Every image's classes and geometry, without pixels (fast: what the layout tests check). */
export function buildScenes(config: DemoDatasetConfig = DEMO_DATASET_CONFIG): DemoImage[] {
  const plans = planImages(config, seededRandom(config.seed));
  return plans.map((plan) => {
    const random = seededRandom(derivedSeed(config.seed, plan.index, LAYOUT_STREAM));
    const layout = config.variant === 'hard' ? layoutHardScene(plan, random) : layoutScene(plan, random);
    return { ...plan, layout };
  });
}

export function encodeImage(
  image: DemoImage,
  config: DemoDatasetConfig = DEMO_DATASET_CONFIG,
): Uint8Array {
  const random = seededRandom(derivedSeed(config.seed, image.index, PIXEL_STREAM));
  const pixels = renderScene(image.layout, config.noiseAmplitude, random);
  const { data } = encode(pixels, config.jpegQuality);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export const toAnnotated = (image: DemoImage): AnnotatedImage => ({
  id: image.id,
  split: image.split,
  width: image.width,
  height: image.height,
  objects: image.layout.objects.map((object) => ({
    ...object,
    ...(object.hard && { truncated: object.hard.truncated, occluded: object.hard.occluded }),
  })),
});

export const jpegPath = (id: string): string => `JPEGImages/${id}.jpg`;

export const jpegFile = (
  image: DemoImage,
  config: DemoDatasetConfig = DEMO_DATASET_CONFIG,
): DatasetFile => ({ path: jpegPath(image.id), bytes: encodeImage(image, config) });

/**
 * `files.json`: every other file of the dataset, sorted. A web server cannot list folders, so the lab
 * reads the shipped demo over HTTP through this index (src/worker/file-sources/http-index-source.ts).
 */
export const FILE_INDEX = 'files.json';

export const fileIndexJson = (paths: readonly string[]): string =>
  `${JSON.stringify({ files: [...paths].sort() }, null, 2)}\n`;

/** The annotations, image sets, SOURCE.md and files.json: cheap, unlike the JPEGs. */
export function datasetTextFiles(
  images: readonly DemoImage[],
  config: DemoDatasetConfig = DEMO_DATASET_CONFIG,
): DatasetFile[] {
  const annotated = images.map(toAnnotated);
  const texts = [
    ...annotated.map((image) => ({
      path: `Annotations/${image.id}.xml`,
      text: annotationXml(image, config.folder),
    })),
    ...imageSetFiles(annotated),
    {
      path: 'SOURCE.md',
      text: config.variant === 'hard' ? hardSourceNotes(images, config) : sourceNotes(images, config),
    },
  ];
  const listed = [...images.map((image) => jpegPath(image.id)), ...texts.map((file) => file.path)];
  texts.push({ path: FILE_INDEX, text: fileIndexJson(listed) });
  const utf8 = new TextEncoder();
  return texts.map(({ path, text }) => ({ path, bytes: utf8.encode(text) }));
}

const byPath = (a: DatasetFile, b: DatasetFile): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** Every file of the dataset, sorted by path. */
export function buildDatasetFiles(
  images: readonly DemoImage[],
  config: DemoDatasetConfig = DEMO_DATASET_CONFIG,
): DatasetFile[] {
  const jpegs = images.map((image) => jpegFile(image, config));
  return [...jpegs, ...datasetTextFiles(images, config)].sort(byPath);
}
