import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { readClipModelMetadata } from '../../core/clip/clip-model-metadata';
import type { ClipTokenizer } from '../../core/clip/clip-tokenizer';
import { validateTextSignature, validateVisionSignature, type ClipModelConfig } from '../../core/clip/model-signature';
import { DataError } from '../../core/data-error';
import { createMatrix, type Matrix } from '../../core/types';

/** The files of a CLIP model folder in the Hugging Face hub layout of the public ONNX exports. */
export const CLIP_MODEL_FILES = {
  vision: 'onnx/vision_model.onnx',
  text: 'onnx/text_model.onnx',
  tokenizer: 'tokenizer.json',
  tokenizerConfig: 'tokenizer_config.json',
  preprocessor: 'preprocessor_config.json',
  config: 'config.json',
} as const;

export interface NodeClipModel {
  readonly id: string;
  readonly dir: string;
  readonly config: ClipModelConfig;
  readonly tokenizer: ClipTokenizer;
  /** pixels: [count, 3, S, S] packed; returns image_embeds [count, D]. */
  encodeImages(pixels: Float32Array, count: number): Promise<Matrix>;
  encodeTexts(texts: readonly string[]): Promise<Matrix>;
  release(): Promise<void>;
}

export async function loadNodeClipModel(dir: string, threads?: number): Promise<NodeClipModel> {
  const root = path.resolve(dir);
  await assertFilesPresent(root);
  const { config, tokenizer } = await readClipModelMetadata((name) => readFile(path.join(root, name), 'utf8'), root);
  const options: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: 'all',
    ...(threads === undefined ? {} : { intraOpNumThreads: threads }),
  };
  const vision = await openSession(path.join(root, CLIP_MODEL_FILES.vision), options);
  const textSession = await openSession(path.join(root, CLIP_MODEL_FILES.text), options);
  const visionNames = validateVisionSignature(vision.inputNames, vision.outputNames, path.join(root, CLIP_MODEL_FILES.vision));
  const textNames = validateTextSignature(textSession.inputNames, textSession.outputNames, path.join(root, CLIP_MODEL_FILES.text));
  const size = config.inputSize;

  return {
    id: path.basename(root),
    dir: root,
    config,
    tokenizer,
    async encodeImages(pixels, count) {
      const input = new ort.Tensor('float32', pixels.subarray(0, count * 3 * size * size), [count, 3, size, size]);
      const output = await vision.run({ [visionNames.input]: input });
      return toMatrix(output[visionNames.output]!, count);
    },
    async encodeTexts(texts) {
      const batch = tokenizer.encodeBatch(texts);
      const feeds: Record<string, ort.Tensor> = {
        [textNames.inputIds]: new ort.Tensor('int64', batch.inputIds, [batch.rows, batch.contextLength]),
      };
      if (textNames.attentionMask) {
        feeds[textNames.attentionMask] = new ort.Tensor('int64', batch.attentionMask, [batch.rows, batch.contextLength]);
      }
      const output = await textSession.run(feeds);
      return toMatrix(output[textNames.output]!, texts.length);
    },
    async release() {
      await vision.release();
      await textSession.release();
    },
  };
}

async function assertFilesPresent(root: string): Promise<void> {
  const missing: string[] = [];
  for (const file of Object.values(CLIP_MODEL_FILES)) {
    const exists = await stat(path.join(root, file)).then((s) => s.isFile(), () => false);
    if (!exists) missing.push(file);
  }
  if (missing.length > 0) {
    throw new DataError(
      root,
      `not a CLIP model folder: missing ${missing.join(', ')} (expected the Hugging Face layout of the public ` +
        `CLIP ONNX exports: ${Object.values(CLIP_MODEL_FILES).join(', ')})`,
    );
  }
}

async function openSession(file: string, options: ort.InferenceSession.SessionOptions): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(file, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(file, `not a loadable ONNX model (onnxruntime: ${reason.split('\n')[0]})`);
  }
}

function toMatrix(tensor: ort.Tensor, rows: number): Matrix {
  const data = tensor.data as Float32Array;
  return createMatrix(rows, data.length / rows, data);
}
