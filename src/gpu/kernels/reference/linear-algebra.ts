/**
 * Float64 CPU references of the linear-algebra kernels (matmul, bias, reductions, activations), the
 * ground truth of e2e/gpu-kernels.spec.ts. Matrices are row-major; lengths are checked.
 */
import { sigmoid as sigmoidScalar } from '../../../core/cdul/alignment-reference';

export interface MatmulShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
}

/** C = op(A)·op(B): op(A) is [m, k] (A stored [k, m] if transposed), op(B) [k, n] (B stored [n, k] if transposed). */
export function matmul(a: ArrayLike<number>, b: ArrayLike<number>, shape: MatmulShape): Float64Array {
  const { m, n, k } = shape;
  expectLength(a, m * k, 'A');
  expectLength(b, k * n, 'B');
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let t = 0; t < k; t++) {
        const av = shape.transposeA ? a[t * m + i]! : a[i * k + t]!;
        const bv = shape.transposeB ? b[j * k + t]! : b[t * n + j]!;
        sum += av * bv;
      }
      c[i * n + j] = sum;
    }
  }
  return c;
}

/** Y[i, j] + b[j] for a [rows, cols] matrix. */
export function biasAdd(matrix: ArrayLike<number>, bias: ArrayLike<number>, rows: number, cols: number): Float64Array {
  expectLength(matrix, rows * cols, 'matrix');
  expectLength(bias, cols, 'bias');
  return Float64Array.from({ length: rows * cols }, (_, index) => matrix[index]! + bias[index % cols]!);
}

/** Σᵢ X[i, j] (or the mean over i; 0 for no rows): [cols]. */
export function columnReduce(matrix: ArrayLike<number>, rows: number, cols: number, mean = false): Float64Array {
  expectLength(matrix, rows * cols, 'matrix');
  const out = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += matrix[i * cols + j]!;
    out[j] = mean && rows > 0 ? sum / rows : sum;
  }
  return out;
}

/** Σⱼ X[i, j] (or the mean over j; 0 for no columns): [rows]. */
export function rowReduce(matrix: ArrayLike<number>, rows: number, cols: number, mean = false): Float64Array {
  expectLength(matrix, rows * cols, 'matrix');
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += matrix[i * cols + j]!;
    out[i] = mean && cols > 0 ? sum / cols : sum;
  }
  return out;
}

export function relu(x: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: x.length }, (_, index) => Math.max(x[index]!, 0));
}

/** dY where the pre-activation is > 0, else 0 (0 at 0, as PyTorch). */
export function reluBackward(preActivation: ArrayLike<number>, gradOutput: ArrayLike<number>): Float64Array {
  expectLength(gradOutput, preActivation.length, 'gradOutput');
  return Float64Array.from({ length: preActivation.length }, (_, index) => (preActivation[index]! > 0 ? gradOutput[index]! : 0));
}

export function sigmoid(x: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: x.length }, (_, index) => sigmoidScalar(x[index]!));
}

function expectLength(values: ArrayLike<number>, length: number, name: string) {
  if (values.length !== length) throw new RangeError(`${name} has ${values.length} values, expected ${length}`);
}
