import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import type { TextArchitecture, VisionArchitecture } from './clip-architecture';
import { CLIP_IMAGE_MEAN, CLIP_IMAGE_STD, END_OF_TEXT_ID, LN_100, START_OF_TEXT_ID } from './clip-architecture';
import type { GraphBuilder } from './onnx-graph';
import { serializeModel } from './onnx-serialize';

/**
 * One model folder in the Hugging Face hub layout of the public CLIP ONNX exports
 * (e.g. Xenova/clip-vit-base-patch32): onnx/{vision,text}_model.onnx, config.json,
 * preprocessor_config.json, tokenizer.json + tokenizer_config.json, plus SOURCE.md and the licence.
 */
export interface ModelFile {
  /** '/'-separated, relative to the folder that holds the model folders. */
  readonly path: string;
  /** The bytes, in chunks (large models are written without ever being whole in memory). */
  readonly chunks: () => Iterable<Uint8Array>;
}

export const CLIP_BPE_DIR = new URL('../../e2e/fixtures/clip-bpe/', import.meta.url);
export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json', 'LICENSE-openai-clip'] as const;

export function loadClipTokenizer(): Tokenizer {
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, CLIP_BPE_DIR), 'utf8')) as object;
  return new Tokenizer(read('tokenizer.json'), read('tokenizer_config.json'));
}

export const bytesFile = (path: string, bytes: Uint8Array): ModelFile => ({ path, chunks: () => [bytes] });
export const textFile = (path: string, text: string) => bytesFile(path, new TextEncoder().encode(text));
export const jsonFile = (path: string, value: unknown) => textFile(path, `${JSON.stringify(value, null, 2)}\n`);
export const onnxFile = (path: string, graph: GraphBuilder, docString: string): ModelFile => ({
  path,
  chunks: () => serializeModel(graph, { docString }),
});

export interface ModelFolder {
  readonly name: string;
  readonly vision: GraphBuilder;
  readonly text?: GraphBuilder;
  readonly config: object;
  readonly imageSize: number;
  readonly sourceNotes: string;
  readonly docString: string;
}

export function modelFolderFiles(folder: ModelFolder): ModelFile[] {
  const at = (path: string) => `${folder.name}/${path}`;
  const copies = TOKENIZER_FILES.map((name) => bytesFile(at(name), readFileSync(new URL(name, CLIP_BPE_DIR))));
  const files = [
    onnxFile(at('onnx/vision_model.onnx'), folder.vision, folder.docString),
    ...(folder.text ? [onnxFile(at('onnx/text_model.onnx'), folder.text, folder.docString)] : []),
    jsonFile(at('config.json'), folder.config),
    jsonFile(at('preprocessor_config.json'), preprocessorConfig(folder.imageSize)),
    ...copies,
    textFile(at('SOURCE.md'), folder.sourceNotes),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** CLIP's preprocessing: bicubic resize of the shorter side, centre crop, [0, 1], OpenAI mean/std. */
export function preprocessorConfig(imageSize: number): object {
  return {
    do_resize: true,
    size: { shortest_edge: imageSize },
    resample: 3,
    do_center_crop: true,
    crop_size: { height: imageSize, width: imageSize },
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: [...CLIP_IMAGE_MEAN],
    image_std: [...CLIP_IMAGE_STD],
    do_convert_rgb: true,
    image_processor_type: 'CLIPImageProcessor',
  };
}

/** Hugging Face's CLIPConfig fields a loader reads, plus the lab's own "cdul" block. */
export function clipConfig(vision: VisionArchitecture, text: TextArchitecture, cdul: object): object {
  return {
    model_type: 'clip',
    architectures: ['CLIPModel'],
    projection_dim: vision.projectionDim,
    logit_scale: LN_100,
    text_config: {
      model_type: 'clip_text_model',
      hidden_size: text.width,
      intermediate_size: 4 * text.width,
      num_attention_heads: text.heads,
      num_hidden_layers: text.layers,
      max_position_embeddings: text.contextLength,
      vocab_size: text.vocabSize,
      hidden_act: 'quick_gelu',
      layer_norm_eps: 1e-5,
      projection_dim: text.projectionDim,
      bos_token_id: START_OF_TEXT_ID,
      eos_token_id: END_OF_TEXT_ID,
      pad_token_id: END_OF_TEXT_ID,
    },
    vision_config: {
      model_type: 'clip_vision_model',
      hidden_size: vision.width,
      intermediate_size: 4 * vision.width,
      num_attention_heads: vision.heads,
      num_hidden_layers: vision.layers,
      image_size: vision.imageSize,
      patch_size: vision.patchSize,
      num_channels: 3,
      hidden_act: 'quick_gelu',
      layer_norm_eps: 1e-5,
      projection_dim: vision.projectionDim,
    },
    cdul,
  };
}

/** Writes each file chunk by chunk (never holding a large model whole). */
export function writeModelFiles(root: string, files: readonly ModelFile[]): void {
  for (const file of files) {
    const target = join(root, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    try {
      for (const chunk of file.chunks()) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  }
}
