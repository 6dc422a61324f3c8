/**
 * The thresholds of a sweep FROM:TO:STEP, TO included. Each is from + k·step rounded to 12 decimals, so
 * 0:0.4:0.01 gives exactly 0.07 and 0.4 (repeated addition would drift to 0.07000000000000001 and
 * could drop the last point).
 */
export function sweepThresholds(from: number, to: number, step: number): number[] {
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => Number((from + k * step).toFixed(12)));
}
