/**
 * Runs in the browser (served by Vite dev to e2e/gpu-kernels.html): trains the same run on the
 * WebGPU trainer and on the CPU trainer, and returns per-epoch figures and the final states as plain
 * numbers for e2e/gpu-trainer.spec.ts to compare.
 */
import { CpuTrainer } from '../../src/core/training/cpu-trainer';
import { keptEpochOf, type EpochFigures, type TrainerState, type TrainingData } from '../../src/core/training/trainer';
import { createMatrix } from '../../src/core/types';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../../src/core/training/training-settings';
import { GpuContext } from '../../src/gpu/gpu-context';
import type { MatmulVariant } from '../../src/gpu/kernels';
import { createGpuTrainer } from '../../src/gpu/training/gpu-trainer';
import { syntheticTrainingData, type SyntheticTrainingShape } from './synthetic-training-data';

export interface TrainerRun {
  readonly figures: EpochFigures[];
  readonly params: number[][];
  readonly latent: number[];
  readonly adamM: number[][];
  readonly adamStep: number;
  /** The epoch the run keeps (lowest held-out KL, else the last) and its latent z. */
  readonly kept: { readonly epoch: number; readonly selectedByHeldOut: boolean; readonly latent: number[] } | null;
}

export interface TrainerComparison {
  readonly adapterName: string;
  readonly gpu: TrainerRun;
  readonly cpu: TrainerRun;
  /** The GPU run stopped after `stopAfter` epochs and resumed from its state in a new trainer. */
  readonly gpuResumed: TrainerRun;
}

export async function compareTrainers(
  shape: SyntheticTrainingShape,
  overrides: Partial<TrainingSettings>,
  stopAfter: number,
  matmul: MatmulVariant,
): Promise<TrainerComparison> {
  const data = syntheticTrainingData(shape);
  const settings: TrainingSettings = { ...DEFAULT_TRAINING_SETTINGS, ...overrides };
  const ctx = await GpuContext.create();
  try {
    const cpu = new CpuTrainer(data, settings);
    const cpuFigures: EpochFigures[] = [];
    while (!cpu.done()) cpuFigures.push(cpu.epoch());

    const gpu = await createGpuTrainer(ctx, data, settings, undefined, { matmul });
    const gpuFigures: EpochFigures[] = [];
    while (!gpu.done()) gpuFigures.push(await gpu.epoch());

    const first = await createGpuTrainer(ctx, data, settings, undefined, { matmul });
    const resumedFigures: EpochFigures[] = [];
    for (let epoch = 0; epoch < stopAfter; epoch++) resumedFigures.push(await first.epoch());
    const saved = first.state();
    first.destroy();
    const second = await createGpuTrainer(ctx, data, settings, saved, { matmul });
    while (!second.done()) resumedFigures.push(await second.epoch());

    const result = {
      adapterName: ctx.adapterName,
      cpu: runOf(cpuFigures, cpu.state()),
      gpu: runOf(gpuFigures, gpu.state()),
      gpuResumed: runOf(resumedFigures, second.state()),
    };
    gpu.destroy();
    second.destroy();
    return result;
  } finally {
    ctx.destroy();
  }
}

function runOf(figures: EpochFigures[], state: TrainerState): TrainerRun {
  const list = (array: Float32Array) => Array.from(array);
  const kept = keptEpochOf(state);
  return {
    figures,
    params: state.params.map(list),
    latent: list(state.latent),
    adamM: state.adamM.map(list),
    adamStep: state.adamStep,
    kept: kept && { epoch: kept.epoch, selectedByHeldOut: kept.selectedByHeldOut, latent: list(kept.latent) },
  };
}

/**
 * Val mAP of one epoch on both trainers for a linear head w 1, b 0 (lr 1e-12 keeps it there) on one
 * feature: val logits 18 (positive), 17.5 and −3 (negative). float32 σ ties the first two at 1 (AP 50);
 * ranked by the logits, as both trainers must, the AP is 100.
 */
export async function confidentValMaps(): Promise<{ gpu: number | null; cpu: number | null }> {
  const data: TrainingData = {
    features: createMatrix(4, 1, Float32Array.of(1, -1, 2, -2)),
    initialLabels: createMatrix(4, 1, Float32Array.of(0.9, 0.1, 0.9, 0.1)),
    classes: ['a'],
    val: { features: createMatrix(3, 1, Float32Array.of(18, 17.5, -3)), truth: { rows: 3, cols: 1, data: Int8Array.of(1, -1, -1) } },
  };
  const zeros = () => [new Float32Array(1), new Float32Array(1)];
  const state: TrainerState = {
    epoch: 0, params: [Float32Array.of(1), Float32Array.of(0)], adamM: zeros(), adamV: zeros(), adamStep: 0,
    latent: Float32Array.of(2, -2, 2, -2), selected: null, updatesSinceSelected: 0,
  };
  const settings: TrainingSettings = { ...DEFAULT_TRAINING_SETTINGS, epochs: 1, warmup: 0, eta: 0, learningRate: 1e-12, batchSize: 4, heldOut: 0 };
  const ctx = await GpuContext.create();
  try {
    const gpu = await createGpuTrainer(ctx, data, settings, state);
    const gpuMap = (await gpu.epoch()).valMap;
    gpu.destroy();
    return { gpu: gpuMap, cpu: new CpuTrainer(data, settings, state).epoch().valMap };
  } finally {
    ctx.destroy();
  }
}
