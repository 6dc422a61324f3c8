import type { GpuContext } from '../gpu-context';
import { encodeBiasAdd, encodeBiasGradient, encodeMatmul, encodeRelu, encodeReluBackward, encodeSigmoid, type MatmulArgs, type MatmulVariant } from '../kernels';
import { headLayers, type HeadShape } from '../../core/training/head';

/**
 * The head of src/core/training/head.ts on the GPU: its parameters (W [in, out] row-major, b per layer,
 * in the CPU's order), their gradients, and the activations of up to `capacity` rows. Forward and
 * backward are *encoded* into the caller's pass, so an epoch's batches share one submission.
 */
export class GpuHead {
  readonly params: GPUBuffer[];
  readonly grads: GPUBuffer[];
  readonly sizes: number[];
  private readonly layers;
  /** Per hidden layer: pre-activation and ReLU output, `capacity` rows. */
  private readonly hiddenPre: GPUBuffer | null;
  private readonly hiddenOut: GPUBuffer | null;
  /** Backward scratch: ∂L/∂h and ∂L/∂pre of the hidden layer. */
  private readonly gradHidden: GPUBuffer | null;
  private readonly gradPre: GPUBuffer | null;

  constructor(
    private readonly ctx: GpuContext,
    readonly shape: HeadShape,
    initialParams: readonly Float32Array[],
    /** Largest number of rows one forward pass handles (train set, val set or a batch). */
    readonly capacity: number,
    /** Largest number of rows one backward pass handles (a mini-batch): the gradient scratch's size. */
    readonly batchCapacity: number,
    /** Which matmul kernel (see kernels/matmul.ts): same bits either way, different speed. */
    readonly matmul: MatmulVariant = 'tiled',
  ) {
    this.layers = headLayers(shape);
    this.sizes = this.layers.flatMap((layer) => [layer.inputs * layer.outputs, layer.outputs]);
    if (initialParams.length !== this.sizes.length) throw new RangeError(`${initialParams.length} parameter tensors for a ${shape.kind} head of ${this.sizes.length}`);
    initialParams.forEach((param, i) => {
      if (param.length !== this.sizes[i]) throw new RangeError(`parameter ${i} has ${param.length} values, the head needs ${this.sizes[i]}`);
    });
    this.params = initialParams.map((param, i) => ctx.createBuffer(param, `head param ${i}`));
    this.grads = this.sizes.map((size, i) => ctx.createBuffer(size, `head grad ${i}`));
    const mlp = shape.kind === 'mlp';
    this.hiddenPre = mlp ? ctx.createBuffer(capacity * shape.hidden, 'hidden pre-activation') : null;
    this.hiddenOut = mlp ? ctx.createBuffer(capacity * shape.hidden, 'hidden activation') : null;
    this.gradHidden = mlp ? ctx.createBuffer(batchCapacity * shape.hidden, 'hidden gradient') : null;
    this.gradPre = mlp ? ctx.createBuffer(batchCapacity * shape.hidden, 'hidden pre-activation gradient') : null;
  }

  /** logits[rows, classes] = head(x[rows, inputs]); with `probabilities`, also σ(logits) there. */
  encodeForward(pass: GPUComputePassEncoder, x: GPUBuffer, rows: number, logits: GPUBuffer, probabilities?: GPUBuffer): void {
    this.checkRows(rows);
    const ctx = this.ctx;
    const { inputs, classes, hidden } = this.shape;
    if (this.shape.kind === 'linear') {
      this.product(pass, { a: x, b: this.params[0]!, c: logits, m: rows, n: classes, k: inputs });
      encodeBiasAdd(ctx, pass, { matrix: logits, bias: this.params[1]!, rows, cols: classes });
    } else {
      const [pre, out] = [this.hiddenPre!, this.hiddenOut!];
      this.product(pass, { a: x, b: this.params[0]!, c: pre, m: rows, n: hidden, k: inputs });
      encodeBiasAdd(ctx, pass, { matrix: pre, bias: this.params[1]!, rows, cols: hidden });
      encodeRelu(ctx, pass, { input: pre, output: out, count: rows * hidden });
      this.product(pass, { a: out, b: this.params[2]!, c: logits, m: rows, n: classes, k: hidden });
      encodeBiasAdd(ctx, pass, { matrix: logits, bias: this.params[3]!, rows, cols: classes });
    }
    if (probabilities) encodeSigmoid(ctx, pass, { input: logits, output: probabilities, count: rows * classes });
  }

  /**
   * ∂L/∂params into `grads` for ∂L/∂logits = `gradLogits` [rows, classes], after `encodeForward` of the
   * same x and rows (the hidden activations are still in place).
   */
  encodeBackward(pass: GPUComputePassEncoder, x: GPUBuffer, rows: number, gradLogits: GPUBuffer): void {
    this.checkRows(rows, this.batchCapacity);
    const ctx = this.ctx;
    const { inputs, classes, hidden } = this.shape;
    if (this.shape.kind === 'linear') {
      this.product(pass, { a: x, b: gradLogits, c: this.grads[0]!, m: inputs, n: classes, k: rows, transposeA: true });
      encodeBiasGradient(ctx, pass, { gradOutput: gradLogits, gradBias: this.grads[1]!, rows, cols: classes });
      return;
    }
    const [out, gradHidden, gradPre] = [this.hiddenOut!, this.gradHidden!, this.gradPre!];
    this.product(pass, { a: out, b: gradLogits, c: this.grads[2]!, m: hidden, n: classes, k: rows, transposeA: true });
    encodeBiasGradient(ctx, pass, { gradOutput: gradLogits, gradBias: this.grads[3]!, rows, cols: classes });
    this.product(pass, { a: gradLogits, b: this.params[2]!, c: gradHidden, m: rows, n: hidden, k: classes, transposeB: true });
    // ReLU passed gradient only where its output was positive (= where the pre-activation was).
    encodeReluBackward(ctx, pass, { preActivation: out, gradOutput: gradHidden, gradInput: gradPre, count: rows * hidden });
    this.product(pass, { a: x, b: gradPre, c: this.grads[0]!, m: inputs, n: hidden, k: rows, transposeA: true });
    encodeBiasGradient(ctx, pass, { gradOutput: gradPre, gradBias: this.grads[1]!, rows, cols: hidden });
  }

  private product(pass: GPUComputePassEncoder, args: Omit<MatmulArgs, 'variant'>): void {
    encodeMatmul(this.ctx, pass, { ...args, variant: this.matmul });
  }

  destroy(): void {
    for (const buffer of [...this.params, ...this.grads, this.hiddenPre, this.hiddenOut, this.gradHidden, this.gradPre]) buffer?.destroy();
  }

  private checkRows(rows: number, capacity = this.capacity): void {
    if (!Number.isInteger(rows) || rows < 0 || rows > capacity) throw new RangeError(`${rows} rows for a head sized for ${capacity}`);
  }
}
