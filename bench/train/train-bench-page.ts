import { round } from '../measure';
import { cpuEpochMs } from './cpu-timing';
import { gpuEpochMs, openGpuContext } from './gpu-timing';
import { chooseTfjsBackend, releaseTfjs, tfjsEpochMs, tfjsVersion } from './tfjs-timing';
import { benchSettings, BATCH, CLASSES, DIM, IMAGES, MLP_HIDDEN, note, syntheticTrainingData, type EpochTiming } from './train-data';

/**
 * The `train.*` figures, gathered in the browser for bench/train-bench.ts (which calls
 * window.cdulTrainBench() and prints what it returns). Not part of the app: only the bench's own
 * server opens this page. One CDUL epoch on the same synthetic data, three ways, one after the other
 * on the page's main thread: the lab's GpuTrainer (WebGPU), its CpuTrainer (JS) and TensorFlow.js.
 */
declare global {
  interface Window {
    cdulTrainBench?: () => Promise<Figures>;
  }
}

type Figures = Record<string, number | string | null>;

/**
 * At most this many timed epochs per figure, after one warm-up; slow paths get fewer, down to a single
 * epoch (SLOW_EPOCH_MS and TIMED_BUDGET_MS in train-data.ts), so the group stays near three minutes.
 */
const MAX_EPOCHS = 5;
const HEADS = [
  { head: 'linear', suffix: '' },
  { head: 'mlp', suffix: `_mlp${MLP_HIDDEN}` },
] as const;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function trainBench(): Promise<Figures> {
  note(`synthetic data: ${IMAGES} × ${DIM} → ${CLASSES} classes, batches of ${BATCH}`);
  const data = syntheticTrainingData();
  const figures: Figures = { 'train.images': IMAGES, 'train.dim': DIM, 'train.classes': CLASSES, 'train.batch': BATCH };
  const record = (path: string, suffix: string, timing: EpochTiming | null) => {
    figures[`train.epoch_ms_${path}${suffix}`] = timing ? round(timing.ms, 1) : null;
    figures[`train.timed_epochs_${path}${suffix}`] = timing?.timedEpochs ?? null;
    figures[`train.warmup_epochs_${path}${suffix}`] = timing?.warmUpEpochs ?? null;
    figures[`train.epoch1_loss_${path}${suffix}`] = timing ? round(timing.firstLoss, 5) : null;
  };

  // WebGPU: the lab's GpuTrainer on the adapter GpuContext picks (a fresh trainer per head, same context).
  try {
    const ctx = await openGpuContext();
    figures['train.webgpu_adapter'] = ctx.adapterName;
    try {
      for (const { head, suffix } of HEADS) record('webgpu', suffix, await gpuEpochMs(ctx, data, head, MAX_EPOCHS));
    } finally {
      ctx.destroy();
    }
  } catch (error) {
    note(`webgpu: ${message(error)}`);
    figures['train.webgpu_error'] = message(error);
    for (const { suffix } of HEADS) figures[`train.epoch_ms_webgpu${suffix}`] ??= null;
  }

  figures['train.cpu_engine'] = 'JS in Chromium (CpuTrainer, main thread)';
  for (const { head, suffix } of HEADS) record('cpu', suffix, await cpuEpochMs(data, head, MAX_EPOCHS));

  try {
    const { backend, adapter, failures } = await chooseTfjsBackend();
    for (const failure of failures) note(`tfjs backend ${failure}`);
    figures['train.tfjs_backend'] = backend;
    figures['train.tfjs_adapter'] = adapter;
    figures['train.tfjs_version'] = tfjsVersion();
    if (failures.length) figures['train.tfjs_backends_failed'] = failures.join('; ');
    for (const { head, suffix } of HEADS) record('tfjs', suffix, await tfjsEpochMs(data, benchSettings(head, MAX_EPOCHS + 1), MAX_EPOCHS));
  } catch (error) {
    note(`tfjs: ${message(error)}`);
    figures['train.tfjs_error'] = message(error);
    for (const { suffix } of HEADS) figures[`train.epoch_ms_tfjs${suffix}`] ??= null;
  } finally {
    releaseTfjs();
  }
  return figures;
}

window.cdulTrainBench = trainBench;
