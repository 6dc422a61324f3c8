/**
 * SOURCE.md of the hard demo dataset (voc-demo-hard): its scene rules and counts, generated with the
 * data so it can never disagree with it.
 */
import { DEMO_BACKGROUND } from '../../models/generator/demo-palette';
import { COLOUR_DRIFT } from './colour-drift';
import type { DemoDatasetConfig, DemoImage } from './dataset';
import { contains, gridCells, rectArea } from './geometry';
import { HARD_LAYOUT } from './hard-scene-layout';
import { LAYOUT, type SceneObject } from './scene-layout';
import { countsSection, datasetStatistics } from './source-notes';

export interface HardStatistics {
  readonly truncated: number;
  readonly occluded: number;
  /** Objects whose colour crossed the midpoint towards the neighbouring class colour. */
  readonly crossedDrift: number;
  /** Objects whose visible box lies in no single cell of the 3×3 grid. */
  readonly straddling3: number;
  readonly visibleShare: { readonly large: readonly [number, number]; readonly small: readonly [number, number] };
  readonly clutter: readonly [number, number];
}

export function hardStatistics(images: readonly DemoImage[]): HardStatistics {
  const all = images.flatMap((image) => image.layout.objects.map((object) => ({ image, object })));
  const count = (test: (object: SceneObject, image: DemoImage) => boolean): number =>
    all.filter(({ image, object }) => test(object, image)).length;
  const share = (role: 'large' | 'small'): [number, number] => {
    const values = all
      .filter(({ object }) => object.role === role)
      .map(({ image, object }) => visiblePixels(object) / (image.width * image.height));
    return [Math.min(...values), Math.max(...values)];
  };
  const clutter = images.map(
    (image) => image.layout.clutter.reduce((sum, speck) => sum + rectArea(speck.box), 0) / (image.width * image.height),
  );
  return {
    truncated: count((object) => object.hard?.truncated === true),
    occluded: count((object) => object.hard?.occluded === true),
    crossedDrift: count((object) => (object.hard?.drift.amount ?? 0) > 0.5),
    straddling3: count(
      (object, image) => !gridCells(image.width, image.height).some((cell) => contains(cell, object.box)),
    ),
    visibleShare: { large: share('large'), small: share('small') },
    clutter: [Math.min(...clutter), Math.max(...clutter)],
  };
}

/** The shape's pixels left visible, from its visible fraction and its shape's pixel count. */
const visiblePixels = (object: SceneObject): number =>
  (object.hard?.visibleFraction ?? 1) * shapePixelCount(object);

function shapePixelCount(object: SceneObject): number {
  const box = object.hard?.shapeBox ?? object.box;
  const fill = object.shape === 'rectangle' ? 1 : object.shape === 'triangle' ? 0.5 : Math.PI / 4;
  return fill * rectArea(box);
}

const percent = ([low, high]: readonly [number, number], digits = 1): string =>
  `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)}%`;

export function hardSourceNotes(images: readonly DemoImage[], config: DemoDatasetConfig): string {
  const stats = datasetStatistics(images);
  const hard = hardStatistics(images);
  const sizes = config.sizes.map(({ width, height }) => `${width}×${height}`).join(', ');
  const [fewest, most] = config.smallPerImage;
  return `# voc-demo-hard — harder synthetic scenes in PASCAL VOC layout

The CDUL Lab's second built-in demo dataset: ${stats.images.train} train and ${stats.images.val} val images
(${sizes}) of flat coloured shapes on a grey background, one colour per VOC class
(\`models/generator/demo-palette.ts\`), annotated like PASCAL VOC. Unlike \`voc-demo\`, whose 3×3
pseudo labels are already perfect, its scenes make zero-shot pseudo labels imperfect at every
snippet grid — small objects across grid borders, behind one another and partly outside the image,
confusable colours, more clutter — so that training with label updates has something to correct.

## How it was generated

\`npm run demo-dataset -- --variant hard\` (\`scripts/demo-dataset/main.ts\`, scene rules in
\`hard-scene-layout.ts\` and \`colour-drift.ts\`), seed ${config.seed} (mulberry32,
\`src/core/seeded-random.ts\`), JPEG quality ${config.jpegQuality} (jpeg-js). The output is
deterministic: \`npm run demo-dataset:check\` regenerates both demo datasets and compares byte for
byte. This file is generated too; do not edit the dataset by hand. \`files.json\` lists every other file.

## Scene rules

- Background: grey (${DEMO_BACKGROUND.join(', ')}), per-pixel luminance noise of ±${config.noiseAmplitude}.
- One large object (its whole shape ${percent(HARD_LAYOUT.largeCoverage, 0)} of the image) and ${fewest} to ${most}
  small ones (${percent(HARD_LAYOUT.smallCoverage)} each), all of distinct classes, each at a random place:
  anywhere in the image, or (${HARD_LAYOUT.nearLargeRate * 100}% of small objects) touching or overlapping the
  large one; with chance ${HARD_LAYOUT.truncationRate} an object may reach outside the image by up to
  ${HARD_LAYOUT.truncationReach * 100}% of its size. Nothing keeps objects inside one snippet of any grid:
  ${hard.straddling3} of ${stats.objects} visible boxes lie across a border of the 3×3 grid.
- Depth: each object is put in front of or behind those placed before it (random order) and painted
  back to front, so objects hide parts of one another; a placement is redrawn until every object
  keeps at least ${HARD_LAYOUT.minVisibleFraction * 100}% of its shape visible. Visible share of the image: large
  ${percent(hard.visibleShare.large)}, small ${percent(hard.visibleShare.small, 2)}.
- Annotations as in VOC's guidelines: **the box is the extent of the visible pixels** (not the
  estimated full extent of the shape); \`truncated\` 1 when part of the shape lies outside the image
  (${hard.truncated} objects); \`occluded\` 1 (VOC 2010+'s tag) when objects in front hide at least
  ${HARD_LAYOUT.occludedFraction * 100}% of the shape (${hard.occluded} objects); \`difficult\` 1 when less than
  ${HARD_LAYOUT.difficultVisibleShare * 100}% of the image shows it (${stats.difficultObjects} objects).
- Colours: each object's colour moves part of the way (linearly in RGB) towards the nearest other
  class colour of the palette, by ${COLOUR_DRIFT.usual[0]}–${COLOUR_DRIFT.usual[1]} of the distance, or with chance
  ${COLOUR_DRIFT.strongRate} by ${COLOUR_DRIFT.strong[0]}–${COLOUR_DRIFT.strong[1]}: ${hard.crossedDrift} objects crossed the midpoint and
  look more like the neighbouring class than their own. Then a brightness factor in
  [${1 - LAYOUT.brightnessJitter}, ${1 + LAYOUT.brightnessJitter}]. Shapes: ellipse, rectangle or triangle (apex up).
- Clutter, not annotated: ${LAYOUT.speckSides[0]}–${LAYOUT.speckSides[1]} px squares of random class colours, never within
  ${LAYOUT.clutterGap} px of a visible object pixel, each inside one 8×8 JPEG block: first ${HARD_LAYOUT.clustersPerImage[0]}–${HARD_LAYOUT.clustersPerImage[1]}
  clusters per image, each of one colour (a class absent from the scene) covering ${percent(HARD_LAYOUT.clusterCoverage)}
  of the image in a square at ${HARD_LAYOUT.clusterDensity * 100}% density (a snippet holding little else can see
  mostly that colour), then scattered specks of any class colour; ${percent(hard.clutter)} of each image in all.
- Balance: as in voc-demo, per split every class is the large object equally often and a small
  object about equally often.

${countsSection(stats)}
## Licence

Generated by a program from no external material: CC0 1.0 (public domain dedication).
`;
}
