/**
 * The 11 recall levels of the VOC2007 AP, bit-for-bit as the devkit's `for t=0:0.1:1` produces them.
 *
 * Why not `k / 10`, and why not repeated `t += 0.1`: MATLAB's colon operator builds a:d:b
 * symmetrically — the first half as a + k·d, the second half as b − (n − k)·d — so that both ends
 * are exact. For 0:0.1:1 that gives the correctly rounded decimals 0.1, 0.2, 0.4, …, 0.9, 1 except
 * one element: t₃ = 3 · 0.1 = 0.30000000000000004 (MATLAB answers: `a = 0:.1:1; a(4) == .3` is
 * false, `a(4) - .3` is 5.5511e-17, and every other element equals its decimal literal).
 * `k / 10` would give 0.3 exactly and repeated addition would drift (0.7999…, 0.8999…, 0.9999…).
 *
 * It matters whenever a recall equals 3/10 exactly (3 of 10 positives, 6 of 20, …): the devkit does
 * not count that point at level 0.3, so its precision cannot raise that level's maximum.
 * (Python ports using np.arange(0, 1.1, 0.1) also give 0.30000000000000004 there, but in addition
 * 0.6000000000000001 and 0.7000000000000001; we follow MATLAB, the official devkit.)
 */
export const VOC07_RECALL_LEVELS: readonly number[] = Array.from({ length: 11 }, (_, k) =>
  k <= 5 ? k * 0.1 : 1 - (10 - k) * 0.1,
);
