import type { FileSource } from '../../src/core/dataset-source';
import { imagePathIndex } from '../../src/core/datasets/multi-label-dataset';
import { configureOnnxRuntime } from '../../src/worker/inference/ort-web';
import type { ExecutionProvider } from '../../src/worker/protocol/pipeline-protocol';
import { loadWebClipModel, type WebClipModel } from '../../src/worker/inference/web-clip-model';
import { openRefDataset } from '../../src/worker/pipeline/open-dataset';
import { openModelFiles } from '../../src/worker/pipeline/open-model';
import { TINY_VIT, vocMini } from './bench-setup';

/** voc-mini and tiny-vit opened as the pipeline opens them, for the measurements beside the real run. */
export interface BenchInputs {
  readonly source: FileSource;
  /** The images in the pipeline's order (the first `limit`). */
  readonly ids: string[];
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly model: WebClipModel;
}

/** `configure: false` leaves onnxruntime's settings to the caller (configureOnnxRuntime is the lab's). */
export async function openBenchInputs(provider: ExecutionProvider, limit: number | null, options = { configure: true }): Promise<BenchInputs> {
  if (options.configure) configureOnnxRuntime();
  const { dataset, source } = await openRefDataset(vocMini(), {});
  const ids = dataset.ids.map(String).slice(0, limit ?? undefined);
  const files = await openModelFiles(TINY_VIT, () => {});
  const model = await loadWebClipModel(TINY_VIT.id, files, provider);
  return { source, ids, imageFiles: imagePathIndex(dataset), model };
}

const shared = new Map<string, Promise<BenchInputs>>();

/** The inputs opened once per provider and limit and kept open between passes: loading the model is not what is measured. */
export function sharedBenchInputs(provider: ExecutionProvider, limit: number | null): Promise<BenchInputs> {
  const key = `${provider} ${limit}`;
  if (!shared.has(key)) shared.set(key, openBenchInputs(provider, limit));
  return shared.get(key)!;
}
