import { describe, expect, it } from 'vitest';
import { DataError } from '../../core/data-error';
import type { ModelRef } from '../protocol/pipeline-protocol';
import { ModelFiles } from './model-files';
import { cachedFileRefused } from './refused-cached-file';

const ref: ModelRef = { kind: 'catalog', id: 'tiny-vit', variant: 'fp32', baseUrl: null };
const vision = 'onnx/vision_model.onnx';
const bytes = new Map([[vision, new ArrayBuffer(4)], ['tokenizer.json', new ArrayBuffer(2)]]);
const fromCache = new ModelFiles('fp32', bytes, [], new Set([vision, 'tokenizer.json']));
const refusal = new DataError(`tiny-vit/${vision}`, 'not a loadable ONNX model (onnxruntime-web: protobuf parsing failed)');

describe('a load failure on a file from the model cache', () => {
  it('names the stored file onnxruntime or the JSON parser refused', () => {
    expect(cachedFileRefused(ref, fromCache, refusal)).toEqual({
      path: vision,
      problem: 'not a loadable ONNX model (onnxruntime-web: protobuf parsing failed)',
    });
    const json = new DataError('tiny-vit/tokenizer.json', 'not valid JSON (Unexpected end of JSON input)');
    expect(cachedFileRefused(ref, fromCache, json)).toEqual({ path: 'tokenizer.json', problem: 'not valid JSON (Unexpected end of JSON input)' });
  });

  it('is not the cache when the file was downloaded just now: that failure is the model\'s own', () => {
    const downloaded = new ModelFiles('fp32', bytes, [], new Set(['tokenizer.json']));
    expect(cachedFileRefused(ref, downloaded, refusal)).toBeNull();
  });

  it('is not the cache for the user\'s own files, another model\'s name, or an error that names no file', () => {
    const local: ModelRef = { kind: 'files', id: 'tiny-vit', files: [] };
    expect(cachedFileRefused(local, fromCache, refusal)).toBeNull();
    expect(cachedFileRefused(ref, fromCache, new DataError(`demo-clip/${vision}`, 'x'))).toBeNull();
    expect(cachedFileRefused(ref, fromCache, new Error(`tiny-vit/${vision}: x`))).toBeNull();
  });
});
