import { CpuTrainer } from '../../core/training/cpu-trainer';
import type { Trainer, TrainerState, TrainingData } from '../../core/training/trainer';
import { createMatrix } from '../../core/types';
import type { GpuContext } from '../../gpu/gpu-context';
import { createGpuTrainer, type GpuTrainer } from '../../gpu/training/gpu-trainer';
import { trimToCheckpoint, type TrainingRecords } from './training-records';
import type { TrainingBackend, TrainingDataMessage, TrainingRunMeta, TrainingRunRecord } from '../protocol/training-protocol';

export interface TrainRunOptions {
  readonly meta: TrainingRunMeta;
  readonly data: TrainingDataMessage;
  readonly backend: TrainingBackend;
  readonly resume: boolean;
  readonly records: TrainingRecords;
  /** The worker's GPU context (created on first use); rejects when WebGPU is unavailable. */
  readonly gpu: () => Promise<GpuContext>;
  /** Called with every stored record (the worker posts it to the page). */
  readonly publish: (record: TrainingRunRecord) => void;
  readonly stopRequested: () => boolean;
}

/**
 * Trains one run to its end or until stopped, storing the record after every epoch and a checkpoint
 * at least every CHECKPOINT_INTERVAL_MS and at the end (so a reload or a crash loses at most ~2 s). WebGPU when asked for and
 * available, else the CPU, with the reason in the record; a GPU lost mid-run continues on the CPU from
 * the last finished epoch.
 */
export async function trainRun(options: TrainRunOptions): Promise<TrainingRunRecord> {
  const { meta, records } = options;
  const data = trainingData(options.data);
  const checkpoint = options.resume ? await records.checkpoint(meta.id) : undefined;
  const stored = options.resume ? await records.get(meta.id) : undefined;
  // Figures of epochs after the last checkpoint (a reload between checkpoints) are trained again.
  const previous = stored && trimToCheckpoint(stored, checkpoint?.epoch ?? 0);
  let record: TrainingRunRecord = previous ?? {
    meta,
    status: 'running',
    figures: [],
    epochMs: [],
    initialPseudoLabelMap: null,
    backend: { used: options.backend, adapter: null, note: null },
    error: null,
  };
  let trainer = await startTrainer(options, data, checkpoint, (backend) => (record = { ...record, backend }));
  record = { ...record, status: 'running', error: null, initialPseudoLabelMap: record.initialPseudoLabelMap ?? trainer.pseudoLabelMap() };
  const save = async (next: TrainingRunRecord) => {
    record = next;
    await records.put(record);
    options.publish(record);
  };
  await save(record);
  let checkpointed = { epoch: checkpoint?.epoch ?? 0, at: performance.now() };
  const saveCheckpoint = async (force: boolean) => {
    const state = await trainer.state();
    if (state.epoch === checkpointed.epoch || (!force && performance.now() - checkpointed.at < CHECKPOINT_INTERVAL_MS)) return;
    await records.putCheckpoint(meta.id, state);
    checkpointed = { epoch: state.epoch, at: performance.now() };
  };
  try {
    while (!trainer.done() && !options.stopRequested()) {
      const started = performance.now();
      let figures;
      try {
        figures = await trainer.epoch();
      } catch (error) {
        if (!isGpuTrainer(trainer)) throw error;
        // The device was lost (or the GPU failed): the last finished epoch's state goes on on the CPU.
        const state = trainer.state();
        trainer.destroy();
        trainer = new CpuTrainer(data, meta.settings, state);
        record = { ...record, backend: { used: 'cpu', adapter: null, note: `WebGPU failed at epoch ${state.epoch + 1} (${messageOf(error)}): continued on the CPU from epoch ${state.epoch}` } };
        continue;
      }
      const elapsed = performance.now() - started;
      await saveCheckpoint(trainer.done());
      await save({ ...record, figures: [...record.figures, figures], epochMs: [...record.epochMs, elapsed] });
      // Let a 'stop' message in between epochs (a CPU epoch never yields on its own).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await saveCheckpoint(true);
    await save({ ...record, status: trainer.done() ? 'finished' : 'stopped' });
  } catch (error) {
    await saveCheckpoint(true).catch(() => undefined);
    await save({ ...record, status: 'failed', error: messageOf(error) });
  } finally {
    if (isGpuTrainer(trainer)) trainer.destroy();
  }
  return record;
}

/**
 * A checkpoint (megabytes for an MLP at VOC size) is written at most this often while a run goes on,
 * and always when it ends; the small record is written after every epoch.
 */
const CHECKPOINT_INTERVAL_MS = 2000;

async function startTrainer(
  options: TrainRunOptions,
  data: TrainingData,
  checkpoint: TrainerState | undefined,
  setBackend: (backend: TrainingRunRecord['backend']) => void,
): Promise<Trainer> {
  const settings = options.meta.settings;
  if (options.backend === 'webgpu') {
    try {
      const ctx = await options.gpu();
      const trainer = await createGpuTrainer(ctx, data, settings, checkpoint);
      setBackend({ used: 'webgpu', adapter: ctx.adapterName, note: null });
      return trainer;
    } catch (error) {
      setBackend({ used: 'cpu', adapter: null, note: `WebGPU unavailable (${messageOf(error)}): training on the CPU` });
      return new CpuTrainer(data, settings, checkpoint);
    }
  }
  setBackend({ used: 'cpu', adapter: null, note: null });
  return new CpuTrainer(data, settings, checkpoint);
}

function trainingData(message: TrainingDataMessage): TrainingData {
  const classes = message.classes.length;
  const rows = message.ids.length;
  const val = message.val;
  return {
    features: createMatrix(rows, message.dim, message.features),
    initialLabels: createMatrix(rows, classes, message.initialLabels),
    classes: message.classes,
    // Without ground truth (a plain folder) the trainer reports no pseudo-label mAP.
    ...(message.truth ? { trainTruth: { rows, cols: classes, data: message.truth } } : {}),
    ...(val
      ? { val: { features: createMatrix(val.ids.length, message.dim, val.features), truth: { rows: val.ids.length, cols: classes, data: val.truth } } }
      : {}),
  };
}

function isGpuTrainer(trainer: Trainer): trainer is GpuTrainer {
  return 'destroy' in trainer;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
