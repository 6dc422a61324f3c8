import { expect, test, type Page } from '@playwright/test';
import type { TrainingSettings } from '../src/core/training/training-settings';
import type { TrainerComparison, TrainerRun } from './support/gpu-trainer-harness';
import type { SyntheticTrainingShape } from './support/synthetic-training-data';

/**
 * The WebGPU trainer (src/gpu/training) against the CPU trainer, the float64-accumulating reference,
 * on the adapter of headless Chromium (SwiftShader here): same seeded start and shuffle, same schedule,
 * so the figures and the final state must agree up to float32 rounding — which compounds over epochs,
 * hence tolerances per quantity written beside each check. Shapes are not multiples of the 16×16 tile,
 * the 256-wide workgroup or the batch size.
 */
const SHAPE: SyntheticTrainingShape = { train: 150, val: 61, dim: 40, classes: 7, seed: 5 };

async function compare(page: Page, overrides: Partial<TrainingSettings>, stopAfter: number, matmul: 'tiled' | 'rows'): Promise<TrainerComparison> {
  return page.evaluate(
    async ([shape, settings, stop, kernel]) => {
      const url = '/e2e/support/gpu-trainer-harness.ts';
      const harness = (await import(/* @vite-ignore */ url)) as typeof import('./support/gpu-trainer-harness');
      return harness.compareTrainers(shape, settings, stop, kernel);
    },
    [SHAPE, overrides, stopAfter, matmul] as const,
  );
}

const maxDifference = (a: readonly number[], b: readonly number[]) => {
  expect(a.length).toBe(b.length);
  return a.reduce((worst, value, k) => Math.max(worst, Math.abs(value - b[k]!)), 0);
};

function expectAgreement(gpu: TrainerRun, cpu: TrainerRun) {
  expect(gpu.figures.map((f) => f.epoch)).toEqual(cpu.figures.map((f) => f.epoch));
  expect(gpu.figures.map((f) => f.labelUpdate)).toEqual(cpu.figures.map((f) => f.labelUpdate));
  expect(gpu.adamStep).toBe(cpu.adamStep);
  gpu.figures.forEach((g, i) => {
    const c = cpu.figures[i]!;
    // The loss is a mean of ~1,000 KL terms, each within a few float32 ULPs: 1e-4 relative.
    expect(Math.abs(g.loss - c.loss) / c.loss, `epoch ${g.epoch} loss ${g.loss} vs ${c.loss}`).toBeLessThan(1e-4);
    expect(Math.abs(g.labelChange - c.labelChange), `epoch ${g.epoch} label change`).toBeLessThan(1e-5);
    // mAPs are rankings: a near-tie may swap under float32 noise; one swap moves an AP by < 1 point here.
    expect(Math.abs(g.pseudoLabelMap! - c.pseudoLabelMap!), `epoch ${g.epoch} pseudo-label mAP`).toBeLessThan(1);
    expect(Math.abs(g.valMap! - c.valMap!), `epoch ${g.epoch} val mAP`).toBeLessThan(1);
    // The held-out KL is a float64 mean over the held-out labels of float32 logits: 1e-4 relative.
    if (c.heldOutLoss === null) expect(g.heldOutLoss).toBeNull();
    else expect(Math.abs(g.heldOutLoss! - c.heldOutLoss) / c.heldOutLoss, `epoch ${g.epoch} held-out KL`).toBeLessThan(1e-4);
  });
  expect(gpu.kept?.epoch, 'the kept epoch').toBe(cpu.kept?.epoch);
  expect(gpu.kept?.selectedByHeldOut).toBe(cpu.kept?.selectedByHeldOut);
  // Parameters after ~20 Adam steps of size ≤ lr: float32 noise in the gradients moves them by far less.
  gpu.params.forEach((param, i) => expect(maxDifference(param, cpu.params[i]!), `parameter ${i}`).toBeLessThan(1e-4));
  expect(maxDifference(gpu.latent, cpu.latent), 'latent pseudo labels z').toBeLessThan(1e-3);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/gpu-kernels.html');
});

for (const [head, matmul] of [['linear', 'tiled'], ['linear', 'rows'], ['mlp', 'tiled'], ['mlp', 'rows']] as const) {
  test(`the GPU trainer (${head} head, ${matmul} matmul) follows the CPU trainer epoch by epoch; stop and resume = uninterrupted`, async ({ page }) => {
    // A held-out share of 20% (30 of 150 images) for the linear head, none for the MLP: both paths of the trainer.
    const heldOut = head === 'linear' ? 0.2 : 0;
    const settings = { head, hidden: 19, epochs: 5, warmup: 1, updateEvery: 2, batchSize: 32, learningRate: 1e-2, sigma: 0.3, eta: 1, seed: 3, heldOut };
    const result = await compare(page, settings, 2, matmul);
    test.info().annotations.push({ type: 'WebGPU adapter', description: result.adapterName });
    expectAgreement(result.gpu, result.cpu);
    // Label updates at epochs 3 and 5 (warm-up 1, every 2): they move the labels, the others do not.
    expect(result.gpu.figures.map((f) => f.labelUpdate)).toEqual([false, false, true, false, true]);
    result.gpu.figures.forEach((f) => (f.labelUpdate ? expect(f.labelChange).toBeGreaterThan(1e-3) : expect(f.labelChange).toBe(0)));
    // The loss falls over the warm-up-free stretch of θ-steps.
    expect(result.gpu.figures[1]!.loss).toBeLessThan(result.gpu.figures[0]!.loss);
    // A resumed run replays the same submissions on the same data: bit for bit the uninterrupted one.
    expect(result.gpuResumed.figures).toEqual(result.gpu.figures);
    expect(result.gpuResumed.params).toEqual(result.gpu.params);
    expect(result.gpuResumed.latent).toEqual(result.gpu.latent);
    expect(result.gpuResumed.kept).toEqual(result.gpu.kept);
    expect(result.gpu.kept?.selectedByHeldOut).toBe(heldOut > 0);
    expect(result.gpu.figures.every((f) => (f.heldOutLoss !== null) === heldOut > 0)).toBe(true);
    for (const f of result.gpu.figures) {
      console.log(`  ${head} epoch ${f.epoch}: loss ${f.loss.toFixed(6)} (cpu ${result.cpu.figures[f.epoch - 1]!.loss.toFixed(6)}) pseudo-label mAP ${f.pseudoLabelMap!.toFixed(2)} val mAP ${f.valMap!.toFixed(2)} Δy ${f.labelChange.toFixed(4)}`);
    }
  });
}

test('val mAP ranks by the logits on both trainers: logits 18 and 17.5 (a float32 σ tie at 1) keep their order', async ({ page }) => {
  const maps = await page.evaluate(async () => {
    const url = '/e2e/support/gpu-trainer-harness.ts';
    const harness = (await import(/* @vite-ignore */ url)) as typeof import('./support/gpu-trainer-harness');
    return harness.confidentValMaps();
  });
  // Ranked by float32 sigmoids the positive would tie with the negative: AP 50 (see src/core/training/val-ranking.test.ts).
  expect(maps.gpu).toBeCloseTo(100, 10);
  expect(maps.cpu).toBeCloseTo(100, 10);
});
