import { promptsFor, type PromptChoice } from '../../core/clip/prompts';
import type { WebClipModel } from '../inference/web-clip-model';
import type { PromptsMessage } from '../protocol/pipeline-protocol';
import type { EmbeddingStore } from '../storage/embedding-store';
import { promptEmbeddings } from './prompt-embeddings';
import type { SimilarityState } from './similarity-state';

/**
 * A new prompt template or class names for a finished run: only the text encoder runs (or not even it,
 * when the prompt set was embedded before); the cosines are recomputed from the image embeddings, read
 * again chunk by chunk from where the run keeps them (the embedding store).
 * A bad choice (no {name}, an empty name) throws RangeError naming it, and the state is unchanged.
 */
export async function changePrompts(
  state: SimilarityState,
  model: WebClipModel,
  store: EmbeddingStore,
  choice: PromptChoice,
  promptNames?: readonly string[],
): Promise<{ state: SimilarityState; message: PromptsMessage }> {
  const started = performance.now();
  const prompts = promptsFor(state.classes, choice, promptNames);
  const { text, fromCache } = await promptEmbeddings(store, model, prompts);
  const textDone = performance.now();
  const next = await state.withText(text);
  const finished = performance.now();
  return {
    state: next,
    message: {
      choice,
      prompts,
      textFromCache: fromCache,
      textEncoderMs: textDone - started,
      similaritiesMs: finished - textDone,
    },
  };
}
