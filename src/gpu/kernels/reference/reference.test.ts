import { describe, expect, it } from 'vitest';
import { adamStep } from './adam';
import { gatherRows } from './gather-rows';
import { biasAdd, columnReduce, matmul, relu, reluBackward, rowReduce, sigmoid } from './linear-algebra';
import { randomFloat32 } from './random';

describe('matmul reference (hand-computed)', () => {
  const a = [1, 2, 3, 4]; // [[1, 2], [3, 4]]
  const b = [5, 6, 7, 8]; // [[5, 6], [7, 8]]

  it('A·B', () => {
    expect([...matmul(a, b, { m: 2, n: 2, k: 2 })]).toEqual([19, 22, 43, 50]);
  });

  it('Aᵀ·B', () => {
    expect([...matmul(a, b, { m: 2, n: 2, k: 2, transposeA: true })]).toEqual([26, 30, 38, 44]);
  });

  it('A·Bᵀ', () => {
    expect([...matmul(a, b, { m: 2, n: 2, k: 2, transposeB: true })]).toEqual([17, 23, 39, 53]);
  });

  it('Aᵀ·Bᵀ', () => {
    // Aᵀ = [[1, 3], [2, 4]], Bᵀ = [[5, 7], [6, 8]].
    expect([...matmul(a, b, { m: 2, n: 2, k: 2, transposeA: true, transposeB: true })]).toEqual([23, 31, 34, 46]);
  });

  it('non-square shapes, with A stored transposed as [k, m]', () => {
    const x = [1, 2, 3, 4, 5, 6]; // [[1, 2, 3], [4, 5, 6]]
    const w = [1, 0, -1];
    expect([...matmul(x, w, { m: 2, n: 1, k: 3 })]).toEqual([-2, -2]);
    const xStoredTransposed = [1, 4, 2, 5, 3, 6]; // [3, 2]
    expect([...matmul(xStoredTransposed, w, { m: 2, n: 1, k: 3, transposeA: true })]).toEqual([-2, -2]);
    expect([...matmul(w, x, { m: 1, n: 2, k: 3, transposeB: true })]).toEqual([-2, -2]);
  });

  it('rejects inputs of the wrong size', () => {
    expect(() => matmul(a, b, { m: 2, n: 2, k: 3 })).toThrow(RangeError);
  });
});

describe('bias, reductions and activations references (hand-computed)', () => {
  const x = [1, 2, 3, 4]; // [[1, 2], [3, 4]]

  it('bias add broadcasts over rows', () => {
    expect([...biasAdd(x, [10, 20], 2, 2)]).toEqual([11, 22, 13, 24]);
  });

  it('column and row sums and means', () => {
    expect([...columnReduce(x, 2, 2)]).toEqual([4, 6]);
    expect([...columnReduce(x, 2, 2, true)]).toEqual([2, 3]);
    expect([...rowReduce(x, 2, 2)]).toEqual([3, 7]);
    expect([...rowReduce(x, 2, 2, true)]).toEqual([1.5, 3.5]);
    expect([...columnReduce([1, 2, 3], 1, 3)]).toEqual([1, 2, 3]);
    expect([...rowReduce([1, 2, 3], 1, 3, true)]).toEqual([2]);
  });

  it('ReLU and its backward pass (zero gradient at 0)', () => {
    expect([...relu([-1, 0, 2])]).toEqual([0, 0, 2]);
    expect([...reluBackward([-1, 0, 2], [5, 6, 7])]).toEqual([0, 0, 7]);
  });

  it('sigmoid at 0 and ±ln 3', () => {
    const [half, threeQuarters, quarter] = sigmoid([0, Math.log(3), -Math.log(3)]);
    expect(half).toBe(0.5);
    expect(threeQuarters).toBeCloseTo(0.75, 15);
    expect(quarter).toBeCloseTo(0.25, 15);
    expect(sigmoid([-800])[0]).toBe(0);
  });
});

describe('Adam reference (hand-computed)', () => {
  const settings = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 0 };

  it('a first step moves each parameter by lr against the gradient sign', () => {
    const state = adamStep({ params: [1, 1], m: [0, 0], v: [0, 0] }, [2, -2], 1, settings);
    expect([...state.m].map((value) => Number(value.toFixed(12)))).toEqual([0.2, -0.2]);
    expect([...state.v].map((value) => Number(value.toFixed(12)))).toEqual([0.004, 0.004]);
    expect(state.params[0]).toBeCloseTo(0.9, 12);
    expect(state.params[1]).toBeCloseTo(1.1, 12);
  });

  it('bias correction keeps the step at lr for a constant gradient (step 2)', () => {
    const first = adamStep({ params: [1], m: [0], v: [0] }, [2], 1, settings);
    const second = adamStep(first, [2], 2, settings);
    // m = 0.9·0.2 + 0.1·2 = 0.38, m̂ = 0.38 / 0.19 = 2; v = 0.999·0.004 + 0.001·4 = 0.007996, v̂ = 4.
    expect(second.m[0]).toBeCloseTo(0.38, 12);
    expect(second.v[0]).toBeCloseTo(0.007996, 12);
    expect(second.params[0]).toBeCloseTo(0.8, 12);
  });

  it('ε enters the denominator, and a step must be ≥ 1', () => {
    const state = adamStep({ params: [0], m: [0], v: [0] }, [1], 1, { ...settings, epsilon: 1 });
    expect(state.params[0]).toBeCloseTo(-0.05, 12); // 0.1 · 1 / (1 + 1)
    expect(() => adamStep({ params: [0], m: [0], v: [0] }, [1], 0, settings)).toThrow(RangeError);
  });
});

describe('gather-rows reference (hand-computed)', () => {
  const source = [1, 2, 3, 4, 5, 6]; // [[1, 2], [3, 4], [5, 6]]

  it('takes the rows named by order[offset …], repeats included', () => {
    expect([...gatherRows(source, [9, 2, 0, 2], { rows: 3, cols: 2, offset: 1 })]).toEqual([5, 6, 1, 2, 5, 6]);
    expect([...gatherRows(source, [1], { rows: 1, cols: 2, offset: 0 })]).toEqual([3, 4]);
    expect([...gatherRows(source, [0, 1, 2], { rows: 0, cols: 2, offset: 3 })]).toEqual([]);
  });

  it('reads a single column as a vector', () => {
    expect([...gatherRows(source, [5, 0, 3], { rows: 3, cols: 1, offset: 0 })]).toEqual([6, 1, 4]);
  });

  it('rejects ragged sources, short orders and indices outside the source', () => {
    expect(() => gatherRows([1, 2, 3], [0], { rows: 1, cols: 2, offset: 0 })).toThrow(RangeError);
    expect(() => gatherRows(source, [0, 1], { rows: 2, cols: 2, offset: 1 })).toThrow(RangeError);
    expect(() => gatherRows(source, [3], { rows: 1, cols: 2, offset: 0 })).toThrow(RangeError);
  });
});

describe('seeded test data', () => {
  it('is reproducible, float32-exact and in range', () => {
    const first = randomFloat32(7, 100, -2, 3);
    expect([...first]).toEqual([...randomFloat32(7, 100, -2, 3)]);
    expect([...first]).not.toEqual([...randomFloat32(8, 100, -2, 3)]);
    expect(first.every((value) => value >= -2 && value <= 3 && Math.fround(value) === value)).toBe(true);
  });
});
