import { AP_CONVENTIONS } from '../../core/metrics/ap-convention';
import { validatePromptTemplate } from '../../core/clip/prompts';
import type { PseudoLabelSettingsMessage } from '../../worker/protocol';

/**
 * One side of the Compare view in the URL: `a=ζ,λ,scale,ap,difficult` (e.g. `a=0.1,0,paper,step,positive`)
 * and, when the side has its own prompt template, `atpl=<template>`. Scales are written by the caller's
 * formatter (presets by name).
 */
export function formatCompareSide(settings: PseudoLabelSettingsMessage, formatScale: (scale: number | null) => string): string {
  const short = (value: number) => String(Number(value.toFixed(4)));
  return [short(settings.zeta), short(settings.lambda), formatScale(settings.scale), settings.convention, settings.difficult].join(',');
}

/** The side a parameter describes, or undefined when any part does not parse (the side is then kept). */
export function parseCompareSide(
  text: string | null,
  template: string | null,
  parseScale: (text: string | null) => number | null | undefined,
): PseudoLabelSettingsMessage | undefined {
  if (text === null) return undefined;
  const [zetaText, lambdaText, scaleText, convention, difficult, ...rest] = text.split(',');
  const zeta = Number(zetaText);
  const lambda = Number(lambdaText);
  const scale = parseScale(scaleText ?? null);
  const ok =
    rest.length === 0 &&
    zetaText !== '' && Number.isFinite(zeta) && zeta >= 0 && zeta <= 1 &&
    lambdaText !== '' && Number.isFinite(lambda) && lambda >= 0 && lambda <= 1 &&
    scale !== undefined &&
    (AP_CONVENTIONS as readonly string[]).includes(convention ?? '') &&
    (difficult === 'positive' || difficult === 'ignore');
  if (!ok) return undefined;
  const side = { zeta, lambda, scale, convention: convention as PseudoLabelSettingsMessage['convention'], difficult } as PseudoLabelSettingsMessage;
  return template !== null && validatePromptTemplate(template) === null ? { ...side, promptTemplate: template } : side;
}
