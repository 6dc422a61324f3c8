/// <reference lib="webworker" />
import { snippetGrid } from '../../src/core/cdul/snippet-grid';
import { clipCropPixels, preprocessImageAndSnippets } from '../../src/core/image/clip-preprocess';
import { decodeImage } from '../../src/core/image/decode-image';
import { loadBrowserJpegCodec } from '../../src/worker/prepare/browser-jpeg-codec';
import type { DecodeDigests, DecodeRequest, FromDecodeWorker } from './pillow-decode-harness';

/** A module worker like the prepare workers: the same adapter, the same core decoding and preprocessing. */
const FIXTURE = '/e2e/fixtures/pillow-decode';

async function sha256(bytes: ArrayBufferView): Promise<string> {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function digests(request: DecodeRequest): Promise<DecodeDigests> {
  const jpeg = await loadBrowserJpegCodec();
  const decode = async (name: string) => {
    const response = await fetch(`${FIXTURE}/jpeg/${name}.jpg`);
    if (!response.ok) throw new Error(`${name}.jpg: HTTP ${response.status}`);
    return decodeImage(new Uint8Array(await response.arrayBuffer()), `${name}.jpg`, jpeg);
  };
  const result: DecodeDigests = { decoder: jpeg.name, decoded: {}, crops: {}, tensors: {} };
  for (const name of request.decode) {
    const image = await decode(name);
    result.decoded[name] = { width: image.width, height: image.height, sha256: await sha256(image.data) };
  }
  for (const name of request.crops) {
    const image = await decode(name);
    const regions = [undefined, ...snippetGrid(image.width, image.height, 3)];
    for (const [k, region] of regions.entries()) result.crops[`${name}_${k}`] = await sha256(clipCropPixels(image, region).data);
    result.tensors[name] = await sha256(preprocessImageAndSnippets(image, 3));
  }
  return result;
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  try {
    self.postMessage({ ok: true, digests: await digests(event.data) } satisfies FromDecodeWorker);
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies FromDecodeWorker);
  }
};
