import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheManifest } from '../../core/init-cache/cache-manifest';
import { runCliInProcess } from './run-cli';
import { createTempVoc, vocMiniIds } from './temp-voc';

const REFERENCE = 'e2e/fixtures/preprocess-reference';

/** A flat 8000×8000 JPEG (64 MP): valid, just large. Made at run time so no huge file is committed. */
function hugeJpeg(): Uint8Array {
  const side = 8000;
  const rgba = new Uint8Array(side * side * 4).fill(160);
  return encode({ data: rgba, width: side, height: side }, 50).data;
}

describe('cdul cache with bad and unusual input files: each named, the rest goes on', () => {
  const voc = createTempVoc('cdul-bad-input-');
  const [good1, good2, donor] = vocMiniIds(3) as [string, string, string];
  const whole = readFileSync(`e2e/fixtures/voc-mini/JPEGImages/${good1}.jpg`);
  let manifest: CacheManifest;
  let stderr = '';

  beforeAll(async () => {
    voc.addVocMiniImage(good1);
    voc.addVocMiniImage(good2);
    voc.addImageFile('truncated.jpg', whole.subarray(0, whole.length >> 1), donor);
    voc.addImageFile('zero.jpg', new Uint8Array(0), donor);
    voc.addImageFile('notes.jpg', 'these are my notes, not a photo', donor);
    voc.addImageFile('grey.jpg', readFileSync(`${REFERENCE}/grey.jpg`), donor);
    voc.addImageFile('cmyk.jpg', readFileSync(`${REFERENCE}/cmyk.jpg`), donor);
    voc.addImageFile('png-inside.jpg', readFileSync(`${REFERENCE}/rgb.png`), donor);
    voc.addImageFile('huge.jpg', hugeJpeg(), donor);
    voc.addImageFile('no-annotation.jpg', whole);
    voc.addImageFile('two-pixels.jpg', encode({ data: new Uint8Array(2 * 1 * 4).fill(90), width: 2, height: 1 }, 90).data, donor);
    const ids = [good1, 'truncated', 'zero', 'notes', 'grey', 'cmyk', 'png-inside', 'huge', 'no-annotation', 'two-pixels', good2];
    voc.writeSplit('test', ids);
    const out = join(voc.root, 'cache');
    const run = await runCliInProcess(['cache', '--voc', voc.root, '--split', 'test', '--model', 'models/tiny-vit', '--grid', '3', '--out', out, '--chunk', '3']);
    expect(run.code, run.stderr).toBe(0);
    stderr = run.stderr;
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as CacheManifest;
  }, 180_000);
  afterAll(() => rmSync(voc.root, { recursive: true, force: true }));

  it('encodes the good photos, greyscale and CMYK JPEGs, a PNG named .jpg, and an 8000×8000 image', () => {
    expect(manifest.ids).toEqual([good1, 'grey', 'cmyk', 'png-inside', 'huge', good2]);
  });

  it('skips and lists each broken file with its name and problem', () => {
    const reason = (id: string) => manifest.skipped.find((item) => item.id === id)?.reason ?? '';
    expect(manifest.skipped.map((item) => item.id)).toEqual(['no-annotation', 'notes', 'truncated', 'two-pixels', 'zero']);
    expect(reason('two-pixels')).toMatch(/JPEGImages\/two-pixels\.jpg: a 2×1 image is too small for a 3×3 grid/);
    expect(reason('truncated')).toMatch(/JPEGImages\/truncated\.jpg: corrupt or truncated JPEG/);
    expect(reason('zero')).toMatch(/JPEGImages\/zero\.jpg: empty file \(0 bytes\)/);
    expect(reason('notes')).toMatch(/JPEGImages\/notes\.jpg: not a JPEG or PNG image/);
    expect(reason('no-annotation')).toMatch(/Annotations\/no-annotation\.xml not found/);
  });

  it('prints each skipped file as a warning on stderr', () => {
    for (const id of ['truncated', 'zero', 'notes', 'no-annotation']) expect(stderr).toMatch(new RegExp(`warning: skipped ${id}: `));
  });
});
