import type { TrainingData } from '../../src/core/training/trainer';
import { GpuContext } from '../../src/gpu/gpu-context';
import { createGpuTrainer } from '../../src/gpu/training/gpu-trainer';
import { benchSettings, timeEpochs, type EpochTiming } from './train-data';

/** The lab's GpuTrainer on `ctx` (a fresh trainer per call; its buffers are not timed): ms per epoch. */
export async function gpuEpochMs(ctx: GpuContext, data: TrainingData, head: 'linear' | 'mlp', maxEpochs: number): Promise<EpochTiming> {
  const trainer = await createGpuTrainer(ctx, data, benchSettings(head, maxEpochs + 1));
  try {
    // Each GpuTrainer epoch reads its loss (and its state mirror) back before it resolves.
    return await timeEpochs(`webgpu ${head}`, async () => (await trainer.epoch()).loss, maxEpochs);
  } finally {
    trainer.destroy();
  }
}

export const openGpuContext = (): Promise<GpuContext> => GpuContext.create();
