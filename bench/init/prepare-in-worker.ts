import { indexImageFiles } from '../../src/core/voc/voc-image-files';
import { loadBrowserJpegCodec } from '../../src/worker/prepare/browser-jpeg-codec';
import { sourceOfRef } from '../../src/worker/pipeline/open-dataset';
import { round } from '../measure';
import { timePrepare } from '../prepare-timing';
import type { Figures } from './bench-protocol';
import { vocMini } from './bench-setup';

/**
 * `init.prepare_ms_per_image_chromium`: the Node figure `init.prepare_ms_per_image` measured in this
 * dedicated worker, with the prepare workers' decoder (libjpeg-turbo WebAssembly as Vite serves it)
 * on voc-mini's 100 photos, read first so that only decoding and preprocessing are timed.
 */
export async function prepareInWorker(): Promise<Figures> {
  const source = sourceOfRef(vocMini());
  const files = [...(await indexImageFiles(source)).values()].sort();
  const photos = await Promise.all(files.map((path) => source.readBytes(path)));
  const jpeg = await loadBrowserJpegCodec();
  const timing = timePrepare(photos, jpeg);
  return {
    'init.prepare_ms_per_image_chromium': round(timing.totalMs),
    'init.prepare_decode_ms_per_image_chromium': round(timing.decodeMs),
    'init.prepare_crops_ms_per_image_chromium': round(timing.cropsMs),
    'init.prepare_chromium_decoder': jpeg.name,
  };
}
