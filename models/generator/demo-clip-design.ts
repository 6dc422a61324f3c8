import { VOC_CLASSES } from '../../src/core/voc/voc-classes';
import { CLIP_IMAGE_MEAN, CLIP_IMAGE_STD } from './clip-architecture';
import { DEMO_BACKGROUND, DEMO_CLASS_COLOURS, type Rgb } from './demo-palette';

/**
 * demo-clip's embedding space, shared by its two towers. Axes 0–19: the VOC classes (sorted order);
 * axis 20: background grey; axis 21: "unknown" (tokens that name no class); 22–23: zero, padding D to
 * a multiple of 4. An image embeds as its colour fractions, a class prompt as its class axis, so
 * cos(image, prompt c) = share of class c's colour, normalised by the image's fraction vector.
 */
export const DEMO_EMBED_DIM = 24;
export const BACKGROUND_AXIS = 20;
export const UNKNOWN_AXIS = 21;

/**
 * Pixels are classified one by one (an average-pooling cell of 1). Measured on demo scenes, 2×2 and
 * 4×4 cells doubled and quintupled the error of the colour fractions: a pooled cell on an object's
 * edge, or on a 3-pixel clutter speck, is a blend that lands on the wrong prototype. The background
 * noise needs no averaging at this temperature.
 */
export const DEMO_POOL = 1;

/**
 * Softmax temperature of the colour assignment, in squared distance of CLIP-normalised pixels (the
 * two closest prototypes are 0.54 apart). On demo scenes the fraction error is flat for T from 0.002
 * to 0.05 and grows from 0.1 (background noise starts to leak); 0.02 sits in the middle of the flat
 * range on a log scale.
 */
export const DEMO_TEMPERATURE = 0.02;

/** The background fraction's weight on its own axis: 1 = grey counts like any colour (see SOURCE.md). */
export const BACKGROUND_WEIGHT = 1;

/** What a token that names no class adds on the unknown axis: keeps every prompt's embedding non-zero. */
export const UNKNOWN_TOKEN_WEIGHT = 1e-3;

/** A colour as the image tower sees it: (c/255 − mean)/std per channel. */
export function normalisedColour(colour: Rgb): [number, number, number] {
  const channel = (k: 0 | 1 | 2) => (colour[k] / 255 - CLIP_IMAGE_MEAN[k]) / CLIP_IMAGE_STD[k];
  return [channel(0), channel(1), channel(2)];
}

/** The 21 prototypes in axis order: the 20 class colours, then the background. */
export function demoPrototypes(): [number, number, number][] {
  return [...VOC_CLASSES.map((c) => DEMO_CLASS_COLOURS[c]), DEMO_BACKGROUND].map(normalisedColour);
}

/** What each embedding axis means (written into config.json). */
export function demoAxisNames(): string[] {
  const names: string[] = [...VOC_CLASSES, 'background', 'unknown token'];
  while (names.length < DEMO_EMBED_DIM) names.push('unused');
  return names;
}
