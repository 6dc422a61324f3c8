import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG, approxModelBytes, catalogEntry, modelFilesOf, towerPath } from './model-catalog';

describe('model catalog', () => {
  it('lists the public CLIP exports with all three precisions and the four JSON files', () => {
    for (const id of ['Xenova/clip-vit-base-patch32', 'Xenova/clip-vit-base-patch16']) {
      const entry = catalogEntry(id);
      expect(entry.inputSize).toBe(224);
      expect(modelFilesOf(entry, 'fp16').map((file) => file.path)).toEqual([
        'onnx/vision_model_fp16.onnx',
        'onnx/text_model_fp16.onnx',
        'tokenizer.json',
        'config.json',
        'preprocessor_config.json',
        'tokenizer_config.json',
      ]);
      expect(towerPath('text', 'quantized')).toBe('onnx/text_model_quantized.onnx');
      // ViT-B/32 fp32 is ~608 MB in all: a sanity bound on the hand-typed sizes.
      expect(approxModelBytes(entry, 'fp32')).toBeGreaterThan(590e6);
      expect(approxModelBytes(entry, 'quantized')).toBeLessThan(approxModelBytes(entry, 'fp16'));
    }
  });

  it("has the exact sizes of the app's own models (update the catalog when the generator changes them)", () => {
    for (const entry of MODEL_CATALOG.filter((e) => e.appPath !== null)) {
      for (const file of modelFilesOf(entry, 'fp32')) {
        expect([file.path, file.approxBytes]).toEqual([file.path, statSync(`models/${entry.id}/${file.path}`).size]);
      }
    }
  });

  it('names the variants a model has when asked for another', () => {
    expect(() => modelFilesOf(catalogEntry('tiny-vit'), 'quantized')).toThrow(
      'tiny-vit has no quantized variant in the catalog (available: fp32)',
    );
    expect(() => catalogEntry('nope')).toThrow(/no model 'nope'.*tiny-vit/);
  });
});
