/** Float64 reference of one Adam step (src/gpu/kernels/adam.ts): PyTorch's Adam without weight decay. */
export interface AdamReferenceSettings {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

export interface AdamState {
  readonly params: Float64Array;
  readonly m: Float64Array;
  readonly v: Float64Array;
}

/** The state after step `step` (≥ 1) with gradients `grads`; the inputs are not modified. */
export function adamStep(
  state: { readonly params: ArrayLike<number>; readonly m: ArrayLike<number>; readonly v: ArrayLike<number> },
  grads: ArrayLike<number>,
  step: number,
  settings: AdamReferenceSettings,
): AdamState {
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`Adam step must be an integer ≥ 1, got ${step}`);
  const count = state.params.length;
  for (const [name, values] of [['m', state.m], ['v', state.v], ['grads', grads]] as const) {
    if (values.length !== count) throw new RangeError(`${name} has ${values.length} values, expected ${count}`);
  }
  const { learningRate, beta1, beta2, epsilon } = settings;
  const correction1 = 1 - beta1 ** step;
  const correction2 = 1 - beta2 ** step;
  const params = new Float64Array(count);
  const m = new Float64Array(count);
  const v = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const g = grads[index]!;
    m[index] = beta1 * state.m[index]! + (1 - beta1) * g;
    v[index] = beta2 * state.v[index]! + (1 - beta2) * g * g;
    const mHat = m[index]! / correction1;
    const vHat = v[index]! / correction2;
    params[index] = state.params[index]! - (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
  }
  return { params, m, v };
}
