import type { Tokenizer } from '@huggingface/tokenizers';
import { VOC_CLASSES, naturalClassName } from '../../src/core/voc/voc-classes';
import { CLIP_VOCAB_SIZE, CONTEXT_LENGTH } from './clip-architecture';
import { DEMO_EMBED_DIM, UNKNOWN_AXIS, UNKNOWN_TOKEN_WEIGHT } from './demo-clip-design';
import { GraphBuilder, ONNX_ELEMENT_TYPE } from './onnx-graph';
import { floatTensor, int64Tensor } from './tensor-data';

/**
 * demo-clip's text tower: a bag of words. Each token id looks up a row of a [49408, D] table; the
 * rows of real tokens (attention_mask 1) are summed. The tokens of class c's name share the unit
 * axis e_c, so "a photo of a dog" embeds as e_dog; every other token adds a tiny amount on the
 * unknown axis, so a prompt naming no class embeds as a non-zero vector orthogonal to every image
 * (cosine 0) instead of a zero vector whose normalisation would give NaN.
 */
export function buildDemoTextTower(tokenizer: Tokenizer): GraphBuilder {
  const g = new GraphBuilder('demo_clip_text_model');
  const ids = g.input({ name: 'input_ids', type: 'int64', shape: ['batch', CONTEXT_LENGTH] });
  const mask = g.input({ name: 'attention_mask', type: 'int64', shape: ['batch', CONTEXT_LENGTH] });
  const rows = demoTokenTable(tokenizer);
  const table = g.initializer(floatTensor('token_table', [CLIP_VOCAB_SIZE, DEMO_EMBED_DIM], () => rows));
  const tokens = g.node('/bag/Gather', 'Gather', [table, ids], { axis: 0 }); // [batch, 77, D]
  const keep = g.node('/bag/Cast_mask', 'Cast', [mask], { to: ONNX_ELEMENT_TYPE.float32 });
  const axis2 = g.initializer(int64Tensor('bag.axis_2', [2]));
  const keepColumn = g.node('/bag/Unsqueeze_mask', 'Unsqueeze', [keep, axis2]); // [batch, 77, 1]
  const kept = g.node('/bag/Mul_mask', 'Mul', [tokens, keepColumn]);
  const axis1 = g.initializer(int64Tensor('bag.axis_1', [1]));
  const sum = g.node('/bag/ReduceSum', 'ReduceSum', [kept, axis1], { keepdims: 0 });
  g.node('text_embeds', 'Identity', [sum]);
  g.output({ name: 'text_embeds', type: 'float32', shape: ['batch', DEMO_EMBED_DIM] });
  return g;
}

/** The table [49408, D], row-major. */
export function demoTokenTable(tokenizer: Tokenizer): Float32Array {
  const table = new Float32Array(CLIP_VOCAB_SIZE * DEMO_EMBED_DIM);
  const weights = classTokenWeights(tokenizer);
  for (let id = 0; id < CLIP_VOCAB_SIZE; id++) {
    const entry = weights.get(id);
    if (entry) table[id * DEMO_EMBED_DIM + entry.axis] = entry.weight;
    else table[id * DEMO_EMBED_DIM + UNKNOWN_AXIS] = UNKNOWN_TOKEN_WEIGHT;
  }
  return table;
}

export interface TokenWeight {
  readonly axis: number;
  readonly weight: number;
}

/**
 * Token id → (class axis, weight). The natural name's n tokens get 1/n each, so they sum to 1.
 * The VOC folder token (diningtable …) is accepted too when its tokens name no other class: its
 * tokens shared with the natural name keep their weight, its own tokens share the rest.
 */
export function classTokenWeights(tokenizer: Tokenizer): Map<number, TokenWeight> {
  const template = templateTokens(tokenizer);
  const weights = new Map<number, TokenWeight>();
  VOC_CLASSES.forEach((className, axis) => {
    const ids = nameTokens(tokenizer, naturalClassName(className));
    const clash = ids.find((id) => weights.has(id) || template.has(id));
    if (clash !== undefined) throw new Error(`${className}: token ${clash} already names something else`);
    for (const id of ids) weights.set(id, { axis, weight: 1 / ids.length });
  });
  VOC_CLASSES.forEach((className, axis) => {
    if (naturalClassName(className) === className) return;
    const ids = nameTokens(tokenizer, className);
    const own = ids.filter((id) => !weights.has(id));
    const shared = ids.filter((id) => weights.get(id)?.axis === axis);
    if (own.length + shared.length < ids.length || own.some((id) => template.has(id)) || own.length === 0) return;
    const sharedWeight = shared.reduce((sum, id) => sum + weights.get(id)!.weight, 0);
    for (const id of own) weights.set(id, { axis, weight: (1 - sharedWeight) / own.length });
  });
  return weights;
}

const PROMPT_PREFIX = 'a photo of a';

/** The ids of `name` inside the paper's prompt: what follows the template's prefix, before <|endoftext|>. */
export function nameTokens(tokenizer: Tokenizer, name: string): number[] {
  const prefix = tokenizer.encode(PROMPT_PREFIX).ids.slice(0, -1);
  const full = tokenizer.encode(`${PROMPT_PREFIX} ${name}`).ids;
  if (!prefix.every((id, i) => full[i] === id)) throw new Error(`'${name}' changes the tokens of '${PROMPT_PREFIX}'`);
  return full.slice(prefix.length, -1);
}

/** <|startoftext|>, a, photo, of, <|endoftext|>: never class tokens. */
function templateTokens(tokenizer: Tokenizer): Set<number> {
  return new Set(tokenizer.encode(PROMPT_PREFIX).ids);
}
