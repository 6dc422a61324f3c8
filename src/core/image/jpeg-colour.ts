/**
 * Decoded JPEG components to 8-bit RGB, as Pillow 9.4's `Image.open(jpeg).convert('RGB')` does
 * (libImaging/Convert.c, JpegImagePlugin.py).
 */

/** Mode "L" → "RGB" (Convert.c `l2rgb`): the grey value in all three channels. */
export function greyToRgb(grey: Uint8Array): Uint8Array {
  const rgb = new Uint8Array(grey.length * 3);
  for (let i = 0, o = 0; i < grey.length; i++, o += 3) {
    const v = grey[i]!;
    rgb[o] = v;
    rgb[o + 1] = v;
    rgb[o + 2] = v;
  }
  return rgb;
}

/**
 * libjpeg's CMYK samples (YCCK already turned into CMYK by libjpeg) → "RGB". Pillow reads every
 * 4-component JPEG with rawmode "CMYK;I" ("assume adobe conventions"): each sample inverted. Then
 * Convert.c `cmyk2rgb`: nk = 255 − K, R = nk − MULDIV255(C, nk), with MULDIV255(a, b) =
 * ((t >> 8) + t) >> 8 for t = a·b + 128, Pillow's rounded a·b/255. The result is never negative,
 * so Pillow's CLIP8 changes nothing.
 */
export function invertedCmykToRgb(cmyk: Uint8Array): Uint8Array {
  const pixels = cmyk.length >> 2;
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0, p = 0, o = 0; i < pixels; i++, p += 4, o += 3) {
    const nk = cmyk[p + 3]!; // 255 − (255 − K)
    rgb[o] = nk - mulDiv255(255 - cmyk[p]!, nk);
    rgb[o + 1] = nk - mulDiv255(255 - cmyk[p + 1]!, nk);
    rgb[o + 2] = nk - mulDiv255(255 - cmyk[p + 2]!, nk);
  }
  return rgb;
}

function mulDiv255(a: number, b: number): number {
  const t = a * b + 128;
  return ((t >> 8) + t) >> 8;
}
