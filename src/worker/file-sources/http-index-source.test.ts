import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { CLIP_PREPROCESS_DEFAULTS } from '../../core/image/clip-preprocess';
import { openDataset } from '../../core/datasets/open-dataset';
import { prepareChunk } from '../../core/initialization/prepare-chunk';
import { createHttpIndexSource } from './http-index-source';

/** A web server holding `files` under http://lab.test/ (and a files.json per dataset folder). */
function server(files: Record<string, Uint8Array<ArrayBuffer> | string>): typeof fetch {
  return async (input) => {
    const path = new URL(String(input)).pathname.slice(1);
    const body = files[path];
    if (body === undefined) return new Response('gone', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  };
}

const index = (paths: string[]) => JSON.stringify({ files: paths });
const jpeg = new Uint8Array(readFileSync('e2e/fixtures/voc-mini/JPEGImages/2007_000032.jpg'));

describe('messages of a dataset served over HTTP name each file’s URL once, without a double slash', () => {
  it('a cut image of the demo folder: …/voc-demo/JPEGImages/x.jpg', async () => {
    const fetchImpl = server({
      'demo/voc-demo/files.json': index(['JPEGImages/cut.jpg']),
      'demo/voc-demo/JPEGImages/cut.jpg': jpeg.subarray(0, jpeg.length >> 1),
    });
    const source = createHttpIndexSource('http://lab.test/demo/voc-demo/', fetchImpl);
    expect(source.label).toBe('http://lab.test/demo/voc-demo/');
    const { mean, std } = CLIP_PREPROCESS_DEFAULTS;
    const settings = { grid: 1, config: { inputSize: 32, resizeShortestEdge: 32, cropSize: 32, mean: [mean[0]!, mean[1]!, mean[2]!], std: [std[0]!, std[1]!, std[2]!] } } as const;
    const chunk = await prepareChunk(source, new Map([['cut', 'JPEGImages/cut.jpg']]), 0, ['cut'], settings, nodeJpegCodec());
    expect(chunk.skipped).toHaveLength(1);
    const reason = chunk.skipped[0]!.reason;
    const named = 'http://lab.test/demo/voc-demo/JPEGImages/cut.jpg: corrupt or truncated JPEG';
    expect(reason.slice(0, named.length)).toBe(named);
    expect(reason).not.toMatch(/[^:]\/\//);
  });

  it('a broken annotation file of a COCO folder: …/coco/annotations/instances_val2017.json', async () => {
    const fetchImpl = server({
      'served/coco/files.json': index(['annotations/instances_val2017.json', 'val2017/a.jpg']),
      'served/coco/annotations/instances_val2017.json': '{ not json',
    });
    const source = createHttpIndexSource('http://lab.test/served/coco/', fetchImpl);
    const failure = await openDataset(source, { split: 'val2017' }).then(() => new Error('opened'), (error: unknown) => error as Error);
    const named = 'http://lab.test/served/coco/annotations/instances_val2017.json: ';
    expect(failure.message.slice(0, named.length)).toBe(named);
    expect(failure.message).not.toMatch(/[^:]\/\//);
  });
});

describe('files.json may carry each file\'s size and time (an image replaced on the server is told apart)', () => {
  it('gives them as the file\'s stamp; an index without them gives null', async () => {
    const fetchImpl = server({
      'a/files.json': JSON.stringify({ files: ['x.jpg', 'y.jpg'], sizes: [10, 20], lastModified: [1_000, 2_000] }),
      'b/files.json': JSON.stringify({ files: ['x.jpg'], sizes: [10] }),
      'c/files.json': index(['x.jpg']),
    });
    const stamp = (folder: string, path: string) => createHttpIndexSource(`http://lab.test/${folder}/`, fetchImpl).stamp!(path);
    expect(await stamp('a', 'y.jpg')).toEqual({ size: 20, lastModified: 2_000 });
    expect(await stamp('a', 'z.jpg')).toBeNull();
    expect(await stamp('b', 'x.jpg')).toEqual({ size: 10, lastModified: 0 });
    expect(await stamp('c', 'x.jpg')).toBeNull();
  });

  it('a "sizes" that does not list one number per file is a DataError naming files.json', async () => {
    const fetchImpl = server({ 'a/files.json': JSON.stringify({ files: ['x.jpg', 'y.jpg'], sizes: [10] }) });
    await expect(createHttpIndexSource('http://lab.test/a/', fetchImpl).listFiles('')).rejects.toThrow(
      'http://lab.test/a/files.json: "sizes" must list one number per file (2)',
    );
  });
});
