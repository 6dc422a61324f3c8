import { readClipModelMetadata } from '../../core/clip/clip-model-metadata';
import type { ClipTokenizer } from '../../core/clip/clip-tokenizer';
import { validateTextSignature, validateVisionSignature, type ClipModelConfig } from '../../core/clip/model-signature';
import { DataError } from '../../core/data-error';
import { createMatrix, type Matrix } from '../../core/types';
import { SHARED_MODEL_PATHS, towerPath } from '../../core/clip/model-catalog';
import type { ModelFiles } from '../models/model-files';
import type { ExecutionProvider } from '../protocol/pipeline-protocol';
import type { PlacedNode } from './node-placements';
import { createSession, ort } from './ort-web';


export interface WebClipModel {
  readonly id: string;
  readonly provider: ExecutionProvider;
  readonly config: ClipModelConfig;
  readonly tokenizer: ClipTokenizer;
  /** Nodes onnxruntime kept on the CPU in a WebGPU session, per tower (none on WebAssembly). */
  readonly cpuNodes: CpuNodes;
  /** `onCrops(done)` after every batch of crops through the model: progress from the first image. */
  encodeImages(pixels: Float32Array, count: number, onCrops?: (done: number) => void): Promise<Matrix>;
  encodeTexts(texts: readonly string[]): Promise<Matrix>;
  /** Frees the image encoder (the larger part, GPU memory included) and keeps the text encoder. */
  releaseImageEncoder(): Promise<void>;
  release(): Promise<void>;
}

export interface CpuNodes {
  readonly vision: readonly PlacedNode[];
  readonly text: readonly PlacedNode[];
}

/** The browser twin of src/cli/clip/node-clip-model.ts: same checks, onnxruntime-web sessions. */
export async function loadWebClipModel(id: string, files: ModelFiles, provider: ExecutionProvider): Promise<WebClipModel> {
  const visionPath = towerPath('vision', files.variant);
  const textPath = towerPath('text', files.variant);
  const missing = [visionPath, textPath, ...SHARED_MODEL_PATHS].filter((path) => !files.has(path));
  if (missing.length) throw new DataError(id, `not a CLIP model: missing ${missing.join(', ')}`);
  const { config, tokenizer } = await readClipModelMetadata((path) => new TextDecoder().decode(files.get(path)), id);
  const { session: vision, cpuNodes: visionCpuNodes } = await open(`${id}/${visionPath}`, files.get(visionPath), provider);
  // A text tower that fails to load (a damaged copy is downloaded again and loaded anew) must not leak the vision session.
  const { session: textSession, cpuNodes: textCpuNodes } = await open(`${id}/${textPath}`, files.get(textPath), provider).catch(async (error: unknown) => {
    await vision.release();
    throw error;
  });
  const visionNames = validateVisionSignature(vision.inputNames, vision.outputNames, `${id}/${visionPath}`);
  const textNames = validateTextSignature(textSession.inputNames, textSession.outputNames, `${id}/${textPath}`);
  const size = config.inputSize;
  let visionReleased = false;
  const releaseImageEncoder = async () => {
    if (visionReleased) return;
    visionReleased = true;
    await vision.release();
  };
  return {
    id,
    provider,
    config,
    tokenizer,
    cpuNodes: { vision: visionCpuNodes, text: textCpuNodes },
    async encodeImages(pixels, count, onCrops) {
      if (visionReleased) throw new Error(`${id}: the image encoder was released`);
      // Bounded batches: a GPU (above all a software one) runs out of memory or time on hundreds of crops at once.
      const cropValues = 3 * size * size;
      const parts: Matrix[] = [];
      for (let start = 0; start < count; start += MAX_CROPS_PER_RUN) {
        const n = Math.min(MAX_CROPS_PER_RUN, count - start);
        const input = new ort.Tensor('float32', pixels.subarray(start * cropValues, (start + n) * cropValues), [n, 3, size, size]);
        const output = await vision.run({ [visionNames.input]: input });
        parts.push(toMatrix(output[visionNames.output]!, n));
        onCrops?.(start + n);
      }
      return concatRows(parts, count);
    },
    async encodeTexts(texts) {
      const batch = tokenizer.encodeBatch(texts);
      const feeds: Record<string, ort.Tensor> = {
        [textNames.inputIds]: new ort.Tensor('int64', batch.inputIds, [batch.rows, batch.contextLength]),
      };
      if (textNames.attentionMask) {
        feeds[textNames.attentionMask] = new ort.Tensor('int64', batch.attentionMask, [batch.rows, batch.contextLength]);
      }
      const output = await textSession.run(feeds);
      return toMatrix(output[textNames.output]!, texts.length);
    },
    releaseImageEncoder,
    async release() {
      await releaseImageEncoder();
      await textSession.release();
    },
  };
}

const MAX_CROPS_PER_RUN = 10;

function concatRows(parts: readonly Matrix[], rows: number): Matrix {
  if (parts.length === 1) return parts[0]!;
  const cols = parts[0]?.cols ?? 0;
  const out = createMatrix(rows, cols);
  let offset = 0;
  for (const part of parts) {
    out.data.set(part.data, offset);
    offset += part.data.length;
  }
  return out;
}

async function open(label: string, bytes: ArrayBuffer, provider: ExecutionProvider): ReturnType<typeof createSession> {
  try {
    return await createSession(bytes, provider);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(label, `not a loadable ONNX model (onnxruntime-web: ${reason.split('\n')[0]})`);
  }
}

/** Copies out of onnxruntime's buffer: with WebGPU the tensor's memory is reused by the next run. */
function toMatrix(tensor: ort.Tensor, rows: number): Matrix {
  const data = Float32Array.from(tensor.data as Float32Array);
  tensor.dispose();
  return createMatrix(rows, data.length / rows, data);
}
