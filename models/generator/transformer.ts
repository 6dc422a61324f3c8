import type { GraphBuilder } from './onnx-graph';
import { filledTensor, int64Tensor, normalTensor } from './tensor-data';

/**
 * The pieces of CLIP's transformer (OpenAI clip/model.py, Hugging Face modeling_clip.py), as ONNX
 * subgraphs. Parameter names follow Hugging Face's CLIP state dict so a reader can map them; linear
 * weights are stored transposed (in × out) because ONNX MatMul computes x·W.
 */
export interface TransformerShape {
  readonly width: number;
  readonly layers: number;
  readonly heads: number;
}

export interface Tower {
  readonly g: GraphBuilder;
  readonly seed: number;
}

/** '/a/b/c/Op' node names from the 'a.b.c' parameter prefix, like torch.onnx exports. */
export const nodeName = (prefix: string, op: string) => `/${prefix.replaceAll('.', '/')}/${op}`;

/** 1/√x with exactly rounded operations (`**` goes through pow, whose last bit may vary between V8s). */
export const invSqrt = (x: number) => 1 / Math.sqrt(x);

export const scalar = (g: GraphBuilder, name: string, value: number) => g.initializer(filledTensor(name, [], value));

/** x·W (+ b): W ~ N(0, std²) (CLIP's init), b = 0. */
export function linear(t: Tower, prefix: string, x: string, inOut: [number, number], std: number, bias = true): string {
  const w = t.g.initializer(normalTensor(t.seed, `${prefix}.weight`, inOut, std));
  const product = t.g.node(nodeName(prefix, 'MatMul'), 'MatMul', [x, w]);
  if (!bias) return product;
  const b = t.g.initializer(filledTensor(`${prefix}.bias`, [inOut[1]], 0));
  return t.g.node(nodeName(prefix, 'Add'), 'Add', [product, b]);
}

/** LayerNorm over the last axis, gain 1, bias 0, ε = 1e-5 (CLIP's). */
export function layerNorm(t: Tower, prefix: string, x: string, width: number): string {
  const gain = t.g.initializer(filledTensor(`${prefix}.weight`, [width], 1));
  const bias = t.g.initializer(filledTensor(`${prefix}.bias`, [width], 0));
  return t.g.node(nodeName(prefix, 'LayerNormalization'), 'LayerNormalization', [x, gain, bias], {
    axis: -1,
    epsilon: { float: 1e-5 },
  });
}

/** CLIP's activation: x · sigmoid(1.702 x). */
export function quickGelu(t: Tower, prefix: string, x: string): string {
  const k = scalar(t.g, `${prefix}.quick_gelu_k`, 1.702);
  const scaled = t.g.node(nodeName(prefix, 'QuickGelu/Mul_k'), 'Mul', [x, k]);
  const gate = t.g.node(nodeName(prefix, 'QuickGelu/Sigmoid'), 'Sigmoid', [scaled]);
  return t.g.node(nodeName(prefix, 'QuickGelu/Mul'), 'Mul', [x, gate]);
}

/** OpenAI CLIP's initialize_parameters: std of the attention, output-projection and MLP-input weights. */
function initStds(shape: TransformerShape) {
  return {
    attn: invSqrt(shape.width),
    proj: invSqrt(shape.width) * invSqrt(2 * shape.layers),
    fc: invSqrt(2 * shape.width),
  };
}

/**
 * Multi-head self-attention on x [batch, tokens, width]: softmax(q·kᵀ/√d_head + bias)·v per head,
 * then the output projection. `scoreBias` (broadcast to [batch, heads, tokens, tokens]) carries the
 * text tower's causal and padding masks.
 */
export function selfAttention(
  t: Tower,
  prefix: string,
  x: string,
  shape: TransformerShape,
  scoreBias?: string,
): string {
  const { width, heads } = shape;
  const headDim = width / heads;
  const std = initStds(shape);
  const split = t.g.initializer(int64Tensor(`${prefix}.split_heads_shape`, [0, 0, heads, headDim]));
  const projectHeads = (name: 'q' | 'k' | 'v', perm: number[]) => {
    const projected = linear(t, `${prefix}.${name}_proj`, x, [width, width], std.attn);
    const reshaped = t.g.node(nodeName(`${prefix}.${name}_proj`, 'Reshape'), 'Reshape', [projected, split]);
    return t.g.node(nodeName(`${prefix}.${name}_proj`, 'Transpose'), 'Transpose', [reshaped], { perm });
  };
  const q = projectHeads('q', [0, 2, 1, 3]); // [batch, heads, tokens, headDim]
  const kT = projectHeads('k', [0, 2, 3, 1]); // [batch, heads, headDim, tokens]
  const v = projectHeads('v', [0, 2, 1, 3]);
  const scale = scalar(t.g, `${prefix}.scale`, invSqrt(headDim));
  const qScaled = t.g.node(nodeName(prefix, 'Mul_scale'), 'Mul', [q, scale]);
  let scores = t.g.node(nodeName(prefix, 'MatMul_qk'), 'MatMul', [qScaled, kT]);
  if (scoreBias) scores = t.g.node(nodeName(prefix, 'Add_mask'), 'Add', [scores, scoreBias]);
  const weights = t.g.node(nodeName(prefix, 'Softmax'), 'Softmax', [scores], { axis: -1 });
  const context = t.g.node(nodeName(prefix, 'MatMul_v'), 'MatMul', [weights, v]);
  const merged = t.g.node(nodeName(prefix, 'Transpose_merge'), 'Transpose', [context], { perm: [0, 2, 1, 3] });
  const mergeShape = t.g.initializer(int64Tensor(`${prefix}.merge_heads_shape`, [0, 0, width]));
  const flat = t.g.node(nodeName(prefix, 'Reshape_merge'), 'Reshape', [merged, mergeShape]);
  return linear(t, `${prefix}.out_proj`, flat, [width, width], std.proj);
}

/** CLIP's residual block: x + attn(ln_1(x)), then x + mlp(ln_2(x)) with a 4× QuickGELU MLP. */
export function residualBlock(
  t: Tower,
  prefix: string,
  x: string,
  shape: TransformerShape,
  scoreBias?: string,
): string {
  const { width } = shape;
  const std = initStds(shape);
  const normed1 = layerNorm(t, `${prefix}.layer_norm1`, x, width);
  const attn = selfAttention(t, `${prefix}.self_attn`, normed1, shape, scoreBias);
  const afterAttn = t.g.node(nodeName(prefix, 'Add_attn'), 'Add', [x, attn]);
  const normed2 = layerNorm(t, `${prefix}.layer_norm2`, afterAttn, width);
  const hidden = linear(t, `${prefix}.mlp.fc1`, normed2, [width, 4 * width], std.fc);
  const mlp = linear(t, `${prefix}.mlp.fc2`, quickGelu(t, `${prefix}.mlp`, hidden), [4 * width, width], std.proj);
  return t.g.node(nodeName(prefix, 'Add_mlp'), 'Add', [afterAttn, mlp]);
}

export function encoder(t: Tower, prefix: string, x: string, shape: TransformerShape, scoreBias?: string): string {
  let hidden = x;
  for (let layer = 0; layer < shape.layers; layer++) {
    hidden = residualBlock(t, `${prefix}.layers.${layer}`, hidden, shape, scoreBias);
  }
  return hidden;
}
