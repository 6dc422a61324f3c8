import type { GpuContext } from '../gpu-context';
import { encodeAdamStep, encodeBinaryKl, encodeGatherRows, encodePseudoLabelUpdate, encodeSigmoid, encodeTotal, ADAM_DEFAULTS, type MatmulVariant } from '../kernels';
import { copyState, freshTrainerState, heldOutInputs, validateTrainingData, type HeldOutInputs } from '../../core/training/cpu-trainer';
import { isRunOver, trackSelection } from '../../core/training/epoch-selection';
import { gatherRows, heldOutSplit, scatterRows, scoreHeldOut, type HeldOutSplit } from '../../core/training/held-out';
import type { HeadShape } from '../../core/training/head';
import { labelsFromLatent } from '../../core/training/pseudo-label-update';
import { epochOrder } from '../../core/training/shuffle';
import { keptEpochOf, type EpochFigures, type KeptEpoch, type Trainer, type TrainerState, type TrainingData } from '../../core/training/trainer';
import { meanLabelChange, trainingMeanAp } from '../../core/training/training-metrics';
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
 * With a held-out share the GPU holds only the trained rows (packed, as the CpuTrainer gathers them)
 * and the held-out features; the mirror's z keeps every row, the held-out ones at Y0.
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
  private readonly split: HeldOutSplit;
  private readonly heldOut: HeldOutInputs | null;
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
    const classes = initialLabels.cols;
    this.shape = { kind: settings.head, inputs: features.cols, hidden: settings.hidden, classes };
    this.mirror = copyState(resumeFrom ?? freshTrainerState(this.shape, settings.seed, initialLabels.data));
    this.split = heldOutSplit(features.rows, settings.heldOut, settings.seed);
    this.heldOut = heldOutInputs(data, this.split);
    const n = this.split.trainRows.length;
    const capacity = Math.max(n, val?.features.rows ?? 0, 1);
    const batch = Math.min(settings.batchSize, n);
    this.head = new GpuHead(ctx, this.shape, this.mirror.params, capacity, batch, matmul);
    this.adamM = this.mirror.adamM.map((m, i) => ctx.createBuffer(m, `adam m ${i}`));
    this.adamV = this.mirror.adamV.map((v, i) => ctx.createBuffer(v, `adam v ${i}`));
    const trainLatent = gatherRows(this.mirror.latent, classes, this.split.trainRows);
    this.buffers = createRunBuffers(ctx, { ...data, features: trainFeatures(data, this.split) }, trainLatent, batch, capacity, this.heldOut);
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
    const classes = this.shape.classes;
    const [loss, trainLatent, valLogits, heldOutLogits, ...state] = await this.ctx.readMany([
      { buffer: this.buffers.epochLoss, length: 1 },
      { buffer: this.buffers.latent, length: this.split.trainRows.length * classes },
      // The val forward pass is the epoch's last into allLogits, so it holds the val logits.
      { buffer: this.buffers.allLogits, length: (this.data.val?.features.rows ?? 0) * classes },
      { buffer: this.buffers.heldOutLogits, length: this.split.heldOutRows.length * classes },
      ...[...this.head.params, ...this.adamM, ...this.adamV].map((buffer, i) => ({ buffer, length: this.head.sizes[i % this.head.sizes.length]! })),
    ]);
    const count = this.head.params.length;
    const latent = this.mirror.latent.slice();
    scatterRows(trainLatent!, classes, this.split.trainRows, latent);
    const labelChange = labelUpdate ? meanLabelChange(this.mirror.latent, latent) : 0;
    const next = { ...this.mirror, epoch, adamStep, latent, params: state.slice(0, count), adamM: state.slice(count, 2 * count), adamV: state.slice(2 * count) };
    const pseudoLabelMap = this.pseudoLabelMapOf(latent);
    const val = this.data.val;
    // Ranked by the logits, as the CPU path: float32 σ ties every logit above ~17.3 at 1.
    const valMap = val ? trainingMeanAp(createMatrix(val.truth.rows, val.truth.cols, valLogits!), val.truth, this.data.classes) : null;
    const held = this.heldOut ? scoreHeldOut(heldOutLogits!, this.heldOut.initialLabels, this.data.classes) : null;
    const figures = { epoch, loss: loss![0]!, labelUpdate, labelChange, pseudoLabelMap, valMap, heldOutLoss: held?.loss ?? null, heldOutMap: held?.map ?? null };
    // The read-back arrays are the epoch's own: the selection may keep them without a copy.
    this.mirror = { ...next, ...trackSelection(next, figures, () => ({ params: next.params, latent: next.latent })) };
    return figures;
  }

  kept(): KeptEpoch | null {
    return keptEpochOf(this.state());
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
    const [n, classes, inputs] = [this.split.trainRows.length, initialLabels.cols, features.cols];
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
    if (this.heldOut) head.encodeForward(pass, b.heldOutFeatures, this.heldOut.features.rows, b.heldOutLogits);
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

/** The trained rows' features, packed in ascending row order (all of them without a held-out share). */
function trainFeatures(data: TrainingData, split: HeldOutSplit): Matrix {
  const { features } = data;
  return createMatrix(split.trainRows.length, features.cols, gatherRows(features.data, features.cols, split.trainRows));
}

/** The run's data and scratch on the GPU; batch buffers hold `batch` rows, whole-set ones `capacity`. */
function createRunBuffers(ctx: GpuContext, data: TrainingData, latent: Float32Array, batch: number, capacity: number, heldOut: HeldOutInputs | null) {
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
    heldOutFeatures: create(heldOut?.features.data ?? 0, 'held-out features'),
    heldOutLogits: create(Math.max(1, (heldOut?.features.rows ?? 0) * classes), 'held-out logits'),
  };
}
