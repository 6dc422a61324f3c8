import type { Rgb } from './demo-palette';
import type { TransformerShape } from './transformer';

/** The sizes that define a CLIP ViT model (Hugging Face's vision_config / text_config). */
export interface VisionArchitecture extends TransformerShape {
  readonly imageSize: number;
  readonly patchSize: number;
  readonly projectionDim: number;
}

export interface TextArchitecture extends TransformerShape {
  readonly contextLength: number;
  readonly vocabSize: number;
  readonly projectionDim: number;
}

/** CLIP's BPE vocabulary: 49,406 = <|startoftext|>, 49,407 = <|endoftext|> (also the pad token). */
export const CLIP_VOCAB_SIZE = 49408;
export const START_OF_TEXT_ID = 49406;
export const END_OF_TEXT_ID = 49407;
export const CONTEXT_LENGTH = 77;
/** ln 100 (CLIP's trained logit_scale), written as a literal so no libm rounding can change it. */
export const LN_100 = 4.605170185988092;

export const TINY_VIT_VISION: VisionArchitecture = {
  imageSize: 224,
  patchSize: 32,
  width: 64,
  layers: 2,
  heads: 2,
  projectionDim: 64,
};

export const TINY_VIT_TEXT: TextArchitecture = {
  contextLength: CONTEXT_LENGTH,
  vocabSize: CLIP_VOCAB_SIZE,
  width: 32,
  layers: 2,
  heads: 2,
  projectionDim: 64,
};

/** OpenAI's ViT-B/32 image tower: the benchmark's full-size model. */
export const VIT_B32_VISION: VisionArchitecture = {
  imageSize: 224,
  patchSize: 32,
  width: 768,
  layers: 12,
  heads: 12,
  projectionDim: 512,
};

/** The text tower ViT-B/32 is paired with (written into the benchmark model's config only). */
export const VIT_B32_TEXT: TextArchitecture = {
  contextLength: CONTEXT_LENGTH,
  vocabSize: CLIP_VOCAB_SIZE,
  width: 512,
  layers: 12,
  heads: 8,
  projectionDim: 512,
};

export const patchGrid = (arch: VisionArchitecture) => arch.imageSize / arch.patchSize;

/** CLIP's preprocessing constants (OpenAI's image mean and std, per RGB channel). */
export const CLIP_IMAGE_MEAN: Rgb = [0.48145466, 0.4578275, 0.40821073];
export const CLIP_IMAGE_STD: Rgb = [0.26862954, 0.26130258, 0.27577711];
