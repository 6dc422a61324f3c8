import { expect, test, type Page } from '@playwright/test';
import {
  binaryKlLoss,
  clampProbability,
  klGradientWrtLogits,
  latentUpdate,
  logit,
  psi,
  sigmoid as sigmoidScalar,
} from '../src/core/cdul/alignment-reference';
import { adamStep } from '../src/gpu/kernels/reference/adam';
import { gatherRows } from '../src/gpu/kernels/reference/gather-rows';
import { biasAdd, columnReduce, matmul, relu, reluBackward, rowReduce, sigmoid } from '../src/gpu/kernels/reference/linear-algebra';
import { randomFloat32 } from '../src/gpu/kernels/reference/random';
import type { HarnessResult, KernelCase, KernelOutputs } from './support/gpu-kernel-harness';

/**
 * Every kernel of src/gpu/kernels, run in headless Chromium on its WebGPU adapter (SwiftShader here),
 * against the float64 references (src/gpu/kernels/reference, src/core/cdul/alignment-reference.ts) on
 * seeded random data, with shapes that are not multiples of the 16×16 tile or the 256-wide workgroup.
 *
 * Tolerances are error bounds of the float32 algorithm, not fudge factors. WGSL's "correctly rounded"
 * +, −, × may return either float32 neighbour of the exact result (no rounding mode is specified; see
 * the WebGPU CTS's correctlyRoundedF32), so each operation errs by up to u = 2⁻²³ relative (not the
 * round-to-nearest 2⁻²⁴), and γₙ = n·u / (1 − n·u). A sum evaluated with at most d additions in any chain (any order)
 * errs by at most γ_d · Σ|terms| (Higham, Accuracy and Stability, §3.1):
 * - matmul: each C[i, j] is a serial sum of k products → γ_k · Σₜ |A[i, t]|·|B[t, j]|;
 * - reductions: each of 256 invocations sums ⌈n/256⌉ terms, then 8 tree levels, then ×scale → γ_{⌈n/256⌉+10} · Σ|x|·scale;
 * - bias add: one rounding → u·|ref|; ReLU and its backward are exact;
 * - transcendental kernels use the WGSL accuracy bounds: exp (3 + 2|x|) ULP, log 2⁻²¹ absolute in [½, 2]
 *   else 3 ULP, division 2.5 ULP (ULP = 2⁻²³ relative) — each bound is written beside its check.
 * The inputs are float32-exact, so the reference sees exactly the numbers the GPU sees.
 */

const U = 2 ** -23;
const ULP = 2 ** -23;
const gamma = (n: number) => (n * U) / (1 - n * U);
const reductionDepth = (n: number) => Math.ceil(n / 256) + 10;

interface CheckSummary {
  readonly name: string;
  readonly count: number;
  readonly maxError: number;
  /** Largest error / tolerance: below 1 passes. */
  readonly worstRatio: number;
}

const summaries: CheckSummary[] = [];

/** Compares element-wise; every element must be within its tolerance (NaN fails). */
function check(name: string, got: readonly number[] | undefined, want: ArrayLike<number>, tolerance: (index: number) => number) {
  expect(got, `${name}: output missing`).toBeDefined();
  expect(got!.length, `${name}: length`).toBe(want.length);
  let maxError = 0;
  let worstRatio = 0;
  const failures: string[] = [];
  for (let index = 0; index < want.length; index++) {
    const error = Math.abs(got![index]! - want[index]!);
    const allowed = tolerance(index);
    if (!(error <= allowed)) {
      if (failures.length < 5) failures.push(`[${index}] got ${got![index]} want ${want[index]} (error ${error}, tolerance ${allowed})`);
      worstRatio = Number.POSITIVE_INFINITY;
    } else if (allowed > 0) {
      worstRatio = Math.max(worstRatio, error / allowed);
    }
    maxError = Math.max(maxError, Number.isNaN(error) ? Number.POSITIVE_INFINITY : error);
  }
  summaries.push({ name, count: want.length, maxError, worstRatio });
  expect(failures, `${name}: elements outside tolerance`).toEqual([]);
}

const abs = (values: ArrayLike<number>) => Float64Array.from(values as ArrayLike<number>, Math.abs);
const list = (values: ArrayLike<number>) => Array.from(values);

async function runOnGpu(page: Page, cases: KernelCase[]): Promise<HarnessResult> {
  const result = await page.evaluate(async (kernelCases) => {
    const url = '/e2e/support/gpu-kernel-harness.ts';
    const harness = (await import(/* @vite-ignore */ url)) as typeof import('./support/gpu-kernel-harness');
    return harness.runKernelCases(kernelCases);
  }, cases);
  expect(result.outputs).toHaveLength(cases.length);
  test.info().annotations.push({ type: 'WebGPU adapter', description: result.adapterName });
  return result;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/gpu-kernels.html');
});

test.afterAll(() => {
  // The measured errors, for the record (docs and reports quote them).
  for (const s of summaries) {
    console.log(`  ${s.name.padEnd(48)} n=${String(s.count).padStart(6)}  max error ${s.maxError.toExponential(2)}  worst error/tolerance ${s.worstRatio.toFixed(3)}`);
  }
});

test('the kernels run on a WebGPU adapter', async ({ page }) => {
  const adapter = await page.evaluate(async () => {
    const gpu = navigator.gpu;
    if (!gpu) return null;
    const found = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    return found ? { vendor: found.info.vendor, architecture: found.info.architecture, description: found.info.description } : null;
  });
  // An adapter is required (the e2e Chromium runs with --enable-unsafe-webgpu): no silent CPU fallback.
  expect(adapter, 'navigator.gpu.requestAdapter() returned no adapter').not.toBeNull();
  const name = [adapter!.vendor, adapter!.architecture, adapter!.description].filter(Boolean).join(' · ');
  console.log(`  WebGPU adapter: ${name}`);
  test.info().annotations.push({ type: 'WebGPU adapter', description: name });
  // The context the kernels use reports the same adapter, and its buffers and cache work.
  const { adapterName, outputs } = await runOnGpu(page, [{ kind: 'contextRoundTrip' }]);
  expect(adapterName).toContain(adapter!.vendor);
  expect(outputs[0]!.slice).toEqual([0, 1, 2, 3, 0]);
  expect(outputs[0]!.whole).toEqual([0, 0, 0, 0, 1, 2, 3, 0, 0, 0]);
  expect(outputs[0]!.samePipeline).toEqual([1]);
  expect(outputs[0]!.otherPipeline).toEqual([0]);
  // Every GPU object carries its kernel's name, so the GPU's own errors say which kernel failed.
  const text = (codes: number[] | undefined) => String.fromCharCode(...codes!);
  expect(text(outputs[0]!.pipelineLabel)).toBe('ReLU.pipeline');
  expect(text(outputs[0]!.validationError)).toContain('ReLU.bindGroup');
});

test('element-wise kernels cover grids beyond 65,535 workgroups (x and y)', async ({ page }) => {
  const count = 65_536 * 256 + 3; // 65,537 workgroups of 256: the grid spills into y
  const { outputs } = await runOnGpu(page, [{ kind: 'largeRelu', count }]);
  expect(outputs[0]!.count).toEqual([count]);
  expect(outputs[0]!.mismatches, `first mismatch at ${outputs[0]!.firstMismatch}`).toEqual([0]);
});

const MATMUL_SHAPES = [
  { m: 1, n: 1, k: 1 },
  { m: 17, n: 29, k: 33 },
  { m: 257, n: 20, k: 130 },
  { m: 32, n: 48, k: 64 },
];
const TRANSPOSITIONS = [
  { transposeA: false, transposeB: false, label: 'A·B' },
  { transposeA: true, transposeB: false, label: 'Aᵀ·B' },
  { transposeA: false, transposeB: true, label: 'A·Bᵀ' },
  { transposeA: true, transposeB: true, label: 'Aᵀ·Bᵀ' },
];

for (const kernel of ['tiled', 'rows'] as const) test(`matmul (${kernel}): A·B, Aᵀ·B, A·Bᵀ, Aᵀ·Bᵀ within γ_k · Σ|A||B|`, async ({ page }) => {
  const cases: KernelCase[] = [];
  const expected: { name: string; values: Float64Array; bound: Float64Array; k: number }[] = [];
  MATMUL_SHAPES.forEach((shape, shapeIndex) => {
    TRANSPOSITIONS.forEach(({ transposeA, transposeB, label }, variant) => {
      const seed = 1000 + 10 * shapeIndex + variant;
      const a = randomFloat32(seed, shape.m * shape.k);
      const b = randomFloat32(seed + 500, shape.k * shape.n);
      const full = { ...shape, transposeA, transposeB };
      cases.push({ kind: 'matmul', ...full, variant: kernel, a: list(a), b: list(b) });
      expected.push({
        name: `matmul ${kernel} ${label} ${shape.m}×${shape.k}·${shape.k}×${shape.n}`,
        values: matmul(a, b, full),
        bound: matmul(abs(a), abs(b), full),
        k: shape.k,
      });
    });
  });
  const { outputs } = await runOnGpu(page, cases);
  expected.forEach((want, index) => {
    check(want.name, outputs[index]!.c, want.values, (i) => gamma(want.k) * want.bound[i]!);
  });
});

const MATRIX_SHAPES = [
  { rows: 1, cols: 1 },
  { rows: 17, cols: 33 },
  { rows: 257, cols: 130 },
  { rows: 3, cols: 1000 },
  { rows: 1000, cols: 3 },
];

test('bias add (u·|ref|) and the bias gradient, a column sum (γ_{⌈rows/256⌉+10} · Σ|dY|)', async ({ page }) => {
  const cases: KernelCase[] = [];
  MATRIX_SHAPES.forEach(({ rows, cols }, index) => {
    cases.push({ kind: 'biasAdd', rows, cols, matrix: list(randomFloat32(2000 + index, rows * cols)), bias: list(randomFloat32(2100 + index, cols)) });
    cases.push({ kind: 'biasGradient', rows, cols, gradOutput: list(randomFloat32(2200 + index, rows * cols, -0.5, 1)) });
  });
  const { outputs } = await runOnGpu(page, cases);
  MATRIX_SHAPES.forEach(({ rows, cols }, index) => {
    const add = cases[2 * index] as Extract<KernelCase, { kind: 'biasAdd' }>;
    const wantAdd = biasAdd(add.matrix, add.bias, rows, cols);
    check(`bias add ${rows}×${cols}`, outputs[2 * index]!.out, wantAdd, (i) => U * Math.abs(wantAdd[i]!));
    const grad = cases[2 * index + 1] as Extract<KernelCase, { kind: 'biasGradient' }>;
    const bound = columnReduce(abs(grad.gradOutput), rows, cols);
    check(`bias gradient ${rows}×${cols}`, outputs[2 * index + 1]!.out, columnReduce(grad.gradOutput, rows, cols), (j) => gamma(reductionDepth(rows)) * bound[j]!);
  });
});

test('column, row and total sums and means within γ_{⌈n/256⌉+10} · Σ|x| · scale', async ({ page }) => {
  const cases: KernelCase[] = [];
  const expected: { name: string; values: Float64Array; bound: Float64Array; depth: number }[] = [];
  MATRIX_SHAPES.forEach(({ rows, cols }, shapeIndex) => {
    // Mostly positive data, so that a dropped or doubled element shows far above the bound.
    const input = randomFloat32(3000 + shapeIndex, rows * cols, -0.5, 1);
    for (const mean of [false, true]) {
      for (const axis of ['column', 'row', 'total'] as const) {
        cases.push({ kind: 'reduce', axis, mean, rows, cols, input: list(input) });
        const name = `${axis} ${mean ? 'mean' : 'sum'} ${rows}×${cols}`;
        if (axis === 'column') {
          expected.push({ name, values: columnReduce(input, rows, cols, mean), bound: columnReduce(abs(input), rows, cols, mean), depth: reductionDepth(rows) });
        } else if (axis === 'row') {
          expected.push({ name, values: rowReduce(input, rows, cols, mean), bound: rowReduce(abs(input), rows, cols, mean), depth: reductionDepth(cols) });
        } else {
          const flat = rowReduce(input, 1, rows * cols, mean);
          expected.push({ name, values: flat, bound: rowReduce(abs(input), 1, rows * cols, mean), depth: reductionDepth(rows * cols) });
        }
      }
    }
  });
  const { outputs } = await runOnGpu(page, cases);
  expected.forEach((want, index) => check(want.name, outputs[index]!.out, want.values, (i) => gamma(want.depth) * want.bound[i]!));
});

const ELEMENT_COUNTS = [1, 17 * 33, 257 * 130];

test('ReLU and its backward pass are exact; sigmoid within (8 + 2|x|) ULP relative', async ({ page }) => {
  const cases: KernelCase[] = [];
  ELEMENT_COUNTS.forEach((count, index) => {
    const x = randomFloat32(4000 + index, count, -30, 30);
    // Exact zeros (ReLU's kink) and the extremes of the sigmoid's two branches.
    [0, -0, 30, -30, 1e-30, -1e-30, 88, -88].forEach((special, at) => {
      if (at * 7 < count) x[at * 7] = special;
    });
    cases.push({ kind: 'relu', input: list(x) });
    cases.push({ kind: 'sigmoid', input: list(x) });
    cases.push({ kind: 'reluBackward', preActivation: list(x), gradOutput: list(randomFloat32(4100 + index, count)) });
  });
  const { outputs } = await runOnGpu(page, cases);
  ELEMENT_COUNTS.forEach((count, index) => {
    const x = (cases[3 * index] as Extract<KernelCase, { kind: 'relu' | 'sigmoid' }>).input;
    check(`relu n=${count}`, outputs[3 * index]!.out, relu(x), () => 0);
    // exp: (3 + 2|x|) ULP; 1 + e: ½ ULP; division 2.5 ULP; e·s: ½ ULP → 6.5 + 2|x|, rounded up to 8 + 2|x|.
    // Plus 1e-37 absolute: σ(−88) ≈ 6e-39 is subnormal and the GPU may flush it to zero.
    const want = sigmoid(x);
    check(`sigmoid n=${count}`, outputs[3 * index + 1]!.out, want, (i) => (8 + 2 * Math.abs(x[i]!)) * ULP * want[i]! + 1e-37);
    const backward = cases[3 * index + 2] as Extract<KernelCase, { kind: 'reluBackward' }>;
    check(`relu backward n=${count}`, outputs[3 * index + 2]!.out, reluBackward(backward.preActivation, backward.gradOutput), () => 0);
  });
});

/** Pseudo labels in [0, 1] with exact 0s and 1s, predictions σ(s) for s ∈ [−16, 16] with exact 0s and 1s. */
function labelsAndPredictions(seed: number, count: number): { y: Float32Array; p: Float32Array } {
  const y = randomFloat32(seed, count, 0, 1);
  const logits = randomFloat32(seed + 1, count, -16, 16);
  const p = Float32Array.from(logits, (s) => sigmoidScalar(s));
  const specials = [0, 1, 0.5, 1e-7, 1 - 2 ** -24, 1e-6];
  for (let index = 0; index < count; index += 13) {
    y[index] = specials[(index / 13) % specials.length]!;
    p[(index * 7) % count] = specials[(index / 13 + 2) % specials.length]!;
  }
  return { y, p };
}

const LOG_ABSOLUTE = 2 ** -21;

test('binary KL: loss and ∂L/∂logits as alignment-reference.ts', async ({ page }) => {
  const variants = [
    { count: 1, labels: 1 },
    { count: 17 * 33, labels: 17 * 33 },
    { count: 257 * 20, labels: 257 * 20 },
    { count: 257 * 130, labels: 2 * 257 * 130 }, // a mean over more labels than this array holds
  ];
  const cases: KernelCase[] = variants.map(({ count, labels }, index) => {
    const { y, p } = labelsAndPredictions(5000 + 10 * index, count);
    return { kind: 'binaryKl', y: list(y), p: list(p), ...(labels !== count ? { count: labels } : {}) };
  });
  const { outputs } = await runOnGpu(page, cases);
  variants.forEach(({ count, labels }, index) => {
    const { y, p } = cases[index] as Extract<KernelCase, { kind: 'binaryKl' }>;
    const scale = count / labels;
    // Per term y·(log y − log p) + (1−y)·(log(1−y) − log(1−p)) (clamped): each log errs by at most
    // 2⁻²¹ + 3 ULP·|log|; with the products and sums, ≤ 1e-6 · (1 + y(|log y|+|log p|) + (1−y)(…)).
    let termBound = 0;
    let termSum = 0;
    for (let k = 0; k < count; k++) {
      const yc = clampProbability(y[k]!);
      const pc = clampProbability(p[k]!);
      termBound += 1e-6 * (1 + yc * (Math.abs(Math.log(yc)) + Math.abs(Math.log(pc))) + (1 - yc) * (Math.abs(Math.log(1 - yc)) + Math.abs(Math.log(1 - pc))));
      termSum += yc * Math.log(yc / pc) + (1 - yc) * Math.log((1 - yc) / (1 - pc));
    }
    // What the 1e-6 covers: two logs' absolute parts per branch (weights y and 1 − y sum to 1), and
    // 3 ULP of each |log| plus the roundings of the difference and the product.
    expect(2 * LOG_ABSOLUTE).toBeLessThan(1e-6);
    expect(3 * ULP + 2 * U).toBeLessThan(1e-6);
    const lossBound = (termBound + gamma(reductionDepth(count)) * termSum) / labels;
    check(`binary KL loss n=${count} (mean over ${labels})`, outputs[index]!.loss, [binaryKlLoss(y, p) * scale], () => lossBound);
    // (p − y) · f32(1/count): subtraction, representation of 1/count, multiplication → 3u; use 4u.
    const gradient = klGradientWrtLogits(y, p).map((value) => value * scale);
    check(`binary KL ∂L/∂logits n=${count}`, outputs[index]!.gradLogits, gradient, (k) => 4 * U * Math.abs(gradient[k]!));
  });
});

const ADAM_VARIANTS = [
  { count: 1, step: 1, settings: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, fresh: true },
  { count: 17 * 33, step: 7, settings: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, fresh: false },
  { count: 257 * 130, step: 1, settings: { learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 }, fresh: true },
  { count: 4099, step: 1234, settings: { learningRate: 3e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, fresh: false },
];

test('Adam: one fused step with bias correction at step t', async ({ page }) => {
  const cases: KernelCase[] = ADAM_VARIANTS.map(({ count, step, settings, fresh }, index) => {
    const grads = randomFloat32(6000 + index, count);
    return {
      kind: 'adam',
      params: list(randomFloat32(6100 + index, count)),
      grads: list(grads),
      m: fresh ? new Array<number>(count).fill(0) : list(randomFloat32(6200 + index, count, -0.5, 0.5)),
      v: fresh ? new Array<number>(count).fill(0) : list(randomFloat32(6300 + index, count, 0, 0.3)),
      step,
      settings,
    };
  });
  const { outputs } = await runOnGpu(page, cases);
  ADAM_VARIANTS.forEach(({ count, step, settings }, index) => {
    const c = cases[index] as Extract<KernelCase, { kind: 'adam' }>;
    const want = adamStep(c, c.grads, step, settings);
    const { beta1, beta2, epsilon, learningRate } = settings;
    const mTerms = c.m.map((m, i) => Math.abs(beta1 * m) + Math.abs((1 - beta1) * c.grads[i]!));
    const vTerms = c.v.map((v, i) => beta2 * v + (1 - beta2) * c.grads[i]! ** 2);
    // m, v: coefficients rounded to float32, a product each, a sum, g² → 4u of the terms' magnitudes.
    check(`adam m n=${count} t=${step}`, outputs[index]!.m, want.m, (i) => 4 * U * mTerms[i]!);
    check(`adam v n=${count} t=${step}`, outputs[index]!.v, want.v, (i) => 4 * U * vTerms[i]!);
    // θ: the step lr·m̂/(√v̂+ε) is a handful of correctly rounded ops plus sqrt (≤ 2.5 ULP): 1e-5 relative
    // to its magnitude with |m| replaced by its terms (cancellation in m), plus the final subtraction.
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    const stepBound = want.v.map((v, i) => (learningRate * (mTerms[i]! / c1)) / (Math.sqrt(v / c2) + epsilon));
    check(`adam θ n=${count} t=${step}`, outputs[index]!.params, want.params, (i) => 2 * U * Math.abs(want.params[i]!) + 1e-5 * stepBound[i]!);
  });
});

test('pseudo-label update z ← z − min(η ψ(σ(z)), 1) (logit(σ(z)) − logit(p)) as latentUpdate', async ({ page }) => {
  const variants = [
    { count: 1, eta: 1, sigma: 1 },
    { count: 17 * 33, eta: 1, sigma: 0.2 },
    { count: 257 * 130, eta: 0.5, sigma: 0.1 },
    { count: 257 * 20, eta: 2, sigma: 1 },
  ];
  const limit = logit(1);
  const cases: KernelCase[] = variants.map(({ count, eta, sigma }, index) => {
    const { p } = labelsAndPredictions(7000 + 10 * index, count);
    const z = randomFloat32(7100 + index, count, -20, 20);
    [0, limit, -limit, 40, -40, 1e-3].forEach((special, at) => {
      if (at * 11 < count) z[at * 11] = special;
    });
    return { kind: 'pseudoLabelUpdate', z: list(z), p: list(p), eta, sigma };
  });
  const { outputs } = await runOnGpu(page, cases);
  variants.forEach(({ count, eta, sigma }, index) => {
    const { z, p } = cases[index] as Extract<KernelCase, { kind: 'pseudoLabelUpdate' }>;
    const want = latentUpdate(z, p, { eta, sigma });
    check(`pseudo-label update n=${count} η=${eta} σ=${sigma}`, outputs[index]!.z, want, (k) => {
      const y = sigmoidScalar(z[k]!);
      const weight = Math.min(eta * psi(y, sigma), 1);
      const logitY = logit(y);
      const logitP = logit(p[k]!);
      const step = Math.abs(weight * (logitY - logitP));
      // logit(p): two logs, each ≤ 2⁻²¹ + 3 ULP·|log| → ≤ 1e-6·(2 + |logit p| + |log p| …) ≈ 1e-6·(2 + |logit p|)·2;
      // ψ: exp ≤ (3 + 2·¼/(2σ²)) ULP, and σ(z) in float32 (≤ 8 ULP·y) moves ψ by |y − ½|/σ² of it.
      const psiRelative = (3 + 0.25 / sigma ** 2 + 8) * ULP + (Math.abs(y - 0.5) / sigma ** 2) * 8 * ULP * y;
      return 2 * U * (Math.abs(want[k]!) + Math.abs(z[k]!)) + weight * 2e-6 * (2 + Math.abs(logitP) + Math.abs(logitY)) + (psiRelative + 1e-6) * step;
    });
  });
});

const GATHER_VARIANTS = [
  { sourceRows: 1, cols: 1, rows: 1, offset: 0, permutation: false },
  { sourceRows: 300, cols: 37, rows: 129, offset: 50, permutation: false }, // 4,773 values: 18.6 workgroups
  { sourceRows: 150, cols: 7, rows: 150, offset: 0, permutation: true }, // an epoch's whole shuffle
  { sourceRows: 257, cols: 130, rows: 23, offset: 577, permutation: false }, // the last batch of a long order
];

/** Seeded row indices: a permutation of the source's rows, or draws with repeats of offset + rows of them. */
function gatherOrder(seed: number, variant: (typeof GATHER_VARIANTS)[number]): number[] {
  const { sourceRows, rows, offset, permutation } = variant;
  if (permutation) {
    const keys = randomFloat32(seed, sourceRows, 0, 1);
    return Array.from(keys.keys()).sort((x, y) => keys[x]! - keys[y]! || x - y);
  }
  return Array.from(randomFloat32(seed, offset + rows, 0, 1), (draw) => Math.min(Math.floor(draw * sourceRows), sourceRows - 1));
}

test('gather rows by a shuffled index: exactly the rows the reference takes', async ({ page }) => {
  const cases: KernelCase[] = GATHER_VARIANTS.map((variant, index) => {
    const { sourceRows, cols, rows, offset } = variant;
    return { kind: 'gatherRows', rows, cols, offset, source: list(randomFloat32(7500 + index, sourceRows * cols, -1e3, 1e3)), order: gatherOrder(7600 + index, variant) };
  });
  const { outputs } = await runOnGpu(page, cases);
  GATHER_VARIANTS.forEach(({ sourceRows, cols, rows, offset }, index) => {
    const c = cases[index] as Extract<KernelCase, { kind: 'gatherRows' }>;
    // A gather moves float32 values without arithmetic: any difference is a wrong row or column.
    check(`gather ${rows} of ${sourceRows}×${cols} from ${offset}`, outputs[index]!.out, gatherRows(c.source, c.order, c), () => 0);
  });
});

test('a linear head training step encoded in one compute pass and one submission', async ({ page }) => {
  const batch = 37;
  const features = 50;
  const classes = 20;
  const settings = { learningRate: 1e-2, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  const parameterCount = features * classes + classes;
  const headCase: Extract<KernelCase, { kind: 'linearHeadStep' }> = {
    kind: 'linearHeadStep',
    batch,
    features,
    classes,
    x: list(randomFloat32(8000, batch * features)),
    w: list(randomFloat32(8001, features * classes, -0.2, 0.2)),
    bias: list(randomFloat32(8002, classes, -0.5, 0.5)),
    z: list(randomFloat32(8003, batch * classes, -4, 4)),
    adamM: list(randomFloat32(8004, parameterCount, -0.05, 0.05)),
    adamV: list(randomFloat32(8005, parameterCount, 0.01, 0.05)),
    step: 3,
    settings,
    eta: 1,
    sigma: 0.3,
  };
  const { outputs } = await runOnGpu(page, [headCase]);
  const got: KernelOutputs = outputs[0]!;

  const logits = biasAdd(matmul(headCase.x, headCase.w, { m: batch, n: classes, k: features }), headCase.bias, batch, classes);
  const p = sigmoid(logits);
  const y = sigmoid(headCase.z);
  const gradLogits = klGradientWrtLogits(y, p);
  const gradW = matmul(headCase.x, gradLogits, { m: features, n: classes, k: batch, transposeA: true });
  const gradB = columnReduce(gradLogits, batch, classes);
  const gradX = matmul(gradLogits, headCase.w, { m: batch, n: features, k: classes, transposeB: true });
  const split = features * classes;
  const adamW = adamStep({ params: headCase.w, m: headCase.adamM.slice(0, split), v: headCase.adamV.slice(0, split) }, gradW, 3, settings);
  const adamB = adamStep({ params: headCase.bias, m: headCase.adamM.slice(split), v: headCase.adamV.slice(split) }, gradB, 3, settings);
  const z = latentUpdate(headCase.z, p, { eta: 1, sigma: 0.3 });

  // Composition check (ordering and visibility between the dispatches of one pass): errors compound
  // through the chain, so 1e-4 of each output's largest magnitude; a missing or stale stage is O(1).
  const relativeToMax = (name: string, want: ArrayLike<number>) => {
    const scale = Math.max(...Array.from(want, Math.abs));
    check(`linear head step: ${name}`, got[name], want, () => 1e-4 * scale);
  };
  relativeToMax('logits', logits);
  relativeToMax('p', p);
  relativeToMax('loss', [binaryKlLoss(y, p)]);
  relativeToMax('gradLogits', gradLogits);
  relativeToMax('gradW', gradW);
  relativeToMax('gradB', gradB);
  relativeToMax('gradX', gradX);
  // Parameters move by about lr per step: their error is measured against lr.
  check('linear head step: w after Adam', got.w, adamW.params, () => 1e-4 * settings.learningRate);
  check('linear head step: b after Adam', got.b, adamB.params, () => 1e-4 * settings.learningRate);
  relativeToMax('z', z);
});
