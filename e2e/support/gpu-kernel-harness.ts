/**
 * Runs in the browser (Vite dev serves it to e2e/gpu-kernels.html): executes the kernels of
 * src/gpu/kernels on the WebGPU adapter for the cases e2e/gpu-kernels.spec.ts sends, and returns the
 * float32 outputs as plain numbers for the spec to compare with the float64 references in Node.
 */
import { GpuContext } from '../../src/gpu/gpu-context';
import { encodeRelu, encodeReluBackward, encodeSigmoid, RELU_SHADER, SIGMOID_SHADER } from '../../src/gpu/kernels/activations';
import { encodeAdamStep } from '../../src/gpu/kernels/adam';
import { encodeBiasAdd, encodeBiasGradient } from '../../src/gpu/kernels/bias';
import { encodeBinaryKl } from '../../src/gpu/kernels/binary-kl';
import { encodeGatherRows } from '../../src/gpu/kernels/gather-rows';
import { encodeMatmul } from '../../src/gpu/kernels/matmul';
import { encodePseudoLabelUpdate } from '../../src/gpu/kernels/pseudo-label-update';
import { encodeColumnReduction, encodeRowReduction, encodeTotal } from '../../src/gpu/kernels/reductions';

export type KernelCase =
  | { kind: 'matmul'; m: number; n: number; k: number; transposeA: boolean; transposeB: boolean; variant: 'tiled' | 'rows'; a: number[]; b: number[] }
  | { kind: 'biasAdd'; rows: number; cols: number; matrix: number[]; bias: number[] }
  | { kind: 'biasGradient'; rows: number; cols: number; gradOutput: number[] }
  | { kind: 'reduce'; axis: 'column' | 'row' | 'total'; mean: boolean; rows: number; cols: number; input: number[] }
  | { kind: 'relu' | 'sigmoid'; input: number[] }
  /**
   * ReLU over more than 65,535 × 256 elements (the 2-D workgroup grid), on data made in the page
   * (x[i] = (i mod 1001) − 500, exact in float32) and checked there exactly: returns the mismatches.
   */
  | { kind: 'largeRelu'; count: number }
  /** GpuContext itself: upload at an offset, read back a slice, the pipeline cache, kernel labels. */
  | { kind: 'contextRoundTrip' }
  /** out = source[order[offset … offset + rows)], source [order's largest index + 1 or more, cols]. */
  | { kind: 'gatherRows'; rows: number; cols: number; offset: number; source: number[]; order: number[] }
  | { kind: 'reluBackward'; preActivation: number[]; gradOutput: number[] }
  | { kind: 'binaryKl'; y: number[]; p: number[]; count?: number }
  | {
      kind: 'adam';
      params: number[];
      grads: number[];
      m: number[];
      v: number[];
      step: number;
      settings: { learningRate: number; beta1: number; beta2: number; epsilon: number };
    }
  | { kind: 'pseudoLabelUpdate'; z: number[]; p: number[]; eta: number; sigma: number }
  | {
      /** A linear head's training step encoded into ONE compute pass and ONE submission. */
      kind: 'linearHeadStep';
      batch: number;
      features: number;
      classes: number;
      x: number[];
      w: number[];
      bias: number[];
      z: number[];
      adamM: number[];
      adamV: number[];
      step: number;
      settings: { learningRate: number; beta1: number; beta2: number; epsilon: number };
      eta: number;
      sigma: number;
    };

export type KernelOutputs = Record<string, number[]>;

export interface HarnessResult {
  readonly adapterName: string;
  readonly isFallbackAdapter: boolean;
  readonly outputs: KernelOutputs[];
  readonly milliseconds: number;
}

export async function runKernelCases(cases: KernelCase[]): Promise<HarnessResult> {
  const ctx = await GpuContext.create();
  const start = performance.now();
  try {
    const outputs: KernelOutputs[] = [];
    for (const kernelCase of cases) outputs.push(await runCase(ctx, kernelCase));
    return {
      adapterName: ctx.adapterName,
      isFallbackAdapter: Boolean((ctx.adapter.info as { isFallbackAdapter?: boolean }).isFallbackAdapter),
      outputs,
      milliseconds: performance.now() - start,
    };
  } finally {
    ctx.destroy();
  }
}

const f32 = (values: number[]) => Float32Array.from(values);

async function read(ctx: GpuContext, buffers: Record<string, GPUBuffer>, lengths: Record<string, number>): Promise<KernelOutputs> {
  const out: KernelOutputs = {};
  for (const [name, buffer] of Object.entries(buffers)) out[name] = Array.from(await ctx.read(buffer, lengths[name]));
  return out;
}

async function runCase(ctx: GpuContext, c: KernelCase): Promise<KernelOutputs> {
  switch (c.kind) {
    case 'matmul': {
      const a = ctx.createBuffer(f32(c.a));
      const b = ctx.createBuffer(f32(c.b));
      // Pre-filled with NaN: every element must be written.
      const out = ctx.createBuffer(new Float32Array(c.m * c.n).fill(Number.NaN));
      await ctx.run((pass) => encodeMatmul(ctx, pass, { a, b, c: out, m: c.m, n: c.n, k: c.k, transposeA: c.transposeA, transposeB: c.transposeB, variant: c.variant }));
      return read(ctx, { c: out }, { c: c.m * c.n });
    }
    case 'biasAdd': {
      const matrix = ctx.createBuffer(f32(c.matrix));
      const bias = ctx.createBuffer(f32(c.bias));
      await ctx.run((pass) => encodeBiasAdd(ctx, pass, { matrix, bias, rows: c.rows, cols: c.cols }));
      return read(ctx, { out: matrix }, { out: c.rows * c.cols });
    }
    case 'biasGradient': {
      const gradOutput = ctx.createBuffer(f32(c.gradOutput));
      const gradBias = ctx.createBuffer(new Float32Array(c.cols).fill(Number.NaN));
      await ctx.run((pass) => encodeBiasGradient(ctx, pass, { gradOutput, gradBias, rows: c.rows, cols: c.cols }));
      return read(ctx, { out: gradBias }, { out: c.cols });
    }
    case 'reduce': {
      const input = ctx.createBuffer(f32(c.input));
      const length = c.axis === 'column' ? c.cols : c.axis === 'row' ? c.rows : 1;
      const output = ctx.createBuffer(new Float32Array(length).fill(Number.NaN));
      await ctx.run((pass) => {
        const args = { input, output, rows: c.rows, cols: c.cols, mean: c.mean };
        if (c.axis === 'column') encodeColumnReduction(ctx, pass, args);
        else if (c.axis === 'row') encodeRowReduction(ctx, pass, args);
        else encodeTotal(ctx, pass, { input, output, length: c.rows * c.cols, scale: c.mean ? 1 / (c.rows * c.cols) : 1 });
      });
      return read(ctx, { out: output }, { out: length });
    }
    case 'relu':
    case 'sigmoid': {
      const input = ctx.createBuffer(f32(c.input));
      const output = ctx.createBuffer(new Float32Array(c.input.length).fill(Number.NaN));
      await ctx.run((pass) => encodeActivation(ctx, pass, c.kind, input, output, c.input.length));
      return read(ctx, { out: output }, { out: c.input.length });
    }
    case 'largeRelu': {
      const x = new Float32Array(c.count);
      for (let i = 0; i < c.count; i++) x[i] = (i % 1001) - 500;
      const input = ctx.createBuffer(x);
      const output = ctx.createBuffer(new Float32Array(c.count).fill(Number.NaN));
      await ctx.run((pass) => encodeRelu(ctx, pass, { input, output, count: c.count }));
      const y = await ctx.read(output, c.count);
      let mismatches = 0;
      let firstMismatch = -1;
      for (let i = 0; i < c.count; i++) {
        if (y[i] !== Math.max(x[i]!, 0)) {
          mismatches++;
          if (firstMismatch < 0) firstMismatch = i;
        }
      }
      input.destroy();
      output.destroy();
      return { mismatches: [mismatches], firstMismatch: [firstMismatch], count: [y.length] };
    }
    case 'contextRoundTrip': {
      const buffer = ctx.createBuffer(10);
      ctx.upload(buffer, Float32Array.from([1, 2, 3]), 4);
      const slice = Array.from(await ctx.read(buffer, 5, 3));
      const whole = Array.from(await ctx.read(buffer));
      // The ReLU kernel compiles RELU_SHADER first, so the cached pipeline carries its label.
      await ctx.run((pass) => encodeRelu(ctx, pass, { input: buffer, output: ctx.createBuffer(10), count: 10 }));
      const samePipeline = ctx.pipeline(RELU_SHADER) === ctx.pipeline(RELU_SHADER) ? 1 : 0;
      const otherPipeline = ctx.pipeline(RELU_SHADER) === ctx.pipeline(SIGMOID_SHADER) ? 1 : 0;
      const pipelineLabel = textCodes(ctx.pipeline(RELU_SHADER).label);
      const validationError = textCodes(await labelledValidationError(ctx));
      return { slice, whole, samePipeline: [samePipeline], otherPipeline: [otherPipeline], pipelineLabel, validationError };
    }
    case 'gatherRows': {
      const source = ctx.createBuffer(f32(c.source));
      const order = ctx.createBuffer(Uint32Array.from(c.order));
      const out = ctx.createBuffer(new Float32Array(c.rows * c.cols).fill(Number.NaN));
      await ctx.run((pass) => encodeGatherRows(ctx, pass, { source, order, out, rows: c.rows, cols: c.cols, offset: c.offset }));
      return read(ctx, { out }, { out: c.rows * c.cols });
    }
    case 'reluBackward': {
      const preActivation = ctx.createBuffer(f32(c.preActivation));
      const gradOutput = ctx.createBuffer(f32(c.gradOutput));
      const gradInput = ctx.createBuffer(new Float32Array(c.gradOutput.length).fill(Number.NaN));
      await ctx.run((pass) => encodeActivation(ctx, pass, 'reluBackward', preActivation, gradInput, c.gradOutput.length, gradOutput));
      return read(ctx, { out: gradInput }, { out: c.gradOutput.length });
    }
    case 'binaryKl': {
      const n = c.y.length;
      const y = ctx.createBuffer(f32(c.y));
      const p = ctx.createBuffer(f32(c.p));
      const terms = ctx.createBuffer(n);
      const loss = ctx.createBuffer(new Float32Array([Number.NaN]));
      const gradLogits = ctx.createBuffer(new Float32Array(n).fill(Number.NaN));
      await ctx.run((pass) => encodeBinaryKl(ctx, pass, { y, p, terms, loss, gradLogits, length: n, ...(c.count ? { count: c.count } : {}) }));
      return read(ctx, { loss, gradLogits }, { loss: 1, gradLogits: n });
    }
    case 'adam': {
      const n = c.params.length;
      const params = ctx.createBuffer(f32(c.params));
      const grads = ctx.createBuffer(f32(c.grads));
      const m = ctx.createBuffer(f32(c.m));
      const v = ctx.createBuffer(f32(c.v));
      await ctx.run((pass) => encodeAdamStep(ctx, pass, { params, grads, m, v, count: n, step: c.step, settings: c.settings }));
      return read(ctx, { params, m, v }, { params: n, m: n, v: n });
    }
    case 'pseudoLabelUpdate': {
      const z = ctx.createBuffer(f32(c.z));
      const p = ctx.createBuffer(f32(c.p));
      await ctx.run((pass) => encodePseudoLabelUpdate(ctx, pass, { z, p, count: c.z.length, eta: c.eta, sigma: c.sigma }));
      return read(ctx, { z }, { z: c.z.length });
    }
    case 'linearHeadStep':
      return runLinearHeadStep(ctx, c);
  }
}

/**
 * The message of a validation error the GPU reports for a kernel's bind group (ReLU given a buffer that
 * is not a storage buffer), which names the kernel's objects by their labels.
 */
async function labelledValidationError(ctx: GpuContext): Promise<string> {
  const notStorage = ctx.device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const output = ctx.createBuffer(4);
  try {
    await ctx.run((pass) => encodeRelu(ctx, pass, { input: notStorage, output, count: 4 }));
    return '';
  } catch (error) {
    return (error as Error).message;
  } finally {
    notStorage.destroy();
    output.destroy();
  }
}

/** Outputs are number lists: text travels as its UTF-16 code units. */
const textCodes = (text: string) => Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));

/**
 * logits S = X·W + b; P = σ(S); Y = σ(Z); loss and dS; dW = Xᵀ·dS; db = colsum(dS); dX = dS·Wᵀ;
 * Adam on W and b; Z ← pseudo-label update with P. One pass, one submission, one wait.
 */
async function runLinearHeadStep(ctx: GpuContext, c: Extract<KernelCase, { kind: 'linearHeadStep' }>): Promise<KernelOutputs> {
  const { batch, features, classes } = c;
  const labels = batch * classes;
  const x = ctx.createBuffer(f32(c.x));
  const w = ctx.createBuffer(f32(c.w));
  const b = ctx.createBuffer(f32(c.bias));
  const z = ctx.createBuffer(f32(c.z));
  const mW = ctx.createBuffer(f32(c.adamM.slice(0, features * classes)));
  const vW = ctx.createBuffer(f32(c.adamV.slice(0, features * classes)));
  const mB = ctx.createBuffer(f32(c.adamM.slice(features * classes)));
  const vB = ctx.createBuffer(f32(c.adamV.slice(features * classes)));
  const logits = ctx.createBuffer(labels);
  const p = ctx.createBuffer(labels);
  const y = ctx.createBuffer(labels);
  const terms = ctx.createBuffer(labels);
  const loss = ctx.createBuffer(1);
  const gradLogits = ctx.createBuffer(labels);
  const gradW = ctx.createBuffer(features * classes);
  const gradB = ctx.createBuffer(classes);
  const gradX = ctx.createBuffer(batch * features);
  await ctx.run((pass) => {
    encodeMatmul(ctx, pass, { a: x, b: w, c: logits, m: batch, n: classes, k: features });
    encodeBiasAdd(ctx, pass, { matrix: logits, bias: b, rows: batch, cols: classes });
    encodeActivation(ctx, pass, 'sigmoid', logits, p, labels);
    encodeActivation(ctx, pass, 'sigmoid', z, y, labels);
    encodeBinaryKl(ctx, pass, { y, p, terms, loss, gradLogits, length: labels });
    encodeMatmul(ctx, pass, { a: x, b: gradLogits, c: gradW, m: features, n: classes, k: batch, transposeA: true });
    encodeBiasGradient(ctx, pass, { gradOutput: gradLogits, gradBias: gradB, rows: batch, cols: classes });
    encodeMatmul(ctx, pass, { a: gradLogits, b: w, c: gradX, m: batch, n: features, k: classes, transposeB: true });
    encodeAdamStep(ctx, pass, { params: w, grads: gradW, m: mW, v: vW, count: features * classes, step: c.step, settings: c.settings });
    encodeAdamStep(ctx, pass, { params: b, grads: gradB, m: mB, v: vB, count: classes, step: c.step, settings: c.settings });
    encodePseudoLabelUpdate(ctx, pass, { z, p, count: labels, eta: c.eta, sigma: c.sigma });
  });
  return read(
    ctx,
    { logits, p, loss, gradLogits, gradW, gradB, gradX, w, b, z },
    { logits: labels, p: labels, loss: 1, gradLogits: labels, gradW: features * classes, gradB: classes, gradX: batch * features, w: features * classes, b: classes, z: labels },
  );
}

/** One switch for the three activation kernels (the harness's cases name them by kind). */
export function encodeActivation(
  ctx: GpuContext,
  pass: GPUComputePassEncoder,
  kind: 'relu' | 'sigmoid' | 'reluBackward',
  input: GPUBuffer,
  output: GPUBuffer,
  count: number,
  gradOutput?: GPUBuffer,
): void {
  if (kind === 'relu') encodeRelu(ctx, pass, { input, output, count });
  else if (kind === 'sigmoid') encodeSigmoid(ctx, pass, { input, output, count });
  else {
    if (!gradOutput) throw new Error('reluBackward needs gradOutput');
    encodeReluBackward(ctx, pass, { preActivation: input, gradOutput, gradInput: output, count });
  }
}
