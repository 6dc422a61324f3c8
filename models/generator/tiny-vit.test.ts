import { beforeAll, describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-node';
import { seededRandom } from '../../src/core/seeded-random';
import { END_OF_TEXT_ID, TINY_VIT_TEXT, TINY_VIT_VISION } from './clip-architecture';
import { loadClipTokenizer } from './model-files';
import { referenceImageEmbedding, referenceTextEmbedding } from './__fixtures__/clip-reference';
import {
  embedImages,
  embedTexts,
  loadModel,
  maxAbsDifference,
  modelPath,
  tokenize,
  type TokenRows,
} from './__fixtures__/model-session';
import { floatInitializers, readOnnxModel } from './__fixtures__/onnx-weights';

/**
 * tiny-vit's graphs are CLIP: each tower's onnxruntime output equals an independent float64
 * reimplementation of CLIP's forward pass run on the weights read back from the ONNX file.
 */
const S = TINY_VIT_VISION.imageSize;
const tokenizer = loadClipTokenizer();

/** Within 1e-4 of the reference, relative to the embedding's scale. */
function expectClose(actual: Float32Array, reference: Float64Array): void {
  const scale = Math.max(1, ...Array.from(reference, Math.abs));
  expect(maxAbsDifference(actual, reference) / scale).toBeLessThan(1e-4);
}

describe('tiny-vit vision tower', () => {
  let session: ort.InferenceSession;
  beforeAll(async () => {
    session = await loadModel('tiny-vit', 'vision');
  });

  it('computes CLIP ViT forward pass (float64 reference on the ONNX initializers)', async () => {
    const random = seededRandom(7);
    const pixels = Float32Array.from({ length: 3 * S * S }, () => 4 * random() - 2);
    const [onnxEmbedding] = await embedImages(session, pixels, S);
    const weights = floatInitializers(readOnnxModel(modelPath('tiny-vit', 'onnx/vision_model.onnx')));
    const reference = referenceImageEmbedding(weights, TINY_VIT_VISION, Float64Array.from(pixels));
    expect(onnxEmbedding).toHaveLength(TINY_VIT_VISION.projectionDim);
    expectClose(onnxEmbedding!, reference);
  });
});

describe('tiny-vit text tower', () => {
  let session: ort.InferenceSession;
  const weights = () => floatInitializers(readOnnxModel(modelPath('tiny-vit', 'onnx/text_model.onnx')));
  beforeAll(async () => {
    session = await loadModel('tiny-vit', 'text');
  });

  it('computes CLIP text forward pass: causal attention, pooled at the end-of-text token', async () => {
    const tokens = tokenize(tokenizer, ['a photo of a dog', 'a photo of a potted plant']);
    const onnxEmbeddings = await embedTexts(session, tokens);
    const w = weights();
    tokens.ids.forEach((ids, row) => {
      expectClose(onnxEmbeddings[row]!, referenceTextEmbedding(w, TINY_VIT_TEXT, ids, tokens.masks[row]!));
    });
  });

  it('ignores tokens after the end-of-text token and depends on tokens before it', async () => {
    const base = tokenize(tokenizer, ['a photo of a dog']);
    const end = base.ids[0]!.indexOf(END_OF_TEXT_ID);
    const variant = (position: number, id: number, mask: number): TokenRows => {
      const ids = [...base.ids[0]!];
      const masks = [...base.masks[0]!];
      ids[position] = id;
      masks[position] = mask;
      return { ids: [ids], masks: [masks] };
    };
    const [original] = await embedTexts(session, base);
    // After the end of text: a real word, with the mask saying padding or not, changes nothing.
    for (const mask of [0, 1]) {
      const [after] = await embedTexts(session, variant(end + 2, 2368, mask));
      expect(maxAbsDifference(after!, original!)).toBeLessThan(1e-6);
    }
    // Before it: "dog" → "cat" changes the embedding.
    const [before] = await embedTexts(session, variant(end - 1, 2368, 1));
    expect(maxAbsDifference(before!, original!)).toBeGreaterThan(1e-2);
  });
});
