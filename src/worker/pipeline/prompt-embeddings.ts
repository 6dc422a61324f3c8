import { createMatrix, type Matrix } from '../../core/types';
import type { WebClipModel } from '../inference/web-clip-model';
import type { EmbeddingStore } from '../storage/embedding-store';

export interface PromptEmbeddings {
  /** [prompts, d] */
  readonly text: Matrix;
  /** True when this model had embedded exactly these prompts before (the text encoder did not run). */
  readonly fromCache: boolean;
}

/** Text embeddings of a prompt set: from the browser's cache, else the text encoder (and then cached). */
export async function promptEmbeddings(store: EmbeddingStore, model: WebClipModel, prompts: readonly string[]): Promise<PromptEmbeddings> {
  const cached = await store.getTextEmbeddings(model.id, prompts);
  if (cached) return { text: createMatrix(prompts.length, cached.length / prompts.length, cached), fromCache: true };
  const text = await model.encodeTexts(prompts);
  await store.putTextEmbeddings(model.id, prompts, text.data);
  return { text, fromCache: false };
}
