import { snippetGrid } from '../cdul/snippet-grid';
import { pixelLookup } from './pixel-lookup';
import { resampleBicubicInto, resampleBicubicPixels, type ResizeBox } from './resize-bicubic';
import { checkRectInside, fullRect, type PixelRect, type RgbImage } from './rgb-image';

/**
 * CLIP's image preprocessing as Hugging Face's CLIPImageProcessor does it (the PIL-based processor
 * the reference exports are configured for): resize the shorter side to `size` with Pillow BICUBIC,
 * centre-crop `crop`×`crop`, rescale by 1/255, normalise with mean and std, channels first.
 */
export interface ClipPreprocessOptions {
  /** Length of the shorter side after resizing (HF `size.shortest_edge`). */
  readonly size: number;
  /** Side of the square centre crop (HF `crop_size`). */
  readonly crop: number;
  /** Per-channel mean and std (R, G, B) of the [0, 1]-scaled pixels. */
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** OpenAI CLIP's values (ViT-B/32, ViT-B/16): what the models' preprocessor configs say. */
export const CLIP_PREPROCESS_DEFAULTS: ClipPreprocessOptions = {
  size: 224,
  crop: 224,
  mean: [0.48145466, 0.4578275, 0.40821073],
  std: [0.26862954, 0.26130258, 0.27577711],
};

/**
 * HF `get_resize_output_image_size(default_to_square=False)` (and torchvision's `Resize(int)`): the
 * shorter side becomes `size`, the longer one `int(size * long / short)`, truncated.
 */
export function clipResizeSize(width: number, height: number, size: number): { width: number; height: number } {
  const [short, long] = width <= height ? [width, height] : [height, width];
  const newLong = Math.trunc((size * long) / short);
  return width <= height ? { width: size, height: newLong } : { width: newLong, height: size };
}

/**
 * HF `center_crop`: top = (h − crop) // 2, left = (w − crop) // 2, rounding down. torchvision's
 * CenterCrop (OpenAI's own `clip.load` pipeline) uses int(round((h − crop) / 2)) instead, which is
 * one pixel further when the margin is 3 mod 4 (1.5 rounds to 2); the lab follows HF.
 */
export function clipCropOrigin(resizedWidth: number, resizedHeight: number, crop: number): { x: number; y: number } {
  return { x: Math.floor((resizedWidth - crop) / 2), y: Math.floor((resizedHeight - crop) / 2) };
}

/** Elements of one preprocessed crop: 3 × crop × crop. */
export const clipCropLength = (options: Partial<ClipPreprocessOptions> = {}): number => {
  const crop = options.crop ?? CLIP_PREPROCESS_DEFAULTS.crop;
  return 3 * crop * crop;
};

function resolve(options: Partial<ClipPreprocessOptions>): ClipPreprocessOptions {
  const defaults = CLIP_PREPROCESS_DEFAULTS;
  const resolved: ClipPreprocessOptions = {
    size: options.size ?? defaults.size,
    crop: options.crop ?? defaults.crop,
    mean: options.mean ?? defaults.mean,
    std: options.std ?? defaults.std,
  };
  const { size, crop, std } = resolved;
  if (!Number.isInteger(size) || !Number.isInteger(crop) || crop < 1 || size < crop) {
    throw new RangeError(`CLIP preprocessing needs whole sizes with size ≥ crop ≥ 1, got size ${size}, crop ${crop}`);
  }
  if (resolved.mean.length !== 3 || std.length !== 3 || std.some((s) => !(s > 0))) {
    throw new RangeError(`mean and std need 3 values each, std positive; got [${resolved.mean.join(', ')}] and [${std.join(', ')}]`);
  }
  return resolved;
}

let cachedLookup: { key: string; lookup: Float32Array } | undefined;

/**
 * uint8 value → normalised float32, per channel, following HF's float path exactly:
 * `rescale` multiplies in float64 by 1/255 and casts to float32, `normalize` computes
 * (x − mean) / std in float32. As a lookup table, the resampler's vertical pass writes the
 * normalised values directly (with Pillow's clipping to 0..255 built in).
 */
function normalisationLookup(mean: readonly number[], std: readonly number[]): Float32Array {
  const key = `${mean.join(',')}|${std.join(',')}`;
  if (cachedLookup?.key === key) return cachedLookup.lookup;
  const m = mean.map(Math.fround);
  const s = std.map(Math.fround);
  const lookup = pixelLookup((v, c) => Math.fround(Math.fround(v * (1 / 255)) - m[c]!) / s[c]!);
  cachedLookup = { key, lookup };
  return lookup;
}

/** Where the crop of `rect` lies in its resized image: the resize size and the centre window. */
function cropGeometry(rect: PixelRect, size: number, crop: number) {
  const resized = clipResizeSize(rect.width, rect.height, size);
  const origin = clipCropOrigin(resized.width, resized.height, crop);
  const box: ResizeBox = [0, 0, rect.width, rect.height];
  return { resized, box, window: { x: origin.x, y: origin.y, width: crop, height: crop } };
}

/**
 * Preprocesses `region` of `image` (default: all of it) as if it were cropped out first, as the
 * reference does for snippets, and writes the [3, crop, crop] tensor into `out` at element `offset`
 * (batches are packed [batch, 3, crop, crop]). Only the centre-crop window is ever resampled, and
 * no buffer is allocated once a geometry has been seen.
 */
export function clipPreprocessInto(
  image: RgbImage,
  region: PixelRect | undefined,
  options: Partial<ClipPreprocessOptions>,
  out: Float32Array,
  offset: number,
): void {
  const { size, crop, mean, std } = resolve(options);
  const rect = region ?? fullRect(image);
  checkRectInside(image, rect, 'preprocessing region');
  if (!Number.isInteger(offset) || offset < 0 || offset + 3 * crop * crop > out.length) {
    throw new RangeError(`output of ${out.length} floats has no room for ${3 * crop * crop} at offset ${offset}`);
  }
  const { resized, box, window } = cropGeometry(rect, size, crop);
  resampleBicubicInto(image, rect, box, resized.width, resized.height, window, normalisationLookup(mean, std), out, offset);
}

/**
 * The uint8 RGB pixels of the same crop before rescaling and normalisation (what the reference's
 * PIL image holds after its resize and centre crop), computed by the same resampling.
 */
export function clipCropPixels(image: RgbImage, region?: PixelRect, options: Partial<ClipPreprocessOptions> = {}): RgbImage {
  const { size, crop } = resolve(options);
  const rect = region ?? fullRect(image);
  checkRectInside(image, rect, 'preprocessing region');
  const { resized, box, window } = cropGeometry(rect, size, crop);
  return resampleBicubicPixels(image, rect, box, resized.width, resized.height, window);
}

/** One preprocessed crop as a new Float32Array [3, crop, crop]. */
export function clipPreprocess(image: RgbImage, region?: PixelRect, options: Partial<ClipPreprocessOptions> = {}): Float32Array {
  const out = new Float32Array(clipCropLength(options));
  clipPreprocessInto(image, region, options, out, 0);
  return out;
}

/**
 * The CDUL inputs of one image (spec §1): the global view (the whole image) followed by the N²
 * snippets, each cropped out and preprocessed like a separate image, packed [1 + N², 3, crop, crop]
 * into `out` (allocated when not given; reuse one across images). `grid` is either N, for
 * `snippetGrid(width, height, N)` (RangeError when the image is too small for it), or the rectangles.
 */
export function preprocessImageAndSnippets(
  image: RgbImage,
  grid: number | readonly PixelRect[],
  options: Partial<ClipPreprocessOptions> = {},
  out?: Float32Array,
): Float32Array {
  if (typeof grid === 'number') grid = snippetGrid(image.width, image.height, grid);
  const length = clipCropLength(options);
  const target = out ?? new Float32Array((1 + grid.length) * length);
  if (target.length < (1 + grid.length) * length) {
    throw new RangeError(`output of ${target.length} floats is too small for ${1 + grid.length} crops of ${length}`);
  }
  clipPreprocessInto(image, undefined, options, target, 0);
  grid.forEach((rect, i) => clipPreprocessInto(image, rect, options, target, (i + 1) * length));
  return target;
}
