/**
 * The demo dataset's visual vocabulary, shared by the scene generator and the hand-built demo-clip
 * model: each VOC class is drawn in one flat colour, and demo-clip's image tower measures how much of
 * each colour a crop holds. 20 colours: 10 hues 36° apart, each bright and dark, far from the grey
 * background and from each other even after JPEG compression.
 */
import { VOC_CLASSES, type VocClass } from '../../src/core/voc/voc-classes';

export type Rgb = readonly [number, number, number];

/** Neutral grey: the background every scene is painted on (with mild noise). */
export const DEMO_BACKGROUND: Rgb = [128, 128, 128];

function hsvToRgb(hueDegrees: number, saturation: number, value: number): Rgb {
  const f = (n: number) => {
    const k = (n + hueDegrees / 60) % 6;
    return Math.round(255 * (value - value * saturation * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}

/** Class c: hue (c mod 10)·36°, bright for the first ten classes, dark for the others. */
export const DEMO_CLASS_COLOURS: Readonly<Record<VocClass, Rgb>> = Object.fromEntries(
  VOC_CLASSES.map((name, c) => [name, hsvToRgb((c % 10) * 36, 0.9, c < 10 ? 0.95 : 0.5)]),
) as Record<VocClass, Rgb>;
