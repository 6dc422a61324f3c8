import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VOC_MINI, runCliInProcess } from './run-cli';

const root = mkdtempSync(join(tmpdir(), 'cdul-models-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of tiny-vit that the test may break. */
function modelCopy(name: string): string {
  const dir = join(root, name);
  cpSync('models/tiny-vit', dir, { recursive: true });
  return dir;
}

async function cacheWith(model: string) {
  return runCliInProcess(['cache', '--voc', VOC_MINI, '--model', model, '--grid', '1', '--out', join(root, 'out')]);
}

describe('cdul cache refuses unusable models with a message naming what was expected and found', () => {
  it('missing files', async () => {
    const dir = modelCopy('missing');
    unlinkSync(join(dir, 'onnx/text_model.onnx'));
    unlinkSync(join(dir, 'tokenizer.json'));
    const run = await cacheWith(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing: not a CLIP model folder: missing onnx\/text_model\.onnx, tokenizer\.json \(expected the Hugging Face layout/);
  });

  it('a file that is not ONNX', async () => {
    const dir = modelCopy('not-onnx');
    writeFileSync(join(dir, 'onnx/vision_model.onnx'), '<html>404 Not Found</html>');
    const run = await cacheWith(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not-onnx\/onnx\/vision_model\.onnx: not a loadable ONNX model \(onnxruntime: /);
  });

  it('models whose inputs and outputs do not match (the text model where the vision model belongs)', async () => {
    const dir = modelCopy('swapped');
    cpSync(join(dir, 'onnx/text_model.onnx'), join(dir, 'onnx/vision_model.onnx'));
    const run = await cacheWith(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/swapped\/onnx\/vision_model\.onnx: expected an input 'pixel_values' and an output 'image_embeds'; found inputs \[input_ids, attention_mask\], outputs \[text_embeds\]/);
  });

  it('a malformed config.json', async () => {
    const dir = modelCopy('bad-config');
    writeFileSync(join(dir, 'config.json'), '{"model_type": "clip"}');
    const run = await cacheWith(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad-config\/config\.json: /);
  });
});
