import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readClipModelMetadata } from './clip-model-metadata';

const read = (path: string) => readFileSync(`models/tiny-vit/${path}`, 'utf8');

describe('readClipModelMetadata', () => {
  it('reads a model folder’s configs and tokenizer', async () => {
    const { config, tokenizer } = await readClipModelMetadata(read, 'models/tiny-vit');
    expect(config.inputSize).toBe(224);
    expect(config.logitScale).toBeCloseTo(100, 9);
    expect(tokenizer.encode('a photo of a dog')).toEqual([49406, 320, 1125, 539, 320, 1929, 49407]);
  });

  it('names the file that is not valid JSON', async () => {
    const broken = (path: string) => (path === 'tokenizer_config.json' ? '{"model_max_length": ' : read(path));
    await expect(readClipModelMetadata(broken, 'my-model')).rejects.toThrow(/my-model\/tokenizer_config\.json: not valid JSON/);
  });
});
