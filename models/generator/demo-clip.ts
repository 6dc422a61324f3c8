import type { Tokenizer } from '@huggingface/tokenizers';
import { CLIP_VOCAB_SIZE, CONTEXT_LENGTH, END_OF_TEXT_ID, LN_100, START_OF_TEXT_ID } from './clip-architecture';
import {
  BACKGROUND_AXIS,
  DEMO_EMBED_DIM,
  demoAxisNames,
  UNKNOWN_AXIS,
  UNKNOWN_TOKEN_WEIGHT,
} from './demo-clip-design';
import { buildDemoTextTower } from './demo-clip-text';
import { buildDemoVisionTower, DEMO_VISION_SETTINGS } from './demo-clip-vision';
import type { ModelFolder } from './model-files';
import { demoClipNotes } from './model-notes';

export const DEMO_IMAGE_SIZE = 224;

/** demo-clip: hand-built towers whose similarities are meaningful on the demo dataset. */
export function demoClipFolder(tokenizer: Tokenizer): ModelFolder {
  return {
    name: 'demo-clip',
    vision: buildDemoVisionTower(DEMO_IMAGE_SIZE),
    text: buildDemoTextTower(tokenizer),
    imageSize: DEMO_IMAGE_SIZE,
    config: demoClipConfig(),
    sourceNotes: demoClipNotes(),
    docString:
      'demo-clip: hand-built colour-fraction image tower and bag-of-words text tower (cdul-lab models/generator)',
  };
}

/** The CLIPConfig fields a loader reads; the towers are not transformers, so sizes describe the embedding. */
function demoClipConfig(): object {
  const { pool, temperature, backgroundWeight } = DEMO_VISION_SETTINGS;
  return {
    model_type: 'clip',
    architectures: ['CLIPModel'],
    projection_dim: DEMO_EMBED_DIM,
    logit_scale: LN_100,
    text_config: {
      model_type: 'clip_text_model',
      hidden_size: DEMO_EMBED_DIM,
      max_position_embeddings: CONTEXT_LENGTH,
      vocab_size: CLIP_VOCAB_SIZE,
      projection_dim: DEMO_EMBED_DIM,
      bos_token_id: START_OF_TEXT_ID,
      eos_token_id: END_OF_TEXT_ID,
      pad_token_id: END_OF_TEXT_ID,
    },
    vision_config: {
      model_type: 'clip_vision_model',
      image_size: DEMO_IMAGE_SIZE,
      patch_size: pool,
      num_channels: 3,
      projection_dim: DEMO_EMBED_DIM,
    },
    cdul: {
      description:
        "Hand-built CLIP stand-in for the demo dataset: an image embeds as the fractions of the demo palette's 20 " +
        'class colours (and the background grey) it holds, a prompt as the axis of the class it names, so ' +
        "cos(image, prompt) is the share of that class's colour. See SOURCE.md.",
      generator: 'models/generator',
      seed: null,
      axes: demoAxisNames(),
      colour_temperature: temperature,
      background_weight: backgroundWeight,
      unknown_token_weight: UNKNOWN_TOKEN_WEIGHT,
      background_axis: BACKGROUND_AXIS,
      unknown_axis: UNKNOWN_AXIS,
    },
  };
}
