import { cosineSimilarities } from '../../core/cdul/similarity';
import { createMatrix, type Matrix } from '../../core/types';
import type { FromCosineWorker, ToCosineWorker } from './cosine-protocol';

/**
 * What a cosine worker does with each message: keeps the text embeddings it is sent, answers each
 * block of image rows with their cosines against them (the buffer handed back, not copied).
 */
export function cosineHandler(reply: (message: FromCosineWorker, transfer: Transferable[]) => void): (message: ToCosineWorker) => void {
  let text: { version: number; matrix: Matrix } | null = null;
  return (message) => {
    if (message.type === 'text') {
      text = { version: message.version, matrix: createMatrix(message.rows, message.cols, message.data) };
      return;
    }
    try {
      if (!text || text.version !== message.version) throw new Error(`text embeddings ${message.version} were not sent to this worker`);
      const cosines = cosineSimilarities(createMatrix(message.rows, text.matrix.cols, message.data), text.matrix).data;
      reply({ type: 'cosines', id: message.id, data: cosines }, [cosines.buffer]);
    } catch (error) {
      reply({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}
