import type { CacheManifest } from '../../core/init-cache/cache-manifest';
import { configureOnnxRuntime } from '../inference/ort-web';
import type { WebClipModel } from '../inference/web-clip-model';
import type { FromWorker, ModelRef } from '../protocol/pipeline-protocol';
import { openClipModel } from './open-model';

export interface CacheTextEncoder {
  /** The text encoder of the cache's model, for prompt changes; null when the lab has another model. */
  readonly encoder: WebClipModel | null;
  /** Why prompts cannot change (said in the run panel and when a prompt change is asked for). */
  readonly unavailable: string | null;
}

/**
 * A new prompt set must be embedded by the model that embedded the images: the lab's chosen model
 * serves when its id is the cache's (manifest model.id) and its embedding width matches; else the
 * cache opens without prompt changes and says why (temperature, ζ, λ, the views and training need
 * no model). The text encoder runs on WebAssembly: a few prompts, no GPU needed.
 */
export async function cacheTextEncoder(ref: ModelRef, manifest: CacheManifest, post: (message: FromWorker) => void): Promise<CacheTextEncoder> {
  const wanted = manifest.model.id;
  if (ref.id !== wanted) {
    return { encoder: null, unavailable: `prompt changes need the cache's model ${wanted} (the lab has ${ref.id} chosen): choose ${wanted} and open the cache folder again` };
  }
  let model: WebClipModel | null = null;
  try {
    post({ type: 'stage', stage: `Loading ${wanted}'s text encoder (for prompt changes)…` });
    configureOnnxRuntime();
    ({ model } = await openClipModel(ref, 'wasm', (progress) => post({ type: 'model-download', progress })));
    await model.releaseImageEncoder();
    const dim = model.config.projectionDim;
    if (dim !== manifest.model.embedDim) {
      await model.release();
      return { encoder: null, unavailable: `the lab's ${wanted} embeds in ${dim} dimensions, the cache's in ${manifest.model.embedDim}: not the same model` };
    }
    return { encoder: model, unavailable: null };
  } catch (error) {
    await model?.release();
    return { encoder: null, unavailable: `the cache's model ${wanted} could not be loaded (${error instanceof Error ? error.message : String(error)})` };
  }
}
