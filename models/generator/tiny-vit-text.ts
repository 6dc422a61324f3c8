import type { TextArchitecture } from './clip-architecture';
import { GraphBuilder, ONNX_ELEMENT_TYPE } from './onnx-graph';
import { floatTensor, int64Tensor, normalTensor } from './tensor-data';
import { encoder, invSqrt, layerNorm, linear, nodeName, scalar, type Tower } from './transformer';

/**
 * CLIP's text transformer as ONNX, with seeded random weights:
 * input_ids [batch, 77] → token embedding Gather + positions → residual blocks under a causal
 * (and padding) mask → ln_final → the hidden state at the end-of-text token → projection → text_embeds.
 */
export function buildTextTower(arch: TextArchitecture, seed: number): GraphBuilder {
  const g = new GraphBuilder('clip_text_model');
  const t: Tower = { g, seed };
  const { contextLength: n, width } = arch;
  const ids = g.input({ name: 'input_ids', type: 'int64', shape: ['batch', n] });
  const mask = g.input({ name: 'attention_mask', type: 'int64', shape: ['batch', n] });
  const prefix = 'text_model.embeddings';
  const table = g.initializer(
    normalTensor(seed, `${prefix}.token_embedding.weight`, [arch.vocabSize, width], 0.02),
  );
  const tokens = g.node(nodeName(`${prefix}.token_embedding`, 'Gather'), 'Gather', [table, ids], { axis: 0 });
  const positions = g.initializer(normalTensor(seed, `${prefix}.position_embedding.weight`, [n, width], 0.01));
  const embedded = g.node(nodeName(prefix, 'Add_positions'), 'Add', [tokens, positions]);
  const hidden = encoder(t, 'text_model.encoder', embedded, arch, attentionBias(t, n, mask));
  const final = layerNorm(t, 'text_model.final_layer_norm', hidden, width);
  const pooled = poolAtEndOfText(t, final, ids);
  const projected = linear(t, 'text_projection', pooled, [width, arch.projectionDim], invSqrt(width), false);
  g.node('text_embeds', 'Identity', [projected]);
  g.output({ name: 'text_embeds', type: 'float32', shape: ['batch', arch.projectionDim] });
  return g;
}

/** Added to masked attention scores: finite, so a sum of two masks stays finite and a fully masked row gives no NaN. */
export const MASKED_SCORE = -1e9;

/**
 * Score bias [batch, 1, n, n]: the causal mask (token i sees tokens ≤ i) plus Hugging Face's padding
 * mask ((1 − attention_mask)·MASKED_SCORE on the keys). With causal attention and end-of-text
 * pooling, padding after the end-of-text token cannot change the output either way; using the mask
 * keeps the graph faithful to the Hugging Face export and gives the declared input a real role.
 */
function attentionBias(t: Tower, n: number, mask: string): string {
  const { g } = t;
  const prefix = 'text_model.attention_bias';
  const causal = g.initializer(
    floatTensor('text_model.causal_mask', [n, n], () => {
      const values = new Float32Array(n * n);
      for (let i = 0; i < n; i++) values.fill(MASKED_SCORE, i * n + i + 1, (i + 1) * n);
      return values;
    }),
  );
  const keep = g.node(nodeName(prefix, 'Cast_mask'), 'Cast', [mask], { to: ONNX_ELEMENT_TYPE.float32 });
  const dropped = g.node(nodeName(prefix, 'Sub_mask'), 'Sub', [scalar(g, `${prefix}.one`, 1), keep]);
  const maskedScore = scalar(g, `${prefix}.masked_score`, MASKED_SCORE);
  const padding = g.node(nodeName(prefix, 'Mul_mask'), 'Mul', [dropped, maskedScore]);
  const axes = g.initializer(int64Tensor(`${prefix}.unsqueeze_axes`, [1, 2]));
  const keys = g.node(nodeName(prefix, 'Unsqueeze_mask'), 'Unsqueeze', [padding, axes]); // [batch, 1, 1, n]
  return g.node(nodeName(prefix, 'Add_causal'), 'Add', [keys, causal]);
}

/**
 * CLIP pools the hidden state at the end-of-text token, found as argmax(input_ids) because
 * <|endoftext|> (49407) is the largest id; ArgMax takes the first maximum, i.e. the real end-of-text
 * even when padding repeats it. The Cast to int32 mirrors Hugging Face's export (ArgMax on int64 is
 * not supported everywhere); GatherND with batch_dims 1 picks one row per batch item.
 */
function poolAtEndOfText(t: Tower, hidden: string, ids: string): string {
  const { g } = t;
  const prefix = 'text_model.pool_end_of_text';
  const ids32 = g.node(nodeName(prefix, 'Cast_ids'), 'Cast', [ids], { to: ONNX_ELEMENT_TYPE.int32 });
  const position = g.node(nodeName(prefix, 'ArgMax'), 'ArgMax', [ids32], { axis: -1, keepdims: 1 }); // [batch, 1]
  return g.node(nodeName(prefix, 'GatherND'), 'GatherND', [hidden, position], { batch_dims: 1 }); // [batch, width]
}
