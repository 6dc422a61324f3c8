import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { decode } from 'fast-png';
import { CLIP_PREPROCESS_DEFAULTS } from '../src/core/image/clip-preprocess';
import type { DecodeDigests, DecodeRequest } from './support/pillow-decode-harness';

/**
 * The browser decodes JPEGs exactly as Pillow does: e2e/fixtures/pillow-decode decoded and cut into
 * CLIP crops inside a module worker with the prepare workers' decoder (libjpeg-turbo WebAssembly,
 * served by Vite), compared by SHA-256 with Pillow's PNGs read here in Node.
 */
const FIXTURE = 'e2e/fixtures/pillow-decode';
const NAMES = readdirSync(`${FIXTURE}/jpeg`).map((file) => file.replace(/\.jpg$/, ''));
const CROPPED = [...new Set(readdirSync(`${FIXTURE}/crops`).map((file) => file.replace(/_\d\.png$/, '')))];

const sha256 = (bytes: Uint8Array | Float32Array) => createHash('sha256').update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest('hex');

function png(path: string) {
  const image = decode(readFileSync(path));
  expect([image.channels, image.depth], path).toEqual([3, 8]);
  return { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length) };
}

/** The tensor Pillow's crops give through HF's float path: (float32(v / 255) − mean) / std in float32, planes R, G, B. */
function expectedTensor(name: string): Float32Array {
  const { mean, std } = CLIP_PREPROCESS_DEFAULTS;
  const crops = Array.from({ length: 10 }, (_, k) => png(`${FIXTURE}/crops/${name}_${k}.png`));
  const plane = crops[0]!.width * crops[0]!.height;
  const tensor = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, k) => {
    for (let i = 0; i < 3 * plane; i++) {
      const c = Math.floor(i / plane);
      const v = crop.data[(i % plane) * 3 + c]!;
      tensor[k * 3 * plane + i] = Math.fround(Math.fround(v * (1 / 255)) - Math.fround(mean[c]!)) / Math.fround(std[c]!);
    }
  });
  return tensor;
}

test('a browser worker decodes all 18 fixture JPEGs and cuts the CLIP crops exactly as Pillow', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/e2e/pillow-decode.html');
  const request: DecodeRequest = { decode: NAMES, crops: CROPPED };
  const digests: DecodeDigests = await page.evaluate(async (req) => {
    const url = '/e2e/support/pillow-decode-harness.ts';
    const harness = (await import(/* @vite-ignore */ url)) as typeof import('./support/pillow-decode-harness');
    return harness.decodeInWorker(req);
  }, request);

  expect(digests.decoder).toMatch(/^libjpeg-turbo /);
  expect(NAMES).toHaveLength(18);
  for (const name of NAMES) {
    const want = png(`${FIXTURE}/decoded/${name}.png`);
    expect({ name, ...digests.decoded[name] }).toEqual({ name, width: want.width, height: want.height, sha256: sha256(want.data) });
  }
  expect(CROPPED).toHaveLength(4);
  for (const name of CROPPED) {
    for (let k = 0; k < 10; k++) expect([name, k, digests.crops[`${name}_${k}`]]).toEqual([name, k, sha256(png(`${FIXTURE}/crops/${name}_${k}.png`).data)]);
    expect([name, digests.tensors[name]]).toEqual([name, sha256(expectedTensor(name))]);
  }
});
