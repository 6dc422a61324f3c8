import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { createNodeFileSource } from '../../cli/node-file-source';
import type { FileSource } from '../dataset-source';
import { CLIP_PREPROCESS_DEFAULTS, preprocessImageAndSnippets } from '../image/clip-preprocess';
import { sameBytes } from '../image/__fixtures__/same-bytes';
import { decodeImage } from '../image/decode-image';
import { prepareChunk, type ChunkSettings } from './prepare-chunk';

const voc = createNodeFileSource('e2e/fixtures/voc-mini');
const codec = nodeJpegCodec();
const { mean, std } = CLIP_PREPROCESS_DEFAULTS;
const settings: ChunkSettings = {
  grid: 2,
  config: { inputSize: 224, resizeShortestEdge: 224, cropSize: 224, mean: [mean[0]!, mean[1]!, mean[2]!], std: [std[0]!, std[1]!, std[2]!] },
};
const file = (id: string) => `JPEGImages/${id}.jpg`;

/** voc-mini, except that one photo reads as its first half (a cut file). */
const withCutFile = (cut: string): FileSource => ({
  ...voc,
  label: voc.label,
  readBytes: async (path) => {
    const bytes = await voc.readBytes(path);
    return path === file(cut) ? bytes.slice(0, bytes.length >> 1) : bytes;
  },
});

async function expected(ids: readonly string[]): Promise<Float32Array[]> {
  return Promise.all(ids.map(async (id) => preprocessImageAndSnippets(decodeImage(await voc.readBytes(file(id)), id, codec), settings.grid)));
}

describe('prepareChunk', () => {
  it('packs each image’s crops in order, as preprocessing each alone gives them', async () => {
    const ids = ['2007_000027', '2007_000032', '2007_000033'];
    const chunk = await prepareChunk(voc, new Map(ids.map((id) => [id, file(id)])), 7, ids, settings, codec);
    expect([chunk.index, chunk.ids, chunk.skipped, chunk.cropsPerImage]).toEqual([7, ids, [], 5]);
    const want = await expected(ids);
    expect(chunk.pixels.length).toBe(3 * want[0]!.length);
    want.forEach((crops, k) => expect([k, sameBytes(chunk.pixels.subarray(k * crops.length, (k + 1) * crops.length), crops)]).toEqual([k, true]));
  });

  it('skips a missing and a cut file with their reasons and squeezes the others together', async () => {
    const ids = ['2007_000027', 'gone', '2007_000032', '2007_000033'];
    const files = new Map(ids.filter((id) => id !== 'gone').map((id) => [id, file(id)]));
    const chunk = await prepareChunk(withCutFile('2007_000032'), files, 0, ids, settings, codec);
    expect(chunk.ids).toEqual(['2007_000027', '2007_000033']);
    expect(chunk.skipped).toEqual([
      { id: 'gone', reason: `${voc.label}: image gone: no image file listed for it` },
      { id: '2007_000032', reason: expect.stringMatching(/2007_000032\.jpg: corrupt or truncated JPEG: .*cut short/) },
    ]);
    const want = await expected(chunk.ids);
    expect(chunk.pixels.length).toBe(2 * want[0]!.length);
    want.forEach((crops, k) => expect([k, sameBytes(chunk.pixels.subarray(k * crops.length, (k + 1) * crops.length), crops)]).toEqual([k, true]));
  });

  it('writes into a recycled buffer whatever it held, larger than needed, and squeezes in place there', async () => {
    const ids = ['2007_000033', 'gone', '2007_000027'];
    const files = new Map([ids[0]!, ids[2]!].map((id) => [id, file(id)]));
    const want = await expected([ids[0]!, ids[2]!]);
    const recycled = new Float32Array(4 * want[0]!.length).fill(Number.NaN);
    const chunk = await prepareChunk(voc, files, 3, ids, settings, codec, recycled);
    expect(chunk.ids).toEqual([ids[0], ids[2]]);
    expect([chunk.pixels.buffer === recycled.buffer, chunk.pixels.byteOffset, chunk.pixels.length]).toEqual([true, 0, 2 * want[0]!.length]);
    want.forEach((crops, k) => expect([k, sameBytes(chunk.pixels.subarray(k * crops.length, (k + 1) * crops.length), crops)]).toEqual([k, true]));
    const small = await prepareChunk(voc, files, 3, ids, settings, codec, new Float32Array(want[0]!.length));
    expect(small.pixels.length).toBe(2 * want[0]!.length); // too small to use: a buffer of its own
  });
});
