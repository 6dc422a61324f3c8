import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { EPSILON } from '../../src/core/cdul/alignment-reference';
import { initHeadParams, headLayers, type HeadShape } from '../../src/core/training/head';
import { epochOrder } from '../../src/core/training/shuffle';
import type { TrainingData } from '../../src/core/training/trainer';
import type { TrainingSettings } from '../../src/core/training/training-settings';
import { note, timeEpochs, type EpochTiming } from './train-data';

/**
 * The same CDUL epoch in TensorFlow.js (a dev-only comparison: only the bench imports tfjs), step for
 * step as CpuTrainer: the run's seeded shuffle (epochOrder), the same initial weights
 * (initHeadParams), per mini-batch forward, mean binary KL against y = σ(z) (both clamped to
 * [ε, 1−ε]), backward by autodiff and Adam (PyTorch's defaults) through optimizer.minimize; at the end
 * of the epoch the pseudo-label update z ← z − η ψ(y)(logit(y) − logit(p)) with p the head's
 * predictions on every train image, as tensor ops; the epoch's mean loss read back once.
 * Inside the clamp the KL's gradient in the logits is (p − y)/count, CpuTrainer's.
 */
export async function tfjsEpochMs(
  data: TrainingData,
  settings: TrainingSettings,
  maxEpochs: number,
): Promise<EpochTiming> {
  const { features, initialLabels } = data;
  const shape: HeadShape = { kind: settings.head, inputs: features.cols, hidden: settings.hidden, classes: initialLabels.cols };
  const layers = headLayers(shape);
  const params = initHeadParams(shape, settings.seed).map((values, i) => {
    const layer = layers[i >> 1]!;
    return tf.variable(i % 2 === 0 ? tf.tensor2d(values, [layer.inputs, layer.outputs]) : tf.tensor1d(values));
  });
  const optimizer = tf.train.adam(settings.learningRate, 0.9, 0.999, 1e-8);
  const x = tf.tensor2d(features.data, [features.rows, features.cols]);
  let z = tf.tidy(() => logit(tf.tensor2d(initialLabels.data, [initialLabels.rows, initialLabels.cols])));
  const head = (input: tf.Tensor2D): tf.Tensor2D => {
    let activation = input;
    for (let i = 0; i < layers.length; i++) {
      activation = tf.add(tf.matMul(activation, params[2 * i] as tf.Tensor2D), params[2 * i + 1]!);
      if (i < layers.length - 1) activation = tf.relu(activation);
    }
    return activation;
  };
  let epoch = 0;
  const runEpoch = async (): Promise<number> => {
    epoch += 1;
    const order = tf.tensor1d(Int32Array.from(epochOrder(features.rows, settings.seed, epoch)), 'int32');
    const y = tf.sigmoid(z);
    let lossSum: tf.Scalar = tf.scalar(0);
    for (let start = 0; start < features.rows; start += settings.batchSize) {
      const size = Math.min(settings.batchSize, features.rows - start);
      const batchLoss = tf.tidy(() => {
        const rows = order.slice(start, size);
        const xb = tf.gather(x, rows);
        const yb = clamp(tf.gather(y, rows));
        const cost = optimizer.minimize(() => tf.mean(binaryKl(yb, clamp(tf.sigmoid(head(xb))))) as tf.Scalar, true)!;
        return tf.add(lossSum, tf.mul(cost, size * shape.classes)) as tf.Scalar;
      });
      lossSum.dispose();
      lossSum = batchLoss;
    }
    const next = tf.tidy(() => {
      const p = tf.sigmoid(head(x));
      const psi = tf.div(tf.exp(tf.div(tf.neg(tf.square(tf.sub(y, 0.5))), 2 * settings.sigma ** 2)), settings.sigma * Math.sqrt(2 * Math.PI));
      return tf.sub(z, tf.mul(settings.eta, tf.mul(psi, tf.sub(logit(y), logit(p)))));
    });
    z.dispose();
    z = next;
    const [sum] = await lossSum.data();
    for (const tensor of [order, y, lossSum]) tensor.dispose();
    return sum! / initialLabels.data.length;
  };
  try {
    const before = tf.memory().numTensors;
    const timing = await timeEpochs(`tfjs ${tf.getBackend()} ${settings.head}`, runEpoch, maxEpochs);
    // Only the optimizer's moments (2 per parameter) and its β-powers may be new: nothing leaks per batch.
    note(`tfjs tensors: ${before} before, ${tf.memory().numTensors} after`);
    return timing;
  } finally {
    for (const tensor of [x, z, ...params]) tensor.dispose();
    optimizer.dispose();
  }
}

const clamp = (p: tf.Tensor): tf.Tensor => tf.clipByValue(p, EPSILON, 1 - EPSILON);

function logit(p: tf.Tensor): tf.Tensor {
  const q = clamp(p);
  return tf.log(tf.div(q, tf.sub(1, q)));
}

/** Per label: y log(y/p) + (1−y) log((1−y)/(1−p)), y and p already clamped. */
function binaryKl(y: tf.Tensor, p: tf.Tensor): tf.Tensor {
  const oneMinusY = tf.sub(1, y);
  return tf.add(tf.mul(y, tf.log(tf.div(y, p))), tf.mul(oneMinusY, tf.log(tf.div(oneMinusY, tf.sub(1, p)))));
}

/**
 * The first of 'webgpu', 'webgl', 'cpu' that initialises (tf.setBackend), with what it runs on:
 * the WebGPU adapter, the WebGL renderer, or "JS in Chromium". `failures` says why others did not.
 */
export async function chooseTfjsBackend(): Promise<{ backend: string; adapter: string; failures: string[] }> {
  const failures: string[] = [];
  for (const name of ['webgpu', 'webgl', 'cpu']) {
    let ok = false;
    try {
      ok = await tf.setBackend(name);
      if (ok) await tf.ready();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!ok) {
      failures.push(`${name}: tf.setBackend returned false`);
      continue;
    }
    return { backend: tf.getBackend(), adapter: await backendAdapter(name), failures };
  }
  throw new Error(`no TensorFlow.js backend initialised (${failures.join('; ')})`);
}

export function tfjsVersion(): string {
  return tf.version.tfjs;
}

/** Frees the tensors and the backend's device once every tfjs figure is taken. */
export function releaseTfjs(): void {
  tf.disposeVariables();
  tf.engine().reset();
}

async function backendAdapter(backend: string): Promise<string> {
  if (backend === 'webgpu') {
    const info = (tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
    const adapter = await navigator.gpu?.requestAdapter({ powerPreference: 'high-performance' });
    const details = adapter ? [adapter.info.vendor, adapter.info.architecture, adapter.info.device, adapter.info.description] : [info?.vendor, info?.architecture];
    return details.filter(Boolean).join(' · ') || 'unknown';
  }
  if (backend === 'webgl') {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
    const debug = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'unknown';
  }
  return 'JS in Chromium (tfjs cpu backend)';
}
