/// <reference lib="webworker" />
import { indexImageFiles } from '../../src/core/voc/voc-image-files';
import { loadVocDataset } from '../../src/core/voc';
import { sourceOfRef } from '../../src/worker/pipeline/open-dataset';
import type { Figures } from './bench-protocol';
import { GRID, vocMini } from './bench-setup';
import { peerCropDifferences } from './transformersjs-crops';
import { openTransformersJs, type TransformersJsPeer } from './transformersjs-setup';
import { peerPass } from './transformersjs-timing';

/**
 * The peer's own worker, so transformers.js and its onnxruntime-web never share a realm with the
 * lab's: `open` loads it (threads as the lab's run), `pass` times voc-mini's images in the lab's
 * order, `crops` compares its preprocessing with Pillow's.
 */
export type ToPeerWorker =
  | { readonly type: 'open'; readonly hubUrl: string; readonly threads: number }
  | { readonly type: 'pass'; readonly limit: number | null }
  | { readonly type: 'crops' };

let peer: TransformersJsPeer | null = null;

async function handle(request: ToPeerWorker): Promise<Figures> {
  if (request.type === 'open') {
    peer = await openTransformersJs(request.hubUrl, request.threads);
    return { version: peer.version, onnxRuntime: peer.onnxRuntimeVersion };
  }
  if (!peer) throw new Error('transformers.js was not opened');
  if (request.type === 'crops') return peerCropDifferences(peer);
  const source = sourceOfRef(vocMini());
  const dataset = await loadVocDataset(source, {});
  const files = await indexImageFiles(source);
  const ids = dataset.ids.map(String).slice(0, request.limit ?? undefined);
  const { ms, modelMs, crops } = await peerPass(peer, source, ids.map((id) => files.get(id)!), GRID);
  return { ms, modelMs, crops, images: ids.length };
}

self.onmessage = async (event: MessageEvent<ToPeerWorker>) => {
  try {
    self.postMessage({ type: 'done', figures: await handle(event.data) });
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};
