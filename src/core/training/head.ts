import { seededRandom } from '../seeded-random';
import { denseBackward, denseForward, type DenseShape } from './dense-layer';
import type { HeadKind } from './training-settings';

/** The classifier on frozen embeddings: linear (W, b) or MLP (W1, b1, ReLU, W2, b2); outputs are logits. */
export interface HeadShape {
  readonly kind: HeadKind;
  readonly inputs: number;
  readonly hidden: number;
  readonly classes: number;
}

/** Layer shapes in parameter order: params[2i] is W of layer i, params[2i + 1] its bias. */
export function headLayers(shape: HeadShape): DenseShape[] {
  if (shape.kind === 'linear') return [{ inputs: shape.inputs, outputs: shape.classes }];
  return [
    { inputs: shape.inputs, outputs: shape.hidden },
    { inputs: shape.hidden, outputs: shape.classes },
  ];
}

/** Weights uniform in ±1/√fan-in (PyTorch's default for Linear), biases 0, from `seed`. */
export function initHeadParams(shape: HeadShape, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return headLayers(shape).flatMap((layer) => {
    const bound = 1 / Math.sqrt(layer.inputs);
    const w = Float32Array.from({ length: layer.inputs * layer.outputs }, () => (2 * random() - 1) * bound);
    return [w, new Float32Array(layer.outputs)];
  });
}

/** Activations the backward pass needs: the input of every layer. */
export interface HeadForward {
  readonly logits: Float32Array;
  readonly layerInputs: readonly Float32Array[];
}

export function headForward(shape: HeadShape, params: readonly Float32Array[], x: Float32Array, rows: number): HeadForward {
  const layers = headLayers(shape);
  const layerInputs: Float32Array[] = [];
  let activation = x;
  layers.forEach((layer, i) => {
    layerInputs.push(activation);
    activation = denseForward(activation, rows, params[2 * i]!, params[2 * i + 1]!, layer);
    if (i < layers.length - 1) relu(activation);
  });
  return { logits: activation, layerInputs };
}

/** ∂L/∂params for ∂L/∂logits = `g`, in parameter order. */
export function headBackward(shape: HeadShape, params: readonly Float32Array[], forward: HeadForward, g: Float32Array, rows: number): Float32Array[] {
  const layers = headLayers(shape);
  const grads: Float32Array[] = new Array<Float32Array>(params.length);
  let upstream = g;
  for (let i = layers.length - 1; i >= 0; i--) {
    const input = forward.layerInputs[i]!;
    const layerGrads = denseBackward(input, upstream, rows, params[2 * i]!, layers[i]!, i > 0);
    grads[2 * i] = layerGrads.w;
    grads[2 * i + 1] = layerGrads.b;
    // Through the ReLU that produced `input`: it passed gradient only where it was positive.
    if (layerGrads.x) upstream = layerGrads.x.map((value, k) => (input[k]! > 0 ? value : 0));
  }
  return grads;
}

function relu(values: Float32Array): void {
  for (let k = 0; k < values.length; k++) if (values[k]! < 0) values[k] = 0;
}
