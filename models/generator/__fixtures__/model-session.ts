import * as ort from 'onnxruntime-node';
import type { Tokenizer } from '@huggingface/tokenizers';
import { CONTEXT_LENGTH, END_OF_TEXT_ID } from '../clip-architecture';

/** Test helpers: load a committed model with onnxruntime-node, run batches, tokenize like CLIP. */
export const modelPath = (name: string, file: string) => new URL(`../../${name}/${file}`, import.meta.url).pathname;

export function loadModel(name: string, tower: 'vision' | 'text'): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(modelPath(name, `onnx/${tower}_model.onnx`));
}

/** pixel_values [batch, 3, size, size] → image_embeds rows. */
export async function embedImages(
  session: ort.InferenceSession,
  pixels: Float32Array,
  size: number,
): Promise<Float32Array[]> {
  const batch = pixels.length / (3 * size * size);
  const result = await session.run({ pixel_values: new ort.Tensor('float32', pixels, [batch, 3, size, size]) });
  return rows(result.image_embeds, batch);
}

export interface TokenRows {
  readonly ids: number[][];
  readonly masks: number[][];
}

/** CLIP tokenization: <|startoftext|> … <|endoftext|>, padded with <|endoftext|> to 77, mask 1 on real tokens. */
export function tokenize(tokenizer: Tokenizer, texts: readonly string[]): TokenRows {
  const encoded = texts.map((text) => tokenizer.encode(text).ids);
  return {
    ids: encoded.map((ids) => [...ids, ...new Array<number>(CONTEXT_LENGTH - ids.length).fill(END_OF_TEXT_ID)]),
    masks: encoded.map((ids) => Array.from({ length: CONTEXT_LENGTH }, (_, i) => (i < ids.length ? 1 : 0))),
  };
}

export async function embedTexts(session: ort.InferenceSession, tokens: TokenRows): Promise<Float32Array[]> {
  const batch = tokens.ids.length;
  const int64 = (table: number[][]) =>
    new ort.Tensor('int64', BigInt64Array.from(table.flat(), BigInt), [batch, CONTEXT_LENGTH]);
  const result = await session.run({ input_ids: int64(tokens.ids), attention_mask: int64(tokens.masks) });
  return rows(result.text_embeds, batch);
}

function rows(tensor: ort.Tensor | undefined, batch: number): Float32Array[] {
  if (!tensor) throw new Error('missing output');
  const data = tensor.data as Float32Array;
  const width = data.length / batch;
  return Array.from({ length: batch }, (_, r) => data.slice(r * width, (r + 1) * width));
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

export const maxAbsDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
