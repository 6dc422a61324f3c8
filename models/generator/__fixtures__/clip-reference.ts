import type { TextArchitecture, VisionArchitecture } from '../clip-architecture';
import type { TransformerShape } from '../transformer';
import type { Weights } from './onnx-weights';

/**
 * An independent float64 CLIP forward pass (written from OpenAI's clip/model.py, not from the ONNX
 * graph), run on the weights read back from the ONNX initializers. Activations are [tokens, width]
 * row-major. Linear weights are stored (in × out), as the generator documents.
 */
type Mat = Float64Array;
type Visible = (query: number, key: number) => boolean;

interface Rows {
  readonly weights: Weights;
  /** Number of tokens. */
  readonly rows: number;
}

function matmul(x: Mat, rows: number, w: Mat, inDim: number, outDim: number): Mat {
  const out = new Float64Array(rows * outDim);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < inDim; k++) {
      const a = x[r * inDim + k]!;
      for (let c = 0; c < outDim; c++) out[r * outDim + c]! += a * w[k * outDim + c]!;
    }
  }
  return out;
}

function linear(m: Rows, prefix: string, x: Mat, [inDim, outDim]: [number, number], bias = true): Mat {
  const out = matmul(x, m.rows, m.weights(`${prefix}.weight`).values, inDim, outDim);
  if (bias) {
    const b = m.weights(`${prefix}.bias`).values;
    for (let i = 0; i < out.length; i++) out[i]! += b[i % outDim]!;
  }
  return out;
}

function layerNorm(m: Rows, prefix: string, x: Mat, width: number): Mat {
  const gain = m.weights(`${prefix}.weight`).values;
  const bias = m.weights(`${prefix}.bias`).values;
  const out = new Float64Array(x.length);
  for (let r = 0; r < m.rows; r++) {
    const row = x.subarray(r * width, (r + 1) * width);
    const mean = row.reduce((s, v) => s + v, 0) / width;
    const sd = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / width + 1e-5);
    for (let c = 0; c < width; c++) out[r * width + c] = ((row[c]! - mean) / sd) * gain[c]! + bias[c]!;
  }
  return out;
}

/** Multi-head attention; `visible(i, j)` says whether query i may attend to key j. */
function attention(m: Rows, prefix: string, x: Mat, shape: TransformerShape, visible: Visible): Mat {
  const { width, heads } = shape;
  const d = width / heads;
  const project = (name: string) => linear(m, `${prefix}.${name}_proj`, x, [width, width]);
  const [q, k, v] = [project('q'), project('k'), project('v')];
  const context = new Float64Array(m.rows * width);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < m.rows; i++) {
      const scores = Array.from({ length: m.rows }, (_, j) => {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[i * width + h * d + c]! * k[j * width + h * d + c]!;
        return visible(i, j) ? dot / Math.sqrt(d) : -Infinity;
      });
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((s, e) => s + e, 0);
      for (let j = 0; j < m.rows; j++) {
        for (let c = 0; c < d; c++) context[i * width + h * d + c]! += (exps[j]! / total) * v[j * width + h * d + c]!;
      }
    }
  }
  return linear(m, `${prefix}.out_proj`, context, [width, width]);
}

const add = (a: Mat, b: Mat) => a.map((v, i) => v + b[i]!);
const quickGelu = (x: Mat) => x.map((v) => v / (1 + Math.exp(-1.702 * v)));

function transformer(m: Rows, prefix: string, x: Mat, shape: TransformerShape, visible: Visible): Mat {
  let h = x;
  const { width } = shape;
  for (let l = 0; l < shape.layers; l++) {
    const p = `${prefix}.layers.${l}`;
    h = add(h, attention(m, `${p}.self_attn`, layerNorm(m, `${p}.layer_norm1`, h, width), shape, visible));
    const hidden = linear(m, `${p}.mlp.fc1`, layerNorm(m, `${p}.layer_norm2`, h, width), [width, 4 * width]);
    h = add(h, linear(m, `${p}.mlp.fc2`, quickGelu(hidden), [4 * width, width]));
  }
  return h;
}

/** pixels: [3, S, S] (already CLIP-normalised) → image embedding. */
export function referenceImageEmbedding(weights: Weights, arch: VisionArchitecture, pixels: Float64Array): Mat {
  const { width } = arch;
  const grid = arch.imageSize / arch.patchSize;
  const m: Rows = { weights, rows: grid * grid + 1 };
  const tokens = new Float64Array(m.rows * width);
  tokens.set(weights('vision_model.embeddings.class_embedding').values, 0);
  tokens.set(patchEmbeddings(weights, arch, pixels), width);
  const embedded = add(tokens, weights('vision_model.embeddings.position_embedding.weight').values);
  const pre = layerNorm(m, 'vision_model.pre_layrnorm', embedded, width);
  const out = transformer(m, 'vision_model.encoder', pre, arch, () => true);
  const one: Rows = { weights, rows: 1 };
  const pooled = layerNorm(one, 'vision_model.post_layernorm', out.slice(0, width), width);
  return linear(one, 'visual_projection', pooled, [width, arch.projectionDim], false);
}

/** The patch Conv written as sums: token (py, px) row-major, [grid², width]. */
function patchEmbeddings(weights: Weights, arch: VisionArchitecture, pixels: Float64Array): Mat {
  const { width, patchSize: p, imageSize: s } = arch;
  const grid = s / p;
  const kernel = weights('vision_model.embeddings.patch_embedding.weight').values; // [width, 3, p, p]
  const out = new Float64Array(grid * grid * width);
  for (let patch = 0; patch < grid * grid; patch++) {
    const [y0, x0] = [Math.floor(patch / grid) * p, (patch % grid) * p];
    for (let o = 0; o < width; o++) {
      let sum = 0;
      for (let c = 0; c < 3; c++) {
        for (let ky = 0; ky < p; ky++) {
          for (let kx = 0; kx < p; kx++) {
            sum += kernel[((o * 3 + c) * p + ky) * p + kx]! * pixels[(c * s + y0 + ky) * s + x0 + kx]!;
          }
        }
      }
      out[patch * width + o] = sum;
    }
  }
  return out;
}

/** One text: ids and mask of length contextLength → text embedding (causal; padded keys hidden). */
export function referenceTextEmbedding(
  weights: Weights,
  arch: TextArchitecture,
  ids: readonly number[],
  mask: readonly number[],
): Mat {
  const { width, contextLength: n } = arch;
  const m: Rows = { weights, rows: n };
  const table = weights('text_model.embeddings.token_embedding.weight').values;
  const tokens = new Float64Array(n * width);
  ids.forEach((id, i) => tokens.set(table.subarray(id * width, (id + 1) * width), i * width));
  const embedded = add(tokens, weights('text_model.embeddings.position_embedding.weight').values);
  const out = transformer(m, 'text_model.encoder', embedded, arch, (i, j) => j <= i && mask[j] === 1);
  const normed = layerNorm(m, 'text_model.final_layer_norm', out, width);
  const end = ids.indexOf(Math.max(...ids)); // CLIP: the (first) end-of-text token, the largest id
  const pooled = normed.slice(end * width, (end + 1) * width);
  return linear({ weights, rows: 1 }, 'text_projection', pooled, [width, arch.projectionDim], false);
}
