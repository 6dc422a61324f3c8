/**
 * One fully connected layer out = x W + b with W stored [in, out] row-major, Float32 storage and
 * float64 accumulation of every dot product (what the WGSL matmul does with f32 inputs, minus rounding).
 */
export interface DenseShape {
  readonly inputs: number;
  readonly outputs: number;
}

/** out[r, j] = b[j] + Σ_k x[r, k] W[k, j] for `rows` rows. */
export function denseForward(x: Float32Array, rows: number, w: Float32Array, b: Float32Array, shape: DenseShape): Float32Array {
  const { inputs, outputs } = shape;
  const out = new Float32Array(rows * outputs);
  const acc = new Float64Array(outputs);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < outputs; j++) acc[j] = b[j]!;
    for (let k = 0; k < inputs; k++) {
      const xk = x[r * inputs + k]!;
      if (xk === 0) continue; // ReLU zeros: common after the hidden layer
      const row = k * outputs;
      for (let j = 0; j < outputs; j++) acc[j]! += xk * w[row + j]!;
    }
    for (let j = 0; j < outputs; j++) out[r * outputs + j] = acc[j]!;
  }
  return out;
}

export interface DenseGradients {
  readonly w: Float32Array;
  readonly b: Float32Array;
  /** ∂L/∂x, only when asked for (the first layer does not need it). */
  readonly x: Float32Array | null;
}

/** Given g = ∂L/∂out: ∂L/∂W = xᵀ g, ∂L/∂b = Σ_rows g, ∂L/∂x = g Wᵀ. */
export function denseBackward(
  x: Float32Array,
  g: Float32Array,
  rows: number,
  w: Float32Array,
  shape: DenseShape,
  needInputGradient: boolean,
): DenseGradients {
  const { inputs, outputs } = shape;
  const gw = new Float64Array(inputs * outputs);
  const gb = new Float64Array(outputs);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < outputs; j++) gb[j]! += g[r * outputs + j]!;
    for (let k = 0; k < inputs; k++) {
      const xk = x[r * inputs + k]!;
      if (xk === 0) continue;
      for (let j = 0; j < outputs; j++) gw[k * outputs + j]! += xk * g[r * outputs + j]!;
    }
  }
  return { w: Float32Array.from(gw), b: Float32Array.from(gb), x: needInputGradient ? inputGradient(g, rows, w, shape) : null };
}

function inputGradient(g: Float32Array, rows: number, w: Float32Array, shape: DenseShape): Float32Array {
  const { inputs, outputs } = shape;
  const gx = new Float32Array(rows * inputs);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < inputs; k++) {
      let sum = 0;
      for (let j = 0; j < outputs; j++) sum += g[r * outputs + j]! * w[k * outputs + j]!;
      gx[r * inputs + k] = sum;
    }
  }
  return gx;
}
