/// <reference lib="webworker" />
import { cosineHandler } from './cosine-handler';
import type { ToCosineWorker } from './cosine-protocol';

/** A cosine worker of the pipeline worker's pool (cosine-pool.ts). */
const handle = cosineHandler((message, transfer) => self.postMessage(message, { transfer }));
self.onmessage = (event: MessageEvent<ToCosineWorker>) => handle(event.data);
