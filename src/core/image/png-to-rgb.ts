import type { DecodedPng } from 'fast-png';

/** PNG colour type 3: samples are palette indices. */
export const INDEXED = 3;

/**
 * fast-png's decoded samples → packed 8-bit RGB, matching Pillow's `Image.open(f).convert('RGB')`:
 * - alpha (RGBA, grey+alpha, tRNS) is DROPPED, not composited: Pillow's convert('RGB') does that,
 *   and it is what the CLIP reference pipelines feed the model (so a transparent pixel keeps its
 *   stored colour, often black);
 * - 1/2/4-bit grey is scaled to 0..255 (×255, ×85, ×17); palette indices past the palette get
 *   Pillow's grey ramp (i, i, i);
 * - 16-bit samples keep their high byte, as Pillow does for 16-bit RGB(A). (For 16-bit GREY Pillow
 *   opens mode "I" and convert('RGB') clips every value above 255 to white; the lab deliberately
 *   keeps the high byte there too.)
 */
export function pngToRgb(png: DecodedPng, colourType: number): Uint8Array {
  const { width, height, depth, channels } = png;
  // A truecolour PNG may carry a PLTE as a mere suggestion; only colour type 3 is indexed.
  const palette = colourType === INDEXED ? (png.palette ?? []) : undefined;
  const out = new Uint8Array(width * height * 3);
  const data = png.data;
  if (depth < 8) {
    unpackSubByte(data, width, height, depth, palette, out);
  } else if (palette) {
    for (let i = 0; i < width * height; i++) writePaletteColour(out, i, data[i]!, palette);
  } else {
    const shift = depth === 16 ? 8 : 0;
    const colour = channels >= 3;
    for (let i = 0, p = 0, o = 0; i < width * height; i++, p += channels, o += 3) {
      const r = data[p]! >> shift;
      out[o] = r;
      out[o + 1] = colour ? data[p + 1]! >> shift : r;
      out[o + 2] = colour ? data[p + 2]! >> shift : r;
    }
  }
  return out;
}

function writePaletteColour(out: Uint8Array, pixel: number, index: number, palette: readonly (readonly number[])[]): void {
  const colour = palette[index];
  const o = pixel * 3;
  out[o] = colour ? colour[0]! : index;
  out[o + 1] = colour ? colour[1]! : index;
  out[o + 2] = colour ? colour[2]! : index;
}

/** 1, 2 or 4 bits per sample (grey or palette only), packed MSB first, rows padded to a byte. */
function unpackSubByte(
  data: ArrayLike<number>,
  width: number,
  height: number,
  depth: number,
  palette: readonly (readonly number[])[] | undefined,
  out: Uint8Array,
): void {
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  const scale = 255 / mask;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const value = (data[y * rowBytes + (bit >> 3)]! >> (8 - depth - (bit & 7))) & mask;
      const i = y * width + x;
      if (palette) writePaletteColour(out, i, value, palette);
      else out.fill(value * scale, i * 3, i * 3 + 3);
    }
  }
}
