import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../core/clip/model-catalog';
import { modelFileUrl } from './model-file-url';

describe('model file URLs', () => {
  it('builds hub URLs from the template, with an overridable base', () => {
    const entry = catalogEntry('Xenova/clip-vit-base-patch32');
    expect(modelFileUrl(entry, 'onnx/vision_model.onnx')).toBe(
      'https://huggingface.co/Xenova/clip-vit-base-patch32/resolve/main/onnx/vision_model.onnx',
    );
    expect(modelFileUrl(entry, 'config.json', 'http://127.0.0.1:9/')).toBe(
      'http://127.0.0.1:9/Xenova/clip-vit-base-patch32/resolve/main/config.json',
    );
    expect(modelFileUrl(catalogEntry('tiny-vit'), 'tokenizer.json', 'http://mirror')).toBe(
      'http://mirror/cdul-lab/tiny-vit/resolve/main/tokenizer.json',
    );
  });

  it('names the app origin it lacks outside a browser', () => {
    expect(() => modelFileUrl(catalogEntry('demo-clip'), 'config.json')).toThrow(/pass a baseUrl/);
  });
});
