import { get, set, type UseStore } from 'idb-keyval';
import { packFloat32, recordKeys, type TextEmbeddingRecord } from './run-records';
import { mapQuotaErrors } from './storage-full-error';

/**
 * Text embeddings of one prompt set under one model: a few kilobytes, computed once and shared by
 * every run of that model, so they are kept apart from runs (deleting a run keeps them).
 */
export async function putTextEmbeddings(
  useStore: UseStore,
  modelId: string,
  prompts: readonly string[],
  embeddings: Float32Array,
): Promise<void> {
  if (prompts.length === 0 || embeddings.length % prompts.length !== 0 || embeddings.length === 0) {
    throw new RangeError(`text embeddings: ${embeddings.length} values do not divide into ${prompts.length} prompts`);
  }
  const record: TextEmbeddingRecord = {
    modelId,
    prompts: [...prompts],
    shape: [prompts.length, embeddings.length / prompts.length],
    embeddings: packFloat32(embeddings),
    createdAt: Date.now(),
  };
  await mapQuotaErrors(() => set(recordKeys.text(modelId, prompts), record, useStore));
}

/** [prompts.length, d] row-major, or undefined when this model has not embedded exactly these prompts. */
export async function getTextEmbeddings(
  useStore: UseStore,
  modelId: string,
  prompts: readonly string[],
): Promise<Float32Array<ArrayBuffer> | undefined> {
  const record = await get<TextEmbeddingRecord>(recordKeys.text(modelId, prompts), useStore);
  return record && new Float32Array(record.embeddings);
}
