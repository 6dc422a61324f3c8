import type { WebClipModel } from '../inference/web-clip-model';
import { promptsFor } from '../../core/clip/prompts';
import { promptEmbeddings } from '../pipeline/prompt-embeddings';
import type { SimilarityState } from '../pipeline/similarity-state';
import type { EmbeddingStore } from '../storage/embedding-store';
import { stateWithGrid } from './other-grid';

export interface DerivationContext {
  readonly store: EmbeddingStore;
  readonly runKey: string;
  readonly textEncoder: WebClipModel;
  /** The class names in force: another template keeps them. */
  readonly classNames: Readonly<Record<string, string>>;
  /** The dataset's prompt names, for classes the user names not. */
  readonly promptNames?: readonly string[];
}

/** A derived state, and the bytes of its cosine matrices once it is computed. */
interface Kept {
  readonly state: Promise<SimilarityState>;
  bytes: number;
}

/** Per run state, the states the views asked for under another grid and/or template (the last few). */
const derivedStates = new WeakMap<SimilarityState, Map<string, Kept>>();
const KEEP = 4;
/** At COCO-train size a derived state's cosines are 264 MB (α/β add 79 MB per temperature): keep ~2. */
const KEEP_BYTES = 600 * 2 ** 20;

/**
 * The run's images under another snippet grid (a finished run in the browser's store) and/or prompt
 * template (the text encoder only), remembered per run so a view's repeated queries cost nothing —
 * the last few, fewer when they are large (the oldest go first; the one just asked for stays).
 */
export function deriveState(current: SimilarityState, context: DerivationContext, options: { grid?: number; template?: string }): Promise<SimilarityState> {
  let byOptions = derivedStates.get(current);
  if (!byOptions) derivedStates.set(current, (byOptions = new Map()));
  const key = JSON.stringify([options.grid ?? null, options.template ?? null]);
  let kept = byOptions.get(key);
  if (!kept) {
    if (byOptions.size >= KEEP) byOptions.delete(byOptions.keys().next().value!);
    const cache = byOptions;
    const entry: Kept = { state: derive(current, context, options), bytes: 0 };
    entry.state.then(
      (state) => {
        entry.bytes = state.localCos.data.byteLength + state.globalCos.data.byteLength;
        trim(cache, key);
      },
      () => cache.delete(key),
    );
    cache.set(key, (kept = entry));
  }
  return kept.state;
}

/** Drops the oldest states until the kept ones fit KEEP_BYTES; `newest` always stays. */
function trim(cache: Map<string, Kept>, newest: string): void {
  let total = [...cache.values()].reduce((sum, kept) => sum + kept.bytes, 0);
  for (const [key, kept] of cache) {
    if (total <= KEEP_BYTES) return;
    if (key === newest) continue;
    cache.delete(key);
    total -= kept.bytes;
  }
}

/** One pass over the chunks even for another grid AND template: the text embeddings come first. */
async function derive(current: SimilarityState, context: DerivationContext, options: { grid?: number; template?: string }): Promise<SimilarityState> {
  const { store, runKey, textEncoder, classNames, promptNames } = context;
  const prompts = () => promptsFor(current.classes, { template: options.template!, classNames }, promptNames);
  const text = options.template === undefined ? current.text : (await promptEmbeddings(store, textEncoder, prompts())).text;
  if (options.grid !== undefined) return stateWithGrid(store, current, runKey, options.grid, text);
  return text === current.text ? current : current.withText(text);
}
