import { DataError } from '../data-error';

/**
 * What the lab needs from a CLIP model folder in the Hugging Face hub's ONNX layout (the public
 * exports, e.g. Xenova/clip-vit-base-patch32, and the generated models under models/): which
 * inputs and outputs to use in onnx/vision_model.onnx and onnx/text_model.onnx, and the numbers in
 * config.json and preprocessor_config.json. Every problem is a DataError naming the file.
 */
export interface VisionSignature {
  /** The pixel_values input. */
  readonly input: string;
  /** The image_embeds output. */
  readonly output: string;
}

export interface TextSignature {
  readonly inputIds: string;
  /** null when the model takes no attention mask (some exports drop it). */
  readonly attentionMask: string | null;
  /** The text_embeds output. */
  readonly output: string;
}

const list = (names: readonly string[]) => `[${names.join(', ')}]`;

interface FoundNames {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Inputs the lab cannot feed; listed only when the expected input is there too. */
  readonly unfed: readonly string[];
}

function signatureError(modelLabel: string, expected: string, found: FoundNames): DataError {
  const names = `found inputs ${list(found.inputs)}, outputs ${list(found.outputs)}`;
  const unfed = found.unfed.map((n) => `'${n}'`).join(', ');
  const hint = unfed ? ` (cannot feed ${unfed}: a combined model.onnx? use the separate tower file)` : '';
  return new DataError(modelLabel, `expected ${expected}; ${names}${hint}`);
}

/** The image tower: exactly one input, pixel_values; an image_embeds output (others are ignored). */
export function validateVisionSignature(
  inputNames: readonly string[],
  outputNames: readonly string[],
  modelLabel: string,
): VisionSignature {
  const unfed = inputNames.filter((name) => name !== 'pixel_values');
  const hasInput = inputNames.includes('pixel_values');
  if (!hasInput || !outputNames.includes('image_embeds') || unfed.length > 0) {
    throw signatureError(modelLabel, "an input 'pixel_values' and an output 'image_embeds'", {
      inputs: inputNames,
      outputs: outputNames,
      unfed: hasInput ? unfed : [],
    });
  }
  return { input: 'pixel_values', output: 'image_embeds' };
}

/** The text tower: input_ids, optionally attention_mask, nothing else; a text_embeds output. */
export function validateTextSignature(
  inputNames: readonly string[],
  outputNames: readonly string[],
  modelLabel: string,
): TextSignature {
  const unfed = inputNames.filter((name) => name !== 'input_ids' && name !== 'attention_mask');
  const hasInput = inputNames.includes('input_ids');
  if (!hasInput || !outputNames.includes('text_embeds') || unfed.length > 0) {
    const expected = "an input 'input_ids' (and optionally 'attention_mask') and an output 'text_embeds'";
    const found = { inputs: inputNames, outputs: outputNames, unfed: hasInput ? unfed : [] };
    throw signatureError(modelLabel, expected, found);
  }
  return {
    inputIds: 'input_ids',
    attentionMask: inputNames.includes('attention_mask') ? 'attention_mask' : null,
    output: 'text_embeds',
  };
}

/**
 * The numbers a CLIP model folder's config.json and preprocessor_config.json give the pipeline
 * (Hugging Face CLIPConfig / CLIPImageProcessor fields, as the public ONNX exports ship them).
 */
export interface ClipModelConfig {
  /** Side of the square image the vision model takes (vision_config.image_size = the crop). */
  readonly inputSize: number;
  readonly mean: readonly [number, number, number];
  readonly std: readonly [number, number, number];
  /** The shorter side is resized to this (bicubic) before the crop; ≥ cropSize. */
  readonly resizeShortestEdge: number;
  /** Side of the square centre crop; equals inputSize. */
  readonly cropSize: number;
  /** Pixel values (0–255) are multiplied by this before normalising: 1/255, or 1 without do_rescale. */
  readonly rescaleFactor: number;
  /** CLIP's multiplier of cosine similarities (1/τ) = exp(config.logit_scale), e.g. 100. */
  readonly logitScale: number;
  /** True when config.json has no logit_scale, so CLIP's trained 100 was assumed. */
  readonly logitScaleAssumed: boolean;
  readonly projectionDim: number;
  readonly contextLength: number;
  readonly padTokenId: number;
}

/** OpenAI CLIP's values, used where a file leaves a field out (as Hugging Face's defaults do). */
export const CLIP_DEFAULT_MEAN: readonly [number, number, number] = [0.48145466, 0.4578275, 0.40821073];
export const CLIP_DEFAULT_STD: readonly [number, number, number] = [0.26862954, 0.26130258, 0.27577711];
export const CLIP_DEFAULT_LOGIT_SCALE = 100;
/** <|endoftext|>: CLIP's pad token in tokenizer.json. */
export const CLIP_END_OF_TEXT_ID = 49407;

/**
 * Reads a model folder's two JSON files (`preprocessorJsonText` null when the folder has none: CLIP's
 * defaults at the model's image size). `modelDir` names the folder; errors name the file inside it.
 */
export function parseClipModelConfig(
  configJsonText: string,
  preprocessorJsonText: string | null,
  modelDir: string,
): ClipModelConfig {
  const config = parseJsonObject(configJsonText, `${modelDir}/config.json`);
  const vision = section(config, 'vision_config');
  const text = section(config, 'text_config');
  const inputSize = required(vision, 'image_size', isPositiveInteger, 'a positive integer');
  const logit = optional(config, 'logit_scale', isFiniteNumber, 'a number (ln of the scale, e.g. 4.6052 for 100)');
  const preprocessorFile = `${modelDir}/preprocessor_config.json`;
  const preprocessor = preprocessorJsonText === null ? null : parseJsonObject(preprocessorJsonText, preprocessorFile);
  return {
    inputSize,
    ...imageProcessing(preprocessor, inputSize),
    logitScale: logit === undefined ? CLIP_DEFAULT_LOGIT_SCALE : Math.exp(logit),
    logitScaleAssumed: logit === undefined,
    projectionDim: required(config, 'projection_dim', isPositiveInteger, 'a positive integer'),
    contextLength: required(text, 'max_position_embeddings', isPositiveInteger, 'a positive integer'),
    padTokenId: padTokenId(text),
  };
}

/**
 * text_config.pad_token_id, except in the legacy configs of the original Hugging Face CLIP conversions
 * (bos 0, pad 1, eos 2: placeholders that Hugging Face itself ignores, pooling at argmax instead);
 * there, and when absent, CLIP's <|endoftext|>.
 */
function padTokenId(text: Section): number {
  const legacy = text.json.eos_token_id === 2;
  const pad = optional(text, 'pad_token_id', isNonNegativeInteger, 'a token id');
  const vocabSize = optional(text, 'vocab_size', isPositiveInteger, 'a positive integer');
  const id = legacy || pad === undefined ? CLIP_END_OF_TEXT_ID : pad;
  if (vocabSize !== undefined && id >= vocabSize) {
    throw new DataError(text.file, `text_config.pad_token_id ${id} is outside the vocabulary of ${vocabSize} tokens`);
  }
  return id;
}

type ImageProcessing = Pick<ClipModelConfig, 'mean' | 'std' | 'resizeShortestEdge' | 'cropSize' | 'rescaleFactor'>;

function imageProcessing(preprocessor: Section | null, inputSize: number): ImageProcessing {
  if (preprocessor === null) {
    const sizes = { resizeShortestEdge: inputSize, cropSize: inputSize };
    return { mean: CLIP_DEFAULT_MEAN, std: CLIP_DEFAULT_STD, ...sizes, rescaleFactor: 1 / 255 };
  }
  const flag = (key: string) => optional(preprocessor, key, isBoolean, 'true or false') ?? true;
  const normalize = flag('do_normalize');
  const rescale = optional(preprocessor, 'rescale_factor', isPositiveNumber, 'a positive number') ?? 1 / 255;
  // The lab's preprocessing always resizes and centre-crops, as every CLIP export is configured to.
  if (!flag('do_resize')) {
    throw new DataError(preprocessor.file, 'do_resize is false, but the lab resizes the shorter side as CLIP does');
  }
  const cropSize = centreCrop(preprocessor, inputSize, flag('do_center_crop'));
  const resizeShortestEdge = shortestEdge(preprocessor);
  if (resizeShortestEdge < cropSize) {
    const problem = `size ${resizeShortestEdge} is smaller than the ${cropSize}×${cropSize} crop`;
    throw new DataError(preprocessor.file, problem);
  }
  return {
    mean: normalize ? imageMean(preprocessor) : [0, 0, 0],
    std: normalize ? imageStd(preprocessor) : [1, 1, 1],
    resizeShortestEdge,
    cropSize,
    rescaleFactor: flag('do_rescale') ? rescale : 1,
  };
}

function imageMean(preprocessor: Section): readonly [number, number, number] {
  return optional(preprocessor, 'image_mean', isTriple, 'three numbers') ?? CLIP_DEFAULT_MEAN;
}

function imageStd(preprocessor: Section): readonly [number, number, number] {
  const std = optional(preprocessor, 'image_std', isTriple, 'three numbers') ?? CLIP_DEFAULT_STD;
  if (std.some((s) => s <= 0)) throw new DataError(preprocessor.file, `image_std ${show(std)} must be positive`);
  return std;
}

/** `size`: {"shortest_edge": n} (CLIPImageProcessor) or a bare n (older feature-extractor configs). */
function shortestEdge(preprocessor: Section): number {
  const size = preprocessor.json.size;
  if (isPositiveInteger(size)) return size;
  if (isObject(size) && isPositiveInteger(size.shortest_edge)) return size.shortest_edge;
  const problem = size === undefined ? 'size is missing' : `size is ${show(size)}`;
  throw new DataError(preprocessor.file, `${problem}, expected {"shortest_edge": n} or a positive integer`);
}

/** The crop must be the model's square input: `crop_size` {"height", "width"} or a bare n; absent = the input size. */
function centreCrop(preprocessor: Section, inputSize: number, doCrop: boolean): number {
  const square = `${inputSize}×${inputSize}`;
  if (!doCrop) {
    throw new DataError(preprocessor.file, `do_center_crop is false, but the model needs a ${square} centre crop`);
  }
  const crop = preprocessor.json.crop_size ?? inputSize;
  const cropSize = isPositiveInteger(crop)
    ? { height: crop, width: crop }
    : isObject(crop) && isPositiveInteger(crop.height) && isPositiveInteger(crop.width)
      ? { height: crop.height, width: crop.width }
      : null;
  if (cropSize === null) {
    const expected = '{"height": n, "width": n} or a positive integer';
    throw new DataError(preprocessor.file, `crop_size is ${show(crop)}, expected ${expected}`);
  }
  if (cropSize.height !== inputSize || cropSize.width !== inputSize) {
    const problem = `crop_size ${cropSize.height}×${cropSize.width} is not the model's input size ${square}`;
    throw new DataError(preprocessor.file, `${problem} (config.json vision_config.image_size)`);
  }
  return inputSize;
}

// ---- JSON field reading: every message names the file and the field's path -------------------

interface Section {
  readonly file: string;
  readonly path: string;
  readonly json: Readonly<Record<string, unknown>>;
}

function parseJsonObject(text: string, file: string): Section {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(value)) throw new DataError(file, `is ${show(value)}, expected a JSON object`);
  return { file, path: '', json: value };
}

const fieldPath = (s: Section, key: string) => (s.path ? `${s.path}.${key}` : key);

function section(parent: Section, key: string): Section {
  const json = required(parent, key, isObject, 'an object');
  return { file: parent.file, path: fieldPath(parent, key), json };
}

/** A field's value, or undefined when it is absent or null (Hugging Face writes null for "unset"). */
function optional<T>(s: Section, key: string, check: (value: unknown) => value is T, expected: string): T | undefined {
  const value = s.json[key];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw new DataError(s.file, `${fieldPath(s, key)} is ${show(value)}, expected ${expected}`);
  return value;
}

function required<T>(s: Section, key: string, check: (value: unknown) => value is T, expected: string): T {
  const value = optional(s, key, check, expected);
  if (value === undefined) throw new DataError(s.file, `${fieldPath(s, key)} is missing (expected ${expected})`);
  return value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPositiveNumber = (v: unknown): v is number => isFiniteNumber(v) && v > 0;
const isNonNegativeInteger = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isPositiveInteger = (v: unknown): v is number => isNonNegativeInteger(v) && v > 0;
const isTriple = (v: unknown): v is [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every(isFiniteNumber);
