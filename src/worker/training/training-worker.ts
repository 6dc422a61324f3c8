/// <reference lib="webworker" />
import { GpuContext } from '../../gpu/gpu-context';
import { openTrainingRecords } from './training-records';
import { trainRun } from './train-run';
import type { FromTraining, ToTraining } from '../protocol/training-protocol';

/**
 * The training worker: trains classifier heads (WebGPU kernels or the CPU) one run at a time, off the
 * page's thread and beside the pipeline worker. Runs asked for while one trains wait their turn
 * (a sweep is a queue of runs).
 */
const records = openTrainingRecords();
const post = (message: FromTraining) => self.postMessage(message);
let context: Promise<GpuContext> | null = null;
let stopRequested = false;
let queue: Promise<unknown> = Promise.resolve();

/** One GPU context for the worker's life; a lost device makes the next run create a new one. */
function gpu(): Promise<GpuContext> {
  if (!context) {
    const created = GpuContext.create();
    context = created;
    created.then(
      (ctx) => void ctx.device.lost.then(() => context === created && (context = null)),
      () => context === created && (context = null),
    );
  }
  return context;
}

self.onmessage = (event: MessageEvent<ToTraining>) => {
  const message = event.data;
  switch (message.type) {
    case 'train':
      queue = queue.then(async () => {
        stopRequested = false;
        try {
          await trainRun({ ...message, records, gpu, publish: (record) => post({ type: 'record', record }), stopRequested: () => stopRequested });
        } catch (error) {
          post({ type: 'error', runId: message.meta.id, message: error instanceof Error ? error.message : String(error) });
        }
      });
      break;
    case 'stop':
      stopRequested = true;
      break;
    case 'debug-lose-device':
      void context?.then((ctx) => ctx.device.destroy());
      break;
  }
};
