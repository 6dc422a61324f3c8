/**
 * How the vertical resampling pass writes its output: a value v (the sum >> 22, before clipping)
 * of channel c becomes `lookup[c * LOOKUP_SPAN + LOOKUP_ZERO + v]`, so Pillow's clipping to 0..255
 * and any per-value mapping (CLIP's normalisation) cost one load. Every v a bicubic pass can produce
 * lies in [−LOOKUP_ZERO, LOOKUP_SPAN − LOOKUP_ZERO) (checked when the weights are made).
 */
export const LOOKUP_SPAN = 768;
export const LOOKUP_ZERO = 256;

/** A lookup table from what each clipped 8-bit value of each channel should become. */
export function pixelLookup(map: (value: number, channel: number) => number): Float32Array {
  const lookup = new Float32Array(3 * LOOKUP_SPAN);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < LOOKUP_SPAN; i++) lookup[c * LOOKUP_SPAN + i] = map(Math.min(255, Math.max(0, i - LOOKUP_ZERO)), c);
  }
  return lookup;
}

/** The 8-bit values themselves, clipped: Pillow's uint8 output. */
export const CLIPPED = pixelLookup((value) => value);
