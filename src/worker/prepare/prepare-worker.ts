/// <reference lib="webworker" />
import type { FileSource } from '../../core/dataset-source';
import { prepareChunk, type ChunkSettings } from '../../core/initialization/prepare-chunk';
import { openRefRoot } from '../pipeline/open-dataset';
import { loadBrowserJpegCodec } from './browser-jpeg-codec';
import type { FromPrepareWorker, ToPrepareWorker } from './prepare-protocol';

/**
 * A prepare worker: reads, decodes (libjpeg-turbo in WebAssembly, loaded when the dataset is opened)
 * and preprocesses chunks so that the pipeline worker's thread only feeds onnxruntime. It opens the
 * dataset itself from the reference (a URL, a directory handle, File objects), so no image bytes
 * cross threads on the way in, and it transfers the pixel buffer on the way out (into the buffer the
 * pool lends it, when it has one back from the pipeline). The pool sends one request at a time.
 */
let opened: { source: Promise<FileSource>; settings: ChunkSettings } | null = null;

const reply = (message: FromPrepareWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ToPrepareWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    const source = Promise.resolve().then(() => openRefRoot(message.dataset, message.rootPath));
    // Reported with the first request; a rejection sitting here until then is expected.
    source.catch(() => undefined);
    loadBrowserJpegCodec().catch(() => undefined);
    opened = { source, settings: message.settings };
    return;
  }
  try {
    if (!opened) throw new Error('no dataset was opened');
    const [source, jpeg] = [await opened.source, await loadBrowserJpegCodec()];
    const out = message.buffer ? new Float32Array(message.buffer) : undefined;
    const chunk = await prepareChunk(withHeartbeat(source), new Map(message.files), message.index, message.ids, opened.settings, jpeg, out);
    reply({ type: 'prepared', chunk }, [chunk.pixels.buffer]);
  } catch (error) {
    reply({ type: 'failed', index: message.index, message: error instanceof Error ? error.message : String(error) });
  }
};

/** The source, saying "alive" to the pool before each file it reads (see FromPrepareWorker). */
function withHeartbeat(source: FileSource): FileSource {
  return {
    label: source.label,
    listFiles: (dir) => source.listFiles(dir),
    listDirs: (dir) => source.listDirs(dir),
    exists: (path) => source.exists(path),
    readText: (path) => source.readText(path),
    readBytes(path) {
      reply({ type: 'alive' });
      return source.readBytes(path);
    },
  };
}
