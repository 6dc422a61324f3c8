import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import {
  CLIP_DEFAULT_MEAN,
  CLIP_DEFAULT_STD,
  parseClipModelConfig,
  validateTextSignature,
  validateVisionSignature,
} from './model-signature';

const VISION = 'models/x/onnx/vision_model.onnx';
const TEXT = 'models/x/onnx/text_model.onnx';

function thrown(action: () => unknown): DataError {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('validateVisionSignature', () => {
  it('returns the CLIP export names; extra outputs are fine', () => {
    expect(validateVisionSignature(['pixel_values'], ['image_embeds', 'last_hidden_state'], VISION)).toEqual({
      input: 'pixel_values',
      output: 'image_embeds',
    });
  });

  it('names what was expected and what was found', () => {
    const error = thrown(() => validateVisionSignature(['input'], ['logits'], VISION));
    expect(error.file).toBe(VISION);
    expect(error.message).toBe(
      "models/x/onnx/vision_model.onnx: expected an input 'pixel_values' and an output 'image_embeds'; " +
        'found inputs [input], outputs [logits]',
    );
  });

  it('rejects the combined model.onnx, whose other inputs cannot be fed', () => {
    const error = thrown(() =>
      validateVisionSignature(
        ['input_ids', 'pixel_values', 'attention_mask'],
        ['logits_per_image', 'image_embeds'],
        VISION,
      ),
    );
    expect(error.message).toBe(
      "models/x/onnx/vision_model.onnx: expected an input 'pixel_values' and an output 'image_embeds'; " +
        "found inputs [input_ids, pixel_values, attention_mask], outputs [logits_per_image, image_embeds] " +
        "(cannot feed 'input_ids', 'attention_mask': a combined model.onnx? use the separate tower file)",
    );
  });

  it('rejects a model without image_embeds', () => {
    expect(() => validateVisionSignature(['pixel_values'], ['last_hidden_state', 'pooler_output'], VISION)).toThrow(
      "found inputs [pixel_values], outputs [last_hidden_state, pooler_output]",
    );
  });
});

describe('validateTextSignature', () => {
  it('returns the names, with or without an attention mask', () => {
    expect(validateTextSignature(['input_ids', 'attention_mask'], ['text_embeds', 'last_hidden_state'], TEXT)).toEqual({
      inputIds: 'input_ids',
      attentionMask: 'attention_mask',
      output: 'text_embeds',
    });
    expect(validateTextSignature(['input_ids'], ['text_embeds'], TEXT).attentionMask).toBeNull();
  });

  it('names what was expected and what was found (here: the vision model)', () => {
    expect(thrown(() => validateTextSignature(['pixel_values'], ['image_embeds'], TEXT)).message).toBe(
      "models/x/onnx/text_model.onnx: expected an input 'input_ids' (and optionally 'attention_mask') and an output " +
        "'text_embeds'; found inputs [pixel_values], outputs [image_embeds]",
    );
  });

  it('rejects an input it cannot feed', () => {
    expect(() => validateTextSignature(['input_ids', 'position_ids'], ['text_embeds'], TEXT)).toThrow(
      "(cannot feed 'position_ids'",
    );
  });
});

/** The generated models' files (models/generator), and a public export's (Xenova/clip-vit-base-patch32). */
const GENERATED_CONFIG = {
  model_type: 'clip',
  projection_dim: 64,
  logit_scale: 4.605170185988092,
  text_config: {
    max_position_embeddings: 77,
    vocab_size: 49408,
    bos_token_id: 49406,
    eos_token_id: 49407,
    pad_token_id: 49407,
  },
  vision_config: { image_size: 224, patch_size: 32 },
};
const GENERATED_PREPROCESSOR = {
  do_resize: true,
  size: { shortest_edge: 224 },
  resample: 3,
  do_center_crop: true,
  crop_size: { height: 224, width: 224 },
  do_rescale: true,
  rescale_factor: 1 / 255,
  do_normalize: true,
  image_mean: [0.48145466, 0.4578275, 0.40821073],
  image_std: [0.26862954, 0.26130258, 0.27577711],
};
const PUBLIC_CONFIG = {
  model_type: 'clip',
  projection_dim: 512,
  logit_scale_init_value: 2.6592,
  text_config: { max_position_embeddings: 77, vocab_size: 49408, bos_token_id: 0, eos_token_id: 2, pad_token_id: 1 },
  vision_config: { image_size: 224, patch_size: 32 },
};
const PUBLIC_PREPROCESSOR = {
  crop_size: 224,
  do_center_crop: true,
  do_normalize: true,
  do_resize: true,
  feature_extractor_type: 'CLIPFeatureExtractor',
  image_mean: [0.48145466, 0.4578275, 0.40821073],
  image_std: [0.26862954, 0.26130258, 0.27577711],
  resample: 3,
  size: 224,
};

const parse = (config: object, preprocessor: object | null) =>
  parseClipModelConfig(JSON.stringify(config), preprocessor === null ? null : JSON.stringify(preprocessor), 'models/x');

const withField = (object: object, path: string[], value: unknown): object => {
  const [key, ...rest] = path;
  const record = object as Record<string, unknown>;
  return { ...record, [key!]: rest.length === 0 ? value : withField(record[key!] as object, rest, value) };
};

describe('parseClipModelConfig', () => {
  it('reads the generated models’ files', () => {
    const config = parse(GENERATED_CONFIG, GENERATED_PREPROCESSOR);
    expect(config).toEqual({
      inputSize: 224,
      mean: CLIP_DEFAULT_MEAN,
      std: CLIP_DEFAULT_STD,
      resizeShortestEdge: 224,
      cropSize: 224,
      rescaleFactor: 1 / 255,
      logitScale: expect.closeTo(100, 10) as number,
      logitScaleAssumed: false,
      projectionDim: 64,
      contextLength: 77,
      padTokenId: 49407,
    });
  });

  // No logit_scale → 100 assumed (logit_scale_init_value is the value before training); legacy pad id ignored.
  it('reads a public export: bare sizes, logit scale assumed, pad id from the tokenizer', () => {
    const config = parse(PUBLIC_CONFIG, PUBLIC_PREPROCESSOR);
    expect(config.resizeShortestEdge).toBe(224);
    expect(config.cropSize).toBe(224);
    expect(config.logitScale).toBe(100);
    expect(config.logitScaleAssumed).toBe(true);
    expect(config.padTokenId).toBe(49407);
    expect(config.projectionDim).toBe(512);
  });

  it('uses a non-legacy pad_token_id (e.g. OpenAI’s 0)', () => {
    expect(parse(withField(GENERATED_CONFIG, ['text_config', 'pad_token_id'], 0), null).padTokenId).toBe(0);
  });

  it('without a preprocessor config, uses CLIP’s preprocessing at the model’s size', () => {
    const config = parse(withField(GENERATED_CONFIG, ['vision_config', 'image_size'], 336), null);
    expect(config).toMatchObject({ inputSize: 336, resizeShortestEdge: 336, cropSize: 336 });
    expect(config.mean).toEqual(CLIP_DEFAULT_MEAN);
  });

  it('honours do_normalize and do_rescale false; resizes larger than the crop', () => {
    let preprocessor = withField(GENERATED_PREPROCESSOR, ['do_normalize'], false);
    preprocessor = withField(preprocessor, ['do_rescale'], false);
    preprocessor = withField(preprocessor, ['size'], { shortest_edge: 256 });
    expect(parse(GENERATED_CONFIG, preprocessor)).toMatchObject({
      mean: [0, 0, 0],
      std: [1, 1, 1],
      rescaleFactor: 1,
      resizeShortestEdge: 256,
      cropSize: 224,
    });
  });

  it.each([
    [
      'models/x/config.json: projection_dim is missing (expected a positive integer)',
      withField(GENERATED_CONFIG, ['projection_dim'], undefined),
    ],
    [
      'models/x/config.json: vision_config is missing (expected an object)',
      withField(GENERATED_CONFIG, ['vision_config'], undefined),
    ],
    [
      'models/x/config.json: vision_config.image_size is "224", expected a positive integer',
      withField(GENERATED_CONFIG, ['vision_config', 'image_size'], '224'),
    ],
    [
      'models/x/config.json: text_config.max_position_embeddings is 0, expected a positive integer',
      withField(GENERATED_CONFIG, ['text_config', 'max_position_embeddings'], 0),
    ],
    [
      'models/x/config.json: logit_scale is "ln 100", expected a number (ln of the scale, e.g. 4.6052 for 100)',
      withField(GENERATED_CONFIG, ['logit_scale'], 'ln 100'),
    ],
    [
      'models/x/config.json: text_config.pad_token_id 49408 is outside the vocabulary of 49408 tokens',
      withField(GENERATED_CONFIG, ['text_config', 'pad_token_id'], 49408),
    ],
  ])('%s', (message, config) => {
    expect(thrown(() => parse(config, GENERATED_PREPROCESSOR)).message).toBe(message);
  });

  it.each([
    [
      "models/x/preprocessor_config.json: crop_size 256×256 is not the model's input size 224×224 " +
        '(config.json vision_config.image_size)',
      withField(GENERATED_PREPROCESSOR, ['crop_size'], { height: 256, width: 256 }),
    ],
    [
      'models/x/preprocessor_config.json: ' +
        'crop_size is [224,224], expected {"height": n, "width": n} or a positive integer',
      withField(GENERATED_PREPROCESSOR, ['crop_size'], [224, 224]),
    ],
    [
      'models/x/preprocessor_config.json: size is missing, expected {"shortest_edge": n} or a positive integer',
      withField(GENERATED_PREPROCESSOR, ['size'], undefined),
    ],
    [
      'models/x/preprocessor_config.json: image_std [0.3,0,0.3] must be positive',
      withField(GENERATED_PREPROCESSOR, ['image_std'], [0.3, 0, 0.3]),
    ],
    [
      'models/x/preprocessor_config.json: image_mean is [0.5,0.5], expected three numbers',
      withField(GENERATED_PREPROCESSOR, ['image_mean'], [0.5, 0.5]),
    ],
    [
      'models/x/preprocessor_config.json: do_center_crop is false, but the model needs a 224×224 centre crop',
      withField(GENERATED_PREPROCESSOR, ['do_center_crop'], false),
    ],
    [
      'models/x/preprocessor_config.json: do_resize is false, but the lab resizes the shorter side as CLIP does',
      withField(GENERATED_PREPROCESSOR, ['do_resize'], false),
    ],
    [
      'models/x/preprocessor_config.json: size 200 is smaller than the 224×224 crop',
      withField(GENERATED_PREPROCESSOR, ['size'], { shortest_edge: 200 }),
    ],
  ])('%s', (message, preprocessor) => {
    expect(thrown(() => parse(GENERATED_CONFIG, preprocessor)).message).toBe(message);
  });

  it('reports invalid JSON and a non-object, naming the file', () => {
    expect(thrown(() => parseClipModelConfig('{"projection_dim": 64', null, 'models/x')).message).toMatch(
      /^models\/x\/config\.json: is not valid JSON \(/,
    );
    expect(thrown(() => parseClipModelConfig(JSON.stringify(GENERATED_CONFIG), '[1, 2]', 'models/x')).message).toBe(
      'models/x/preprocessor_config.json: is [1,2], expected a JSON object',
    );
  });
});
