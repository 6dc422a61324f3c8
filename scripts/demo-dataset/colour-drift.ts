/**
 * Confusable colours for the hard demo: each object's colour drifts part of the way towards the
 * nearest other class colour of the palette, so demo-clip's colour prototypes (a softmax over the
 * palette) sometimes give part, or most, of the object to the neighbouring class.
 */
import { DEMO_CLASS_COLOURS, type Rgb } from '../../models/generator/demo-palette';
import { VOC_CLASSES, type VocClass } from '../../src/core/voc/voc-classes';
import type { ColourDrift } from './object-facts';
import { uniform, type Random } from './random-tools';

export const COLOUR_DRIFT = {
  /** Most objects keep their class's prototype nearest (amount < ½)… */
  usual: [0, 0.42],
  /** …a few cross the midpoint and look more like the neighbour than like themselves. */
  strong: [0.42, 0.6],
  strongRate: 0.12,
} as const;

const distance = (a: Rgb, b: Rgb): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The other class whose palette colour is nearest in RGB (ties: the earlier class in VOC order). */
export function nearestNeighbourClass(className: VocClass): VocClass {
  const own = DEMO_CLASS_COLOURS[className];
  let best: VocClass | undefined;
  for (const other of VOC_CLASSES) {
    if (other === className) continue;
    if (best === undefined || distance(own, DEMO_CLASS_COLOURS[other]) < distance(own, DEMO_CLASS_COLOURS[best])) {
      best = other;
    }
  }
  return best!;
}

export function drawDrift(className: VocClass, random: Random): ColourDrift {
  const range = random() < COLOUR_DRIFT.strongRate ? COLOUR_DRIFT.strong : COLOUR_DRIFT.usual;
  return { toward: nearestNeighbourClass(className), amount: uniform(random, range[0], range[1]) };
}

/** The class colour moved `amount` of the way to the neighbour's, then scaled by `brightness`. */
export function driftedColour(className: VocClass, drift: ColourDrift, brightness: number): Rgb {
  const from = DEMO_CLASS_COLOURS[className];
  const to = DEMO_CLASS_COLOURS[drift.toward];
  const channel = (i: 0 | 1 | 2): number => {
    const mixed = from[i] + drift.amount * (to[i] - from[i]);
    return Math.min(255, Math.max(0, Math.round(mixed * brightness)));
  };
  return [channel(0), channel(1), channel(2)];
}
