/**
 * The inspector's heatmap colour scale: a perceptually ordered ramp (dark blue → teal → yellow, after
 * matplotlib's viridis) over a fixed domain [0, 1] — snippet scores are softmax probabilities, so one
 * legend reads the same on every image and class.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** RGB of a value in [0, 1] (clamped; NaN as 0), linear between the five stops. */
export function heatRgb(value: number): [number, number, number] {
  const v = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  const position = v * (STOPS.length - 1);
  const low = Math.min(STOPS.length - 2, Math.floor(position));
  const t = position - low;
  const a = STOPS[low]!;
  const b = STOPS[low + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * t)) as [number, number, number];
}

export function heatColor(value: number): string {
  const [r, g, b] = heatRgb(value);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The CSS gradient of the legend, with the same stops. */
export function heatGradient(): string {
  return `linear-gradient(to right, ${STOPS.map(([r, g, b], i) => `rgb(${r}, ${g}, ${b}) ${(100 * i) / (STOPS.length - 1)}%`).join(', ')})`;
}

/** The index of the largest value (the first on ties); −1 for none. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

/** One class's column of a row-major [rows × classes] matrix. */
export function classColumn(matrix: ArrayLike<number>, classes: number, classIndex: number): number[] {
  const rows = Math.floor(matrix.length / classes);
  return Array.from({ length: rows }, (_, row) => matrix[row * classes + classIndex]!);
}

/** The image `delta` steps from `current` in the gallery's order (wrapping); `current` absent → the first. */
export function stepInOrder(order: readonly number[], current: number, delta: number): number | null {
  if (order.length === 0) return null;
  const at = order.indexOf(current);
  if (at < 0) return order[0]!;
  return order[(((at + delta) % order.length) + order.length) % order.length]!;
}

/**
 * The domain the colours span: [0, 1] (scores are probabilities), or, stretched, the values' own
 * [min, max] — at the reference reproduction's temperature every score is ≈ 1/C and a fixed scale is flat.
 * A constant column stretches to [v, v + tiny] so nothing divides by zero.
 */
export function heatDomain(values: readonly number[], stretch: boolean): { readonly min: number; readonly max: number } {
  if (!stretch || values.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  return max > min ? { min, max } : { min, max: min + 1e-9 };
}

/** A value's position in a domain, in [0, 1]. */
export function inDomain(value: number, domain: { readonly min: number; readonly max: number }): number {
  return Math.max(0, Math.min(1, (value - domain.min) / (domain.max - domain.min)));
}
