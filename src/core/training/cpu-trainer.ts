import { sigmoid } from '../cdul/alignment-reference';
import { createMatrix, type Matrix } from '../types';
import { ADAM_DEFAULTS, adamStep } from './adam';
import { isRunOver, selectionOf, trackSelection } from './epoch-selection';
import { headBackward, headForward, initHeadParams, type HeadShape } from './head';
import { gatherRows, heldOutSplit, scatterRows, scoreHeldOut, type HeldOutSplit } from './held-out';
import { klBatch } from './kl-loss';
import { labelsFromLatent, latentFromLabels, updateLatent } from './pseudo-label-update';
import { epochOrder } from './shuffle';
import { keptEpochOf, type EpochFigures, type KeptEpoch, type Trainer, type TrainerState, type TrainingData } from './trainer';
import { meanLabelChange, trainingMeanAp as meanAp } from './training-metrics';
import { isLabelUpdateEpoch, validateTrainingSettings, type TrainingSettings } from './training-settings';

/** The trainer on the CPU: the fallback without WebGPU and the reference for the GPU path. */
export class CpuTrainer implements Trainer {
  private readonly shape: HeadShape;
  private readonly split: HeldOutSplit;
  /** The rows the head trains on, packed (all rows without a held-out share). */
  private readonly trainFeatures: Matrix;
  private readonly heldOut: HeldOutInputs | null;
  private current: MutableState;

  constructor(
    private readonly data: TrainingData,
    readonly settings: TrainingSettings,
    resumeFrom?: TrainerState,
  ) {
    validateTrainingSettings(settings);
    validateTrainingData(data);
    const { features, initialLabels } = data;
    this.shape = { kind: settings.head, inputs: features.cols, hidden: settings.hidden, classes: initialLabels.cols };
    this.split = heldOutSplit(features.rows, settings.heldOut, settings.seed);
    this.trainFeatures = createMatrix(this.split.trainRows.length, features.cols, gatherRows(features.data, features.cols, this.split.trainRows));
    this.heldOut = heldOutInputs(data, this.split);
    this.current = copyState(resumeFrom ?? freshTrainerState(this.shape, settings.seed, initialLabels.data));
  }

  done(): boolean {
    return isRunOver(this.current.epoch, this.current, this.settings);
  }

  epoch(): EpochFigures {
    if (this.done()) throw new Error(`the run is over after epoch ${this.current.epoch}`);
    const epoch = this.current.epoch + 1;
    const loss = this.optimiseEpoch(epoch);
    const labelUpdate = isLabelUpdateEpoch(epoch, this.settings);
    const before = labelUpdate ? this.current.latent.slice() : null;
    if (labelUpdate) this.updateTrainLabels();
    const labelChange = before ? meanLabelChange(before, this.current.latent) : 0;
    const pseudoLabelMap = this.pseudoLabelMap();
    const val = this.data.val;
    // Ranked by the logits: float32 σ rounds every logit above ~17.3 to 1, tying confident predictions.
    const valMap = val ? meanAp(createMatrix(val.truth.rows, val.truth.cols, this.logits(val.features)), val.truth, this.data.classes) : null;
    const held = this.heldOut ? scoreHeldOut(this.logits(this.heldOut.features), this.heldOut.initialLabels, this.data.classes) : null;
    const figures = { epoch, loss, labelUpdate, labelChange, pseudoLabelMap, valMap, heldOutLoss: held?.loss ?? null, heldOutMap: held?.map ?? null };
    this.current.epoch = epoch;
    Object.assign(this.current, trackSelection(this.current, figures, () => ({ params: this.params(), latent: this.current.latent.slice() })));
    return figures;
  }

  /**
   * mAP of the current pseudo labels (held-out rows stay at Y0) against the train ground truth, ranked
   * by z: the same order as y = σ(z) without float32 σ saturating confident labels into ties at 1.
   */
  pseudoLabelMap(): number | null {
    const { trainTruth, classes } = this.data;
    if (!trainTruth) return null;
    return meanAp(createMatrix(trainTruth.rows, trainTruth.cols, this.current.latent), trainTruth, classes);
  }

  state(): TrainerState {
    return copyState(this.current);
  }

  params(): Float32Array[] {
    return this.current.params.map((param) => param.slice());
  }

  kept(): KeptEpoch | null {
    return keptEpochOf(this.state());
  }

  pseudoLabels(): Matrix {
    const { rows, cols } = this.data.initialLabels;
    return createMatrix(rows, cols, labelsFromLatent(this.current.latent));
  }

  /** σ(head(x)) for every row of `features`. */
  predict(features: Matrix): Float32Array {
    return this.logits(features).map((s) => sigmoid(s));
  }

  /** head(x), the logits, for every row of `features`. */
  logits(features: Matrix): Float32Array {
    return headForward(this.shape, this.current.params, features.data, features.rows).logits;
  }

  /** The label step on the trained rows only: held-out labels stay Y0, the reference they are scored on. */
  private updateTrainLabels(): void {
    const { trainRows } = this.split;
    const cols = this.shape.classes;
    const latent = gatherRows(this.current.latent, cols, trainRows);
    updateLatent(latent, this.predict(this.trainFeatures), this.settings);
    scatterRows(latent, cols, trainRows, this.current.latent);
  }

  /** θ-steps over shuffled mini-batches of the trained rows with y fixed; returns the mean KL over their labels. */
  private optimiseEpoch(epoch: number): number {
    const features = this.trainFeatures;
    const cols = this.shape.classes;
    const labels = labelsFromLatent(gatherRows(this.current.latent, cols, this.split.trainRows));
    const order = epochOrder(features.rows, this.settings.seed, epoch);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += this.settings.batchSize) {
      const rows = order.subarray(start, start + this.settings.batchSize);
      const x = gatherRows(features.data, features.cols, rows);
      const forward = headForward(this.shape, this.current.params, x, rows.length);
      const batch = klBatch(forward.logits, gatherRows(labels, cols, rows));
      lossSum += batch.lossSum;
      this.applyAdam(headBackward(this.shape, this.current.params, forward, batch.gradient, rows.length));
    }
    return lossSum / labels.length;
  }

  private applyAdam(grads: Float32Array[]): void {
    const state = this.current;
    state.adamStep += 1;
    const adam = { ...ADAM_DEFAULTS, learningRate: this.settings.learningRate };
    grads.forEach((grad, i) => adamStep(state.params[i]!, grad, state.adamM[i]!, state.adamV[i]!, state.adamStep, adam));
  }
}

/** The held-out images' features and Y0, packed; null without a held-out share. */
export interface HeldOutInputs {
  readonly features: Matrix;
  readonly initialLabels: Matrix;
}

export function heldOutInputs(data: TrainingData, split: HeldOutSplit): HeldOutInputs | null {
  const rows = split.heldOutRows;
  if (rows.length === 0) return null;
  const { features, initialLabels } = data;
  return {
    features: createMatrix(rows.length, features.cols, gatherRows(features.data, features.cols, rows)),
    initialLabels: createMatrix(rows.length, initialLabels.cols, gatherRows(initialLabels.data, initialLabels.cols, rows)),
  };
}

/** Epoch 0 of a run: head initialised from `seed`, Adam moments zero, z0 = logit(Y0) (see initialLatent). */
export function freshTrainerState(shape: HeadShape, seed: number, initialLabels: Float32Array): TrainerState {
  const params = initHeadParams(shape, seed);
  const zeros = () => params.map((param) => new Float32Array(param.length));
  return { epoch: 0, params, adamM: zeros(), adamV: zeros(), adamStep: 0, latent: latentFromLabels(initialLabels), selected: null, updatesSinceSelected: 0 };
}

/** The state as the trainer mutates it: tensors in place, counters reassigned. */
type MutableState = { -readonly [K in keyof TrainerState]: TrainerState[K] } & {
  params: Float32Array[];
  adamM: Float32Array[];
  adamV: Float32Array[];
};

/** A deep copy; a checkpoint stored before selection existed gets none. */
export function copyState(state: TrainerState): MutableState {
  const copy = (tensors: readonly Float32Array[]) => tensors.map((tensor) => tensor.slice());
  const { selected, updatesSinceSelected } = selectionOf(state);
  return {
    epoch: state.epoch,
    params: copy(state.params),
    adamM: copy(state.adamM),
    adamV: copy(state.adamV),
    adamStep: state.adamStep,
    latent: state.latent.slice(),
    selected: selected && { ...selected, params: copy(selected.params), latent: selected.latent.slice() },
    updatesSinceSelected,
  };
}

/** Throws RangeError when features, labels, truth and val do not fit together. */
export function validateTrainingData(data: TrainingData): void {
  const { features, initialLabels, trainTruth, val, classes } = data;
  if (features.rows !== initialLabels.rows) throw new RangeError(`${features.rows} feature rows but ${initialLabels.rows} pseudo-label rows`);
  if (features.rows === 0) throw new RangeError('no training images');
  if (initialLabels.cols !== classes.length) throw new RangeError(`${initialLabels.cols} label columns but ${classes.length} classes`);
  if (trainTruth && (trainTruth.rows !== features.rows || trainTruth.cols !== classes.length)) throw new RangeError('train ground truth does not match the features');
  if (val && (val.features.cols !== features.cols || val.features.rows !== val.truth.rows || val.truth.cols !== classes.length)) {
    throw new RangeError('val features and ground truth do not match the train set');
  }
}
