import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { headBackward, headForward, initHeadParams, type HeadShape } from './head';
import { klBatch } from './kl-loss';

const ROWS = 5;

function randomArray(length: number, random: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length }, () => (2 * random() - 1) * scale);
}

/** Mean binary KL of the head's outputs against `labels`, accumulated in float64. */
function loss(shape: HeadShape, params: Float32Array[], x: Float32Array, labels: Float32Array): number {
  return klBatch(headForward(shape, params, x, ROWS).logits, labels).lossSum / labels.length;
}

describe.each<HeadShape>([
  { kind: 'linear', inputs: 7, hidden: 0, classes: 4 },
  { kind: 'mlp', inputs: 7, hidden: 6, classes: 4 },
])('$kind head: backward pass against central finite differences of the binary-KL loss', (shape) => {
  it('matches every parameter gradient', () => {
    const random = seededRandom(11);
    const params = initHeadParams(shape, 3);
    // Non-zero biases so that the bias gradients and the ReLU mask are exercised.
    for (let i = 1; i < params.length; i += 2) params[i]!.set(randomArray(params[i]!.length, random, 0.3));
    const x = randomArray(ROWS * shape.inputs, random, 2);
    const labels = Float32Array.from({ length: ROWS * shape.classes }, () => random());
    const forward = headForward(shape, params, x, ROWS);
    const grads = headBackward(shape, params, forward, klBatch(forward.logits, labels).gradient, ROWS);
    const h = 1e-2;
    params.forEach((param, i) => {
      for (let k = 0; k < param.length; k++) {
        const saved = param[k]!;
        param[k] = saved + h;
        const up = loss(shape, params, x, labels);
        param[k] = saved - h;
        const down = loss(shape, params, x, labels);
        param[k] = saved;
        expect(grads[i]![k]!, `tensor ${i} entry ${k}`).toBeCloseTo((up - down) / (2 * h), 4);
      }
    });
  });
});

describe('head forward', () => {
  it('a linear head is x W + b, by hand', () => {
    const shape: HeadShape = { kind: 'linear', inputs: 2, hidden: 0, classes: 2 };
    const params = [Float32Array.of(1, 2, 3, 4), Float32Array.of(0.5, -1)];
    const { logits } = headForward(shape, params, Float32Array.of(1, -1, 2, 0.5), 2);
    // Row 1: [1·1 − 1·3 + 0.5, 1·2 − 1·4 − 1]; row 2: [2·1 + 0.5·3 + 0.5, 2·2 + 0.5·4 − 1].
    expect(Array.from(logits)).toEqual([-1.5, -3, 4, 5]);
  });

  it('the MLP zeroes negative hidden units (ReLU)', () => {
    const shape: HeadShape = { kind: 'mlp', inputs: 1, hidden: 2, classes: 1 };
    const params = [Float32Array.of(1, -1), Float32Array.of(0, 0), Float32Array.of(2, 3), Float32Array.of(0.25)];
    // x = 2: hidden [2, −2] → [2, 0] → 2·2 + 0·3 + 0.25.
    expect(Array.from(headForward(shape, params, Float32Array.of(2), 1).logits)).toEqual([4.25]);
  });
});
