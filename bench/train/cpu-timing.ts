import { CpuTrainer } from '../../src/core/training/cpu-trainer';
import type { TrainingData } from '../../src/core/training/trainer';
import { benchSettings, timeEpochs, type EpochTiming } from './train-data';

/** The lab's CpuTrainer (the fallback without WebGPU) on the page's main thread: median ms per epoch. */
export async function cpuEpochMs(data: TrainingData, head: 'linear' | 'mlp', maxEpochs: number): Promise<EpochTiming> {
  const trainer = new CpuTrainer(data, benchSettings(head, maxEpochs + 1));
  return timeEpochs(`cpu ${head}`, () => trainer.epoch().loss, maxEpochs);
}
