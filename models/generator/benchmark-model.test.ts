import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { VIT_B32_VISION, type VisionArchitecture } from './clip-architecture';
import { writeVitB32Model } from './benchmark-model';

/**
 * The benchmark writer streams the same vision graph to disk. Checked here at a small width (the
 * full ViT-B/32 is 350 MB); the real size is one flag away: `--vit-b32 OUT_DIR`.
 */
const SMALL: VisionArchitecture = { ...VIT_B32_VISION, width: 48, layers: 2, heads: 12, projectionDim: 40 };
const outDir = mkdtempSync(join(tmpdir(), 'cdul-vit-b32-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('writeVitB32Model', () => {
  it('writes the hub layout (a tiny text tower beside the full vision one) that onnxruntime runs with a dynamic batch', async () => {
    const model = writeVitB32Model(outDir, SMALL);
    expect([...model.files].sort()).toEqual([
      'LICENSE-openai-clip',
      'SOURCE.md',
      'config.json',
      'onnx/text_model.onnx',
      'onnx/vision_model.onnx',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect(readdirSync(join(outDir, 'onnx')).sort()).toEqual(['text_model.onnx', 'vision_model.onnx']);
    const session = await ort.InferenceSession.create(join(outDir, 'onnx/vision_model.onnx'));
    const pixels = new Float32Array(2 * 3 * 224 * 224).fill(0.5);
    const result = await session.run({ pixel_values: new ort.Tensor('float32', pixels, [2, 3, 224, 224]) });
    expect(result.image_embeds?.dims).toEqual([2, SMALL.projectionDim]);
    // The text tower projects to the same width, so cosine similarities can be taken.
    const text = await ort.InferenceSession.create(join(outDir, 'onnx/text_model.onnx'));
    const ids = new BigInt64Array(77).fill(49407n);
    ids[0] = 49406n;
    const mask = new BigInt64Array(77);
    mask[0] = 1n;
    mask[1] = 1n;
    const embedded = await text.run({
      input_ids: new ort.Tensor('int64', ids, [1, 77]),
      attention_mask: new ort.Tensor('int64', mask, [1, 77]),
    });
    expect(embedded.text_embeds?.dims).toEqual([1, SMALL.projectionDim]);
  });
});
