/**
 * The softmax temperature is the method's main pitfall (spec §1). CLIP's released models store
 * logit_scale = ln(1/τ) = ln 100, so the paper's softmax is softmax(100 · cos). The reference
 * reproduction divides by logit_scale itself, i.e. softmax(cos / ln 100), which makes every vector
 * nearly uniform (≈ 1/C per class). Both are offered so users can see the difference.
 */
export type TemperaturePreset = 'paper' | 'reference';

export interface TemperatureScale {
  readonly preset: TemperaturePreset | 'custom';
  /** Multiplier applied to cosine similarities before the softmax (= 1/τ). */
  readonly scale: number;
  readonly label: string;
}

export const PAPER_SCALE: TemperatureScale = {
  preset: 'paper',
  scale: 100,
  label: 'paper: 100',
};

export const REFERENCE_REPRODUCTION_SCALE: TemperatureScale = {
  preset: 'reference',
  scale: 1 / Math.log(100),
  label: 'reference reproduction: 1/ln 100',
};

export function customScale(scale: number): TemperatureScale {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`temperature scale must be a positive number, got ${scale}`);
  }
  return { preset: 'custom', scale, label: `custom: ${scale}` };
}

/** The scale CLIP itself applies, from a model's stored logit_scale (= ln of the scale). */
export function scaleFromLogitScale(logitScale: number): TemperatureScale {
  return customScale(Math.exp(logitScale));
}
