import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'jpeg-js';
import { nodeJpegCodec } from '../src/cli/image/node-jpeg-codec';
import type { JpegCodec } from '../src/core/image/jpeg-codec';
import type { Figures } from './init/bench-protocol';
import { round } from './measure';
import { timePrepare } from './prepare-timing';

const PHOTOS = 'e2e/fixtures/voc-mini/JPEGImages';

/**
 * The decoder the lab used before libjpeg-turbo (pure JS, not Pillow's pixels), as a codec, so the
 * same run shows what the change of decoder alone is worth. voc-mini's JPEGs all have 3 components.
 */
const JPEG_JS: JpegCodec = {
  name: 'jpeg-js 0.4.4',
  decode(bytes, components) {
    if (components !== 'rgb') throw new Error(`the jpeg-js comparison decodes 3-component JPEGs only, not ${components}`);
    const image = decode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: true });
    return { width: image.width, height: image.height, data: image.data };
  },
};

/**
 * `init.prepare_*` in Node: the cost of preparing one VOC photo (decode + global view + 9 snippets
 * preprocessed) on one thread, median over voc-mini's 100 photos (bench/prepare-timing.ts). The same
 * figure in Chromium's worker is `init.prepare_ms_per_image_chromium` (bench/init).
 */
export function prepareBench(): Figures {
  const photos = readdirSync(PHOTOS).sort().map((name) => new Uint8Array(readFileSync(join(PHOTOS, name))));
  const codec = nodeJpegCodec();
  const lab = timePrepare(photos, codec);
  const jpegJs = timePrepare(photos, JPEG_JS);
  return {
    'init.prepare_ms_per_image': round(lab.totalMs),
    'init.prepare_decode_ms_per_image': round(lab.decodeMs),
    'init.prepare_crops_ms_per_image': round(lab.cropsMs),
    'init.prepare_ms_per_image_jpegjs': round(jpegJs.totalMs),
    'init.prepare_decode_ms_per_image_jpegjs': round(jpegJs.decodeMs),
    'init.prepare_decoder': codec.name,
    'init.prepare_measured_in': `Node ${process.version}, one thread`,
  };
}
