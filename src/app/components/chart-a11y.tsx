import type { ReactElement } from 'react';
import type { DotItemDotProps } from 'recharts';

/**
 * Accessible names for what recharts draws: every curve, marker and dot an `img` with a name that says
 * what it shows, so a screen reader (and a test, by role and name) can find them without CSS classes.
 * recharts passes `role` and `aria-*` through to the SVG element it draws.
 */
export const curveLabel = (name: string) => ({ role: 'img', 'aria-label': `Curve: ${name}` }) as const;

export const markerLabel = (name: string) => ({ role: 'img', 'aria-label': `Marker: ${name}` }) as const;

/**
 * A dot renderer for a line's points, each named by `describe(payload, value)`; a point without a value
 * (a run that has not reached that epoch) draws nothing.
 */
export function labelledDots(describe: (payload: Record<string, unknown>, value: number) => string) {
  return function LabelledDot({ cx, cy, stroke, fill, index, value, payload }: DotItemDotProps): ReactElement {
    if (typeof cx !== 'number' || typeof cy !== 'number' || typeof value !== 'number' || !payload) return <g key={`dot-${index}`} />;
    return <circle key={`dot-${index}`} cx={cx} cy={cy} r={2} stroke={stroke} fill={typeof fill === 'string' ? fill : stroke} role="img" aria-label={describe(payload as Record<string, unknown>, value)} />;
  };
}
