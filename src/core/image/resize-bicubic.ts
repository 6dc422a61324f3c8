import { bicubicCoefficients, PRECISION_BITS, type AxisCoefficients } from './resample-coefficients';
import { checkRectInside, fullRect, type PixelRect, type RgbImage } from './rgb-image';

/**
 * Bicubic resizing bit-identical to Pillow's `Image.resize(size, Image.BICUBIC, box)` on 8-bit RGB
 * (Pillow 9.4, libImaging/Resample.c): separable, horizontal pass then vertical pass, fixed-point
 * weights, rounding with 2^21 and clipping to 0..255 after EACH pass (Pillow keeps the intermediate
 * image as uint8), and a pass skipped when its axis does not change.
 */

/** Pillow's `box`: the source area (left, top, right, bottom), fractional values allowed. */
export type ResizeBox = readonly [left: number, top: number, right: number, bottom: number];

// Local copies: some bundlers turn every read of an imported binding into a getter call, which
// costs more than the multiply-add in the loops below.
const SHIFT = PRECISION_BITS;
const HALF = 1 << (SHIFT - 1);

// Scratch buffers reused across calls (resizing is synchronous, so one set per thread suffices).
// Uint8ClampedArray stores clip to 0..255 for free, which is exactly Pillow's clip8.
let passBuffer = new Uint8ClampedArray(0);

function scratch(length: number): Uint8ClampedArray {
  if (passBuffer.length < length) passBuffer = new Uint8ClampedArray(Math.max(length, passBuffer.length * 2));
  return passBuffer;
}

/** Bytes `[offset, offset + rows * stride)` with `stride` bytes per row: a window onto a raster. */
interface RasterRows {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly offset: number;
  readonly stride: number;
}

/** Horizontal pass: `rows` source rows, output columns [x0, x0 + width) of the resized row. */
function resampleRows(
  src: RasterRows,
  rows: number,
  h: AxisCoefficients,
  x0: number,
  width: number,
  out: Uint8ClampedArray,
): void {
  const { first, count, weights, ksize } = h;
  const data = src.data;
  let o = 0;
  for (let r = 0; r < rows; r++) {
    const row = src.offset + r * src.stride;
    for (let xx = x0; xx < x0 + width; xx++) {
      const n = count[xx]!;
      const kb = xx * ksize;
      let p = row + first[xx]! * 3;
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      if (n === 4) {
        // The common upscale case, unrolled (see resampleColumns).
        const w0 = weights[kb]!;
        const w1 = weights[kb + 1]!;
        const w2 = weights[kb + 2]!;
        const w3 = weights[kb + 3]!;
        s0 += data[p]! * w0 + data[p + 3]! * w1 + data[p + 6]! * w2 + data[p + 9]! * w3;
        s1 += data[p + 1]! * w0 + data[p + 4]! * w1 + data[p + 7]! * w2 + data[p + 10]! * w3;
        s2 += data[p + 2]! * w0 + data[p + 5]! * w1 + data[p + 8]! * w2 + data[p + 11]! * w3;
      } else {
        for (let k = 0; k < n; k++, p += 3) {
          const w = weights[kb + k]!;
          s0 += data[p]! * w;
          s1 += data[p + 1]! * w;
          s2 += data[p + 2]! * w;
        }
      }
      out[o++] = s0 >> SHIFT;
      out[o++] = s1 >> SHIFT;
      out[o++] = s2 >> SHIFT;
    }
  }
}

/**
 * Vertical pass: output rows [y0, y0 + height), each byte the weighted sum of its column over the
 * kernel's rows; `src` row 0 is input row `rowBase` of the axis.
 */
function resampleColumns(
  src: RasterRows,
  rowBase: number,
  v: AxisCoefficients,
  y0: number,
  height: number,
  rowBytes: number,
  out: Uint8ClampedArray,
): void {
  const { first, count, weights, ksize } = v;
  const data = src.data;
  for (let yy = y0; yy < y0 + height; yy++) {
    const n = count[yy]!;
    const kb = yy * ksize;
    const o = (yy - y0) * rowBytes;
    const p0 = src.offset + (first[yy]! - rowBase) * src.stride;
    const stride = src.stride;
    if (n === 4) {
      // Every upscale (each snippet) reads 4 rows: unrolled, it runs about twice as fast.
      const w0 = weights[kb]!;
      const w1 = weights[kb + 1]!;
      const w2 = weights[kb + 2]!;
      const w3 = weights[kb + 3]!;
      const p1 = p0 + stride;
      const p2 = p1 + stride;
      const p3 = p2 + stride;
      for (let i = 0; i < rowBytes; i++) {
        out[o + i] = (HALF + data[p0 + i]! * w0 + data[p1 + i]! * w1 + data[p2 + i]! * w2 + data[p3 + i]! * w3) >> SHIFT;
      }
      continue;
    }
    for (let i = 0; i < rowBytes; i++) {
      let s = HALF;
      let p = p0 + i;
      for (let k = 0; k < n; k++, p += stride) s += data[p]! * weights[kb + k]!;
      out[o + i] = s >> SHIFT;
    }
  }
}

function copyRows(src: RasterRows, rows: number, rowBytes: number, out: Uint8ClampedArray): void {
  for (let r = 0; r < rows; r++) {
    const p = src.offset + r * src.stride;
    out.set(src.data.subarray(p, p + rowBytes), r * rowBytes);
  }
}

/**
 * The engine behind every resize here. Resamples the part `box` of `region` (box coordinates are
 * relative to the region, and kernels are clipped at the REGION's edges) to `width`×`height`, but
 * computes only the output pixels in `window`, writing them as packed RGB into `out`. Each output
 * pixel depends only on its own rows and columns, so a window is bit-identical to the same pixels
 * of the full resize; this lets CLIP preprocessing skip the part its centre crop throws away.
 */
export function resampleBicubicWindow(
  image: RgbImage,
  region: PixelRect,
  box: ResizeBox,
  width: number,
  height: number,
  window: PixelRect,
  out: Uint8Array | Uint8ClampedArray,
): void {
  const [left, top, right, bottom] = box;
  const needHorizontal = width !== region.width || left !== 0 || right !== width;
  const needVertical = height !== region.height || top !== 0 || bottom !== height;
  const h = bicubicCoefficients(region.width, left, right, width);
  const v = bicubicCoefficients(region.height, top, bottom, height);
  const rowBytes = window.width * 3;
  // Input rows (relative to the region) that the window's output rows read.
  const lastRow = window.y + window.height - 1;
  const rowFirst = needVertical ? v.first[window.y]! : window.y;
  const rowEnd = needVertical ? v.first[lastRow]! + v.count[lastRow]! : lastRow + 1;
  const stride = image.width * 3;
  const regionOffset = (region.y * image.width + region.x) * 3;
  let rows: RasterRows = { data: image.data, offset: regionOffset + rowFirst * stride + window.x * 3, stride };
  const target = out instanceof Uint8ClampedArray ? out : new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  if (needHorizontal) {
    const temp = scratch((rowEnd - rowFirst) * rowBytes);
    const source = { data: image.data, offset: regionOffset + rowFirst * stride, stride };
    resampleRows(source, rowEnd - rowFirst, h, window.x, window.width, temp);
    rows = { data: temp, offset: 0, stride: rowBytes };
  }
  if (needVertical) resampleColumns(rows, rowFirst, v, window.y, window.height, rowBytes, target);
  else copyRows(rows, window.height, rowBytes, target);
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`resize target must be positive whole pixels, got ${width}×${height}`);
  }
}

/**
 * Pillow's `image.resize((width, height), Image.BICUBIC, box)`. As in Pillow, `box` only selects
 * the source area: the kernel still reads pixels just outside it, up to the image edges.
 */
export function resizeBicubic(image: RgbImage, width: number, height: number, box?: ResizeBox): RgbImage {
  checkSize(width, height);
  const area: ResizeBox = box ?? [0, 0, image.width, image.height];
  const [left, top, right, bottom] = area;
  if (!(left >= 0 && top >= 0 && right <= image.width && bottom <= image.height && right > left && bottom > top)) {
    throw new RangeError(`resize box [${area.join(', ')}] must be non-empty and inside the ${image.width}×${image.height} image`);
  }
  const data = new Uint8Array(width * height * 3);
  resampleBicubicWindow(image, fullRect(image), area, width, height, { x: 0, y: 0, width, height }, data);
  return { width, height, data };
}

/**
 * Pillow's `image.crop(rect).resize((width, height), Image.BICUBIC)` without copying the crop:
 * unlike the `box` argument, the kernel never reads outside `rect`. This is what a snippet needs,
 * since the reference pipeline crops each snippet first and then preprocesses it as an image.
 */
export function cropResizeBicubic(image: RgbImage, rect: PixelRect, width: number, height: number): RgbImage {
  checkSize(width, height);
  checkRectInside(image, rect, 'crop');
  const data = new Uint8Array(width * height * 3);
  const box: ResizeBox = [0, 0, rect.width, rect.height];
  resampleBicubicWindow(image, rect, box, width, height, { x: 0, y: 0, width, height }, data);
  return { width, height, data };
}
