import { describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-node';
import { seededRandom } from '../../src/core/seeded-random';
import { loadClipTokenizer } from './model-files';
import { embedImages, embedTexts, loadModel, maxAbsDifference, tokenize } from './__fixtures__/model-session';

/** Both committed models load in onnxruntime-node with CLIP's exact I/O and a dynamic batch. */
const MODELS = [
  { name: 'tiny-vit', dim: 64 },
  { name: 'demo-clip', dim: 24 },
] as const;
const S = 224;
const tokenizer = loadClipTokenizer();

function metadata(session: ort.InferenceSession, which: 'inputMetadata' | 'outputMetadata') {
  return session[which].map((value) => ({
    name: value.name,
    type: value.isTensor ? value.type : 'not a tensor',
    shape: value.isTensor ? [...value.shape] : [],
  }));
}

describe.each(MODELS)('$name', ({ name, dim }) => {
  it('vision_model.onnx: pixel_values float32 [batch, 3, 224, 224] → image_embeds float32 [batch, D]', async () => {
    const session = await loadModel(name, 'vision');
    expect(metadata(session, 'inputMetadata')).toEqual([
      { name: 'pixel_values', type: 'float32', shape: ['batch', 3, S, S] },
    ]);
    expect(metadata(session, 'outputMetadata')).toEqual([
      { name: 'image_embeds', type: 'float32', shape: ['batch', dim] },
    ]);
  });

  it('text_model.onnx: input_ids, attention_mask int64 [batch, 77] → text_embeds float32 [batch, D]', async () => {
    const session = await loadModel(name, 'text');
    expect(metadata(session, 'inputMetadata')).toEqual([
      { name: 'input_ids', type: 'int64', shape: ['batch', 77] },
      { name: 'attention_mask', type: 'int64', shape: ['batch', 77] },
    ]);
    expect(metadata(session, 'outputMetadata')).toEqual([
      { name: 'text_embeds', type: 'float32', shape: ['batch', dim] },
    ]);
  });

  it('image batch of 3 gives the rows of three batch-1 runs', async () => {
    const session = await loadModel(name, 'vision');
    const random = seededRandom(3);
    const plane = 3 * S * S;
    const pixels = Float32Array.from({ length: 3 * plane }, () => 4 * random() - 2);
    const batched = await embedImages(session, pixels, S);
    for (let row = 0; row < 3; row++) {
      const [single] = await embedImages(session, pixels.slice(row * plane, (row + 1) * plane), S);
      expect(single).toHaveLength(dim);
      expect(maxAbsDifference(batched[row]!, single!)).toBeLessThan(1e-5);
    }
  });

  it('text batch of 3 gives the rows of three batch-1 runs', async () => {
    const session = await loadModel(name, 'text');
    const tokens = tokenize(tokenizer, ['a photo of a cat', 'a photo of a dining table', 'two  spaces\tand\ttabs']);
    const batched = await embedTexts(session, tokens);
    for (let row = 0; row < 3; row++) {
      const [single] = await embedTexts(session, { ids: [tokens.ids[row]!], masks: [tokens.masks[row]!] });
      expect(single).toHaveLength(dim);
      expect(maxAbsDifference(batched[row]!, single!)).toBeLessThan(1e-5);
    }
  });
});
