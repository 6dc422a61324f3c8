import { CLIPPED, LOOKUP_SPAN, LOOKUP_ZERO } from './pixel-lookup';
import { bicubicCoefficients } from './resample-coefficients';
import { resampleColumns, resampleRows } from './resample-passes';
import { axisTaps, outputRange, type AxisTaps } from './resample-taps';
import { checkRectInside, fullRect, type PixelRect, type RgbImage } from './rgb-image';

/**
 * Bicubic resizing bit-identical to Pillow's `Image.resize(size, Image.BICUBIC, box)` on 8-bit RGB
 * (Pillow 9.4, libImaging/Resample.c): separable, horizontal pass then vertical pass, fixed-point
 * weights, rounding with 2^21 and clipping to 0..255 after EACH pass (Pillow keeps the intermediate
 * image as uint8). Only the output pixels of a window are computed, and the vertical pass writes
 * them through a lookup table (pixel-lookup.ts), so CLIP preprocessing gets its normalised floats in
 * the same loop. The passes themselves are in resample-passes.ts.
 */

/** Pillow's `box`: the source area (left, top, right, bottom), fractional values allowed. */
export type ResizeBox = readonly [left: number, top: number, right: number, bottom: number];

interface ResamplePlan {
  readonly horizontal: AxisTaps;
  readonly vertical: AxisTaps;
  /** The region rows the window reads: [rowFirst, rowFirst + rowCount). */
  readonly rowFirst: number;
  readonly rowCount: number;
}

const MAX_PLANS = 64;
const plans = new Map<string, ResamplePlan>();

/** Taps for one geometry, memoised: a dataset has few image sizes, so crops reuse them (no allocation). */
function planFor(region: PixelRect, box: ResizeBox, width: number, height: number, window: PixelRect): ResamplePlan {
  const [left, top, right, bottom] = box;
  const key = `${region.width} ${region.height} ${box.join(' ')} ${width} ${height} ${window.x} ${window.y} ${window.width} ${window.height}`;
  let plan = plans.get(key);
  if (plan) return plan;
  // Pillow skips a pass when its axis does not change; one tap of 1.0 gives the same bytes.
  const needHorizontal = width !== region.width || left !== 0 || right !== width;
  const needVertical = height !== region.height || top !== 0 || bottom !== height;
  const h = needHorizontal ? bicubicCoefficients(region.width, left, right, width) : null;
  const v = needVertical ? bicubicCoefficients(region.height, top, bottom, height) : null;
  const horizontal = axisTaps(h, region.width, window.x, window.width);
  const vertical = axisTaps(v, region.height, window.y, window.height);
  const range = outputRange(vertical);
  if (range.min < -LOOKUP_ZERO || range.max >= LOOKUP_SPAN - LOOKUP_ZERO) {
    throw new RangeError(`bicubic weights reach ${range.min}..${range.max}, outside the lookup table`);
  }
  const rowFirst = vertical.start.reduce((a, b) => Math.min(a, b));
  const rowEnd = vertical.start.reduce((a, b) => Math.max(a, b)) + vertical.taps;
  plan = { horizontal, vertical, rowFirst, rowCount: rowEnd - rowFirst };
  if (plans.size >= MAX_PLANS) plans.clear();
  plans.set(key, plan);
  return plan;
}

// The horizontal pass's output, reused across calls (resizing is synchronous: one per thread).
let passBuffer = new Uint8ClampedArray(0);

/**
 * The engine behind every resize here. Resamples the part `box` of `region` (box coordinates are
 * relative to the region, and kernels are clipped at the REGION's edges) to `width`×`height`, but
 * computes only the output pixels in `window`, and writes them as planes [3, window.height,
 * window.width] of `lookup`'s values into `out` from element `offset`. Each output pixel depends
 * only on its own rows and columns, so a window is bit-identical to the same pixels of the full
 * resize; this lets CLIP preprocessing skip the part its centre crop throws away.
 */
export function resampleBicubicInto(
  image: RgbImage,
  region: PixelRect,
  box: ResizeBox,
  width: number,
  height: number,
  window: PixelRect,
  lookup: Float32Array,
  out: Float32Array,
  offset: number,
): void {
  const plan = planFor(region, box, width, height, window);
  const rowBytes = window.width * 3;
  const needed = plan.rowCount * rowBytes;
  if (passBuffer.length < needed) passBuffer = new Uint8ClampedArray(Math.max(needed, passBuffer.length * 2));
  const stride = image.width * 3;
  const first = ((region.y + plan.rowFirst) * image.width + region.x) * 3;
  resampleRows({ data: image.data, offset: first, stride, rows: plan.rowCount, out: passBuffer }, plan.horizontal);
  resampleColumns({ src: passBuffer, rowFirst: plan.rowFirst, width: window.width, lookup, out, offset }, plan.vertical);
}

/** `window` of the resize as a packed RGB image: the planes of the uint8 values, interleaved. */
export function resampleBicubicPixels(image: RgbImage, region: PixelRect, box: ResizeBox, width: number, height: number, window: PixelRect): RgbImage {
  const plane = window.width * window.height;
  const planes = new Float32Array(3 * plane);
  resampleBicubicInto(image, region, box, width, height, window, CLIPPED, planes, 0);
  const data = new Uint8Array(3 * plane);
  for (let i = 0, o = 0; i < plane; i++, o += 3) {
    data[o] = planes[i]!;
    data[o + 1] = planes[plane + i]!;
    data[o + 2] = planes[2 * plane + i]!;
  }
  return { width: window.width, height: window.height, data };
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
  return resampleBicubicPixels(image, fullRect(image), area, width, height, { x: 0, y: 0, width, height });
}

/**
 * Pillow's `image.crop(rect).resize((width, height), Image.BICUBIC)` without copying the crop:
 * unlike the `box` argument, the kernel never reads outside `rect`. This is what a snippet needs,
 * since the reference pipeline crops each snippet first and then preprocesses it as an image.
 */
export function cropResizeBicubic(image: RgbImage, rect: PixelRect, width: number, height: number): RgbImage {
  checkSize(width, height);
  checkRectInside(image, rect, 'crop');
  return resampleBicubicPixels(image, rect, [0, 0, rect.width, rect.height], width, height, { x: 0, y: 0, width, height });
}
