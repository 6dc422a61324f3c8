import type { GpuContext } from '../gpu-context';
import { encodeAdamStep, encodeBinaryKl, encodeGatherRows, encodePseudoLabelUpdate, encodeSigmoid, encodeTotal, ADAM_DEFAULTS, type MatmulVariant } from '../kernels';
import { freshTrainerState, validateTrainingData } from '../../core/training/cpu-trainer';
import type { HeadShape } from '../../core/training/head';
import { labelsFromLatent } from '../../core/training/pseudo-label-update';
import { epochOrder } from '../../core/training/shuffle';
import type { EpochFigures, Trainer, TrainerState, TrainingData } from '../../core/training/trainer';
import { isRunOver, meanLabelChange, trackBest, trainingMeanAp } from '../../core/training/training-metrics';
import { isLabelUpdateEpoch, validateTrainingSettings, type TrainingSettings } from '../../core/training/training-settings';
import { createMatrix, type Matrix } from '../../core/types';
import { GpuHead } from './gpu-head';

/**
 * The trainer on WebGPU, step for step the CpuTrainer (same seeded initialisation and shuffle, same
 * schedule), on the WGSL kernels of src/gpu/kernels. Features, pseudo labels, parameters and Adam
 * state live on the GPU; an epoch — every mini-batch's gather, forward, KL, backward and Adam step,
 * then the label update and the val predictions — is ONE compute pass in one submission, followed by
 * one read back (loss, z, val predictions and the state, kept as a CPU mirror so that stop/resume,
 * export and a fallback to the CPU after a lost device can start from the last finished epoch).
 */
export interface GpuTrainerOptions {
  /** The matmul kernel; default 'rows' on a software adapter (measured faster there), else 'tiled'. */
  readonly matmul?: MatmulVariant;
}

export async function createGpuTrainer(
  ctx: GpuContext,
  data: TrainingData,
  settings: TrainingSettings,
  resumeFrom?: TrainerState,
  options: GpuTrainerOptions = {},
): Promise<GpuTrainer> {
  validateTrainingSettings(settings);
  validateTrainingData(data);
  ctx.device.pushErrorScope('out-of-memory');
  ctx.device.pushErrorScope('validation');
  const trainer = new GpuTrainer(ctx, data, settings, resumeFrom, options.matmul ?? (ctx.isSoftwareAdapter ? 'rows' : 'tiled'));
  const validation = await ctx.device.popErrorScope();
  const memory = await ctx.device.popErrorScope();
  const error = validation ?? memory;
  if (error) {
    trainer.destroy();
    throw new Error(`the GPU could not hold this training run: ${error.message}`);
  }
  return trainer;
}

export class GpuTrainer implements Trainer {
  private readonly shape: HeadShape;
  private readonly head: GpuHead;
  private readonly buffers: RunBuffers;
  private readonly adamM: GPUBuffer[];
  private readonly adamV: GPUBuffer[];
  private mirror: TrainerState;
  private destroyed = false;

  constructor(
    private readonly ctx: GpuContext,
    private readonly data: TrainingData,
    readonly settings: TrainingSettings,
    resumeFrom: TrainerState | undefined,
    readonly matmul: MatmulVariant,
  ) {
    const { features, initialLabels, val } = data;
    const [n, classes] = [features.rows, initialLabels.cols];
    this.shape = { kind: settings.head, inputs: features.cols, hidden: settings.hidden, classes };
    this.mirror = copyState(resumeFrom ?? freshTrainerState(this.shape, settings.seed, initialLabels.data));
    const capacity = Math.max(n, val?.features.rows ?? 0, 1);
    const batch = Math.min(settings.batchSize, n);
    this.head = new GpuHead(ctx, this.shape, this.mirror.params, capacity, batch, matmul);
    this.adamM = this.mirror.adamM.map((m, i) => ctx.createBuffer(m, `adam m ${i}`));
    this.adamV = this.mirror.adamV.map((v, i) => ctx.createBuffer(v, `adam v ${i}`));
    this.buffers = createRunBuffers(ctx, data, this.mirror.latent, batch, capacity);
  }

  done(): boolean {
    return isRunOver(this.mirror.epoch, this.mirror, this.settings);
  }

  async epoch(): Promise<EpochFigures> {
    if (this.destroyed) throw new Error('this GPU trainer was released');
    if (this.done()) throw new Error(`the run is over after epoch ${this.mirror.epoch}`);
    const epoch = this.mirror.epoch + 1;
    const labelUpdate = isLabelUpdateEpoch(epoch, this.settings);
    const adamStep = this.encodeAndSubmitEpoch(epoch, labelUpdate);
    const [loss, latent, valLogits, ...state] = await this.ctx.readMany([
      { buffer: this.buffers.epochLoss, length: 1 },
      { buffer: this.buffers.latent, length: this.mirror.latent.length },
      // The val forward pass is the epoch's last, so allLogits holds the val logits.
      { buffer: this.buffers.allLogits, length: (this.data.val?.features.rows ?? 0) * this.shape.classes },
      ...[...this.head.params, ...this.adamM, ...this.adamV].map((buffer, i) => ({ buffer, length: this.head.sizes[i % this.head.sizes.length]! })),
    ]);
    const count = this.head.params.length;
    const labelChange = labelUpdate ? meanLabelChange(this.mirror.latent, latent!) : 0;
    const tracking = { ...this.mirror, epoch, adamStep, latent: latent!, params: state.slice(0, count), adamM: state.slice(count, 2 * count), adamV: state.slice(2 * count) };
    const pseudoLabelMap = this.pseudoLabelMapOf(latent!);
    this.mirror = { ...tracking, ...trackBest(tracking, pseudoLabelMap) };
    const val = this.data.val;
    // Ranked by the logits, as the CPU path: float32 σ ties every logit above ~17.3 at 1.
    const valMap = val ? trainingMeanAp(createMatrix(val.truth.rows, val.truth.cols, valLogits!), val.truth, this.data.classes) : null;
    return { epoch, loss: loss![0]!, labelUpdate, labelChange, pseudoLabelMap, valMap };
  }

  pseudoLabelMap(): number | null {
    return this.pseudoLabelMapOf(this.mirror.latent);
  }

  state(): TrainerState {
    return copyState(this.mirror);
  }

  params(): Float32Array[] {
    return this.mirror.params.map((param) => param.slice());
  }

  pseudoLabels(): Matrix {
    const { rows, cols } = this.data.initialLabels;
    return createMatrix(rows, cols, labelsFromLatent(this.mirror.latent));
  }

  /** Frees the run's GPU buffers (not the device: the context may train again). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.head.destroy();
    for (const buffer of [...Object.values(this.buffers), ...this.adamM, ...this.adamV]) buffer.destroy();
  }

  /** Encodes the whole epoch into one pass and submits it; returns the Adam step count after it. */
  private encodeAndSubmitEpoch(epoch: number, labelUpdate: boolean): number {
    const { ctx, head, settings } = this;
    const b = this.buffers;
    const { features, initialLabels, val } = this.data;
    const [n, classes, inputs] = [features.rows, initialLabels.cols, features.cols];
    ctx.upload(b.order, epochOrder(n, settings.seed, epoch));
    const encoder = ctx.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    // y = σ(z) is fixed during the epoch's θ-steps (the alternating optimisation of spec §2).
    encodeSigmoid(ctx, pass, { input: b.latent, output: b.labels, count: n * classes });
    let step = this.mirror.adamStep;
    const adam = { ...ADAM_DEFAULTS, learningRate: settings.learningRate };
    for (let start = 0, batch = 0; start < n; start += settings.batchSize, batch++) {
      const rows = Math.min(settings.batchSize, n - start);
      encodeGatherRows(ctx, pass, { source: b.features, order: b.order, out: b.batchX, rows, cols: inputs, offset: start });
      encodeGatherRows(ctx, pass, { source: b.labels, order: b.order, out: b.batchY, rows, cols: classes, offset: start });
      head.encodeForward(pass, b.batchX, rows, b.batchLogits, b.batchP);
      encodeBinaryKl(ctx, pass, {
        y: b.batchY, p: b.batchP, terms: b.terms, gradLogits: b.gradLogits,
        loss: b.losses, lossIndex: batch, lossScale: 1, length: rows * classes,
      });
      head.encodeBackward(pass, b.batchX, rows, b.gradLogits);
      step += 1;
      head.params.forEach((param, i) => {
        encodeAdamStep(ctx, pass, { params: param, grads: head.grads[i]!, m: this.adamM[i]!, v: this.adamV[i]!, count: head.sizes[i]!, step, settings: adam });
      });
    }
    encodeTotal(ctx, pass, { input: b.losses, output: b.epochLoss, length: Math.ceil(n / settings.batchSize), scale: 1 / (n * classes) });
    if (labelUpdate) {
      head.encodeForward(pass, b.features, n, b.allLogits, b.trainP);
      encodePseudoLabelUpdate(ctx, pass, { z: b.latent, p: b.trainP, count: n * classes, eta: settings.eta, sigma: settings.sigma });
    }
    if (val) head.encodeForward(pass, b.valFeatures, val.features.rows, b.allLogits);
    pass.end();
    ctx.submit(encoder);
    return step;
  }

  /** Ranked by z, as the CPU path does (σ in float32 would tie confident labels at 1). */
  private pseudoLabelMapOf(latent: Float32Array): number | null {
    const { trainTruth, classes } = this.data;
    if (!trainTruth) return null;
    return trainingMeanAp(createMatrix(trainTruth.rows, trainTruth.cols, latent), trainTruth, classes);
  }
}

type RunBuffers = ReturnType<typeof createRunBuffers>;

/** The run's data and scratch on the GPU; batch buffers hold `batch` rows, whole-set ones `capacity`. */
function createRunBuffers(ctx: GpuContext, data: TrainingData, latent: Float32Array, batch: number, capacity: number) {
  const { features, initialLabels, val } = data;
  const [n, classes] = [features.rows, initialLabels.cols];
  const create = (contents: Float32Array | Uint32Array | number, label: string) => ctx.createBuffer(contents, label);
  return {
    features: create(features.data, 'train features'),
    valFeatures: create(val?.features.data ?? 0, 'val features'),
    latent: create(latent, 'latent z'),
    labels: create(n * classes, 'pseudo labels y'),
    order: create(new Uint32Array(n), 'epoch order'),
    batchX: create(batch * features.cols, 'batch features'),
    batchY: create(batch * classes, 'batch labels'),
    batchLogits: create(batch * classes, 'batch logits'),
    batchP: create(batch * classes, 'batch predictions'),
    terms: create(batch * classes, 'KL terms'),
    gradLogits: create(batch * classes, 'logit gradient'),
    losses: create(Math.ceil(n / batch), 'batch losses'),
    epochLoss: create(1, 'epoch loss'),
    allLogits: create(capacity * classes, 'logits of a whole set'),
    trainP: create(n * classes, 'train predictions'),
  };
}

function copyState(state: TrainerState): TrainerState {
  const copy = (tensors: readonly Float32Array[]) => tensors.map((tensor) => tensor.slice());
  return { ...state, params: copy(state.params), adamM: copy(state.adamM), adamV: copy(state.adamV), latent: state.latent.slice() };
}
