import type { WebClipModel } from '../inference/web-clip-model';
import { changePrompts } from '../pipeline/prompt-change';
import type { SimilarityState } from '../pipeline/similarity-state';
import type { EmbeddingStore } from '../storage/embedding-store';
import { stateWithGrid } from './other-grid';

export interface DerivationContext {
  readonly store: EmbeddingStore;
  readonly runKey: string;
  readonly textEncoder: WebClipModel;
  /** The class names in force: another template keeps them. */
  readonly classNames: Readonly<Record<string, string>>;
}

/** Per run state, the states the views asked for under another grid and/or template (the last few). */
const derivedStates = new WeakMap<SimilarityState, Map<string, Promise<SimilarityState>>>();
const KEEP = 4;

/**
 * The run's images under another snippet grid (a finished run in the browser's store) and/or prompt
 * template (the text encoder only), remembered per run so a view's repeated queries cost nothing.
 */
export function deriveState(current: SimilarityState, context: DerivationContext, options: { grid?: number; template?: string }): Promise<SimilarityState> {
  let byOptions = derivedStates.get(current);
  if (!byOptions) derivedStates.set(current, (byOptions = new Map()));
  const key = JSON.stringify([options.grid ?? null, options.template ?? null]);
  let derived = byOptions.get(key);
  if (!derived) {
    if (byOptions.size >= KEEP) byOptions.delete(byOptions.keys().next().value!);
    derived = derive(current, context, options);
    const cache = byOptions;
    derived.catch(() => cache.delete(key));
    cache.set(key, derived);
  }
  return derived;
}

async function derive(current: SimilarityState, context: DerivationContext, options: { grid?: number; template?: string }): Promise<SimilarityState> {
  const base = options.grid === undefined ? current : await stateWithGrid(context.store, current, context.runKey, options.grid);
  if (options.template === undefined) return base;
  const changed = await changePrompts(base, context.textEncoder, context.store, { template: options.template, classNames: context.classNames });
  return changed.state;
}
