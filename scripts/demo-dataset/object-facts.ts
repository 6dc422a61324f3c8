/**
 * What the hard variant (hard-scene-layout.ts) knows about an object beyond the default scenes:
 * objects there overlap, leave the image and change colour, so the annotated box is no longer the
 * painted shape's box.
 */
import type { Rgb } from '../../models/generator/demo-palette';
import type { VocClass } from '../../src/core/voc/voc-classes';
import type { Rect } from './geometry';

export interface ColourDrift {
  /** The class whose palette colour this object's colour moved towards. */
  readonly toward: VocClass;
  /** 0 = the class colour, 1 = `toward`'s colour (linear in RGB, before the brightness factor). */
  readonly amount: number;
}

export interface HardObjectFacts {
  /** The box the whole shape is inscribed in (may reach outside the image). */
  readonly shapeBox: Rect;
  readonly drift: ColourDrift;
  /** The painted colour: the drifted class colour scaled by the object's brightness. */
  readonly colour: Rgb;
  /** Painted pixels left visible after the objects in front and the image border, over the shape's pixels. */
  readonly visibleFraction: number;
  /** VOC: part of the object lies outside the image. */
  readonly truncated: boolean;
  /** VOC (2010+): a significant part of the object is hidden by another object. */
  readonly occluded: boolean;
}
