/** The CSS class of a delta: up, down, or none within half a hundredth. */
export function deltaClass(delta: number | null): string {
  if (delta === null || Math.abs(delta) < 0.005) return 'delta';
  return delta > 0 ? 'delta up' : 'delta down';
}
