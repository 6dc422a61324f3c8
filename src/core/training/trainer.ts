import type { LabelMatrix, Matrix } from '../types';
import type { SelectedEpoch } from './epoch-selection';
import type { TrainingSettings } from './training-settings';

/** What one epoch reports: the three curves of the lab's charts. */
export interface EpochFigures {
  /** 1-based. */
  readonly epoch: number;
  /** Mean binary KL over every label of the epoch's mini-batches (θ-steps, y fixed). */
  readonly loss: number;
  /** Whether the pseudo labels were updated at the end of this epoch. */
  readonly labelUpdate: boolean;
  /** Mean |Δy| over every pseudo label made by this epoch's update (0 without one). */
  readonly labelChange: number;
  /** mAP (%) of the current pseudo labels against the train ground truth; null without it. */
  readonly pseudoLabelMap: number | null;
  /** mAP (%) of the classifier on the val set; null without one. */
  readonly valMap: number | null;
  /** Mean binary KL(Y0 ‖ σ(head)) on the held-out images (the selection score); null without a held-out share. */
  readonly heldOutLoss: number | null;
  /** mAP (%) of the head on the held-out images against Y0 ≥ 0.5; null without a held-out share or positive. */
  readonly heldOutMap: number | null;
}

/** The frozen inputs of a run: features and initial pseudo labels of the train images, optional truth. */
export interface TrainingData {
  /** [train images, embedding dim]. */
  readonly features: Matrix;
  /** Y0, [train images, classes], in [0, 1]. */
  readonly initialLabels: Matrix;
  readonly classes: readonly string[];
  readonly trainTruth?: LabelMatrix;
  readonly val?: { readonly features: Matrix; readonly truth: LabelMatrix };
}

/**
 * Everything needed to continue a run exactly: Float32 tensors as the GPU stores them. Parameters
 * and Adam moments are in the head's tensor order (W1, b1[, W2, b2]).
 */
export interface TrainerState {
  readonly epoch: number;
  readonly params: readonly Float32Array[];
  readonly adamM: readonly Float32Array[];
  readonly adamV: readonly Float32Array[];
  /** Adam steps taken so far (its bias correction depends on it). */
  readonly adamStep: number;
  /** Latent logits z of the pseudo labels, [train images, classes]. */
  readonly latent: Float32Array;
  /** The best held-out epoch so far (null without a held-out share, or before epoch 1). */
  readonly selected: SelectedEpoch | null;
  /** Label updates since `selected`: what patience counts. */
  readonly updatesSinceSelected: number;
}

/** What a finished (or stopped) run hands on: to export, to show, to evaluate. */
export interface KeptEpoch {
  readonly epoch: number;
  readonly params: readonly Float32Array[];
  readonly latent: Float32Array;
  /** True when chosen by the held-out score, false when simply the last epoch. */
  readonly selectedByHeldOut: boolean;
}

/** One training run, epoch by epoch: on the CPU (CpuTrainer) or on WebGPU (src/gpu/training/GpuTrainer). */
export interface Trainer {
  readonly settings: TrainingSettings;
  /** Runs the next epoch; throws when done(). */
  epoch(): EpochFigures | Promise<EpochFigures>;
  /** True after the last epoch or an early stop. */
  done(): boolean;
  /** A copy of the state, to resume from later (stop/resume); the GPU path reads its buffers back. */
  state(): TrainerState | Promise<TrainerState>;
  /** A copy of the head's parameters (W1, b1[, W2, b2]) after the last epoch run. */
  params(): readonly Float32Array[] | Promise<readonly Float32Array[]>;
  /**
   * The epoch the run keeps: the best held-out epoch's head and pseudo labels, or the last epoch's
   * without a held-out share; null before epoch 1.
   */
  kept(): KeptEpoch | null;
  /** mAP (%) of the current pseudo labels against the train ground truth (before epoch 1: of Y0, z0 = logit Y0). */
  pseudoLabelMap(): number | null;
  /** Current pseudo labels y = σ(z), [train images, classes]. */
  pseudoLabels(): Matrix;
}

/** The kept epoch of a state: the selected one, else the last one run (see Trainer.kept). */
export function keptEpochOf(state: TrainerState): KeptEpoch | null {
  const { selected } = state;
  if (selected) return { epoch: selected.epoch, params: selected.params, latent: selected.latent, selectedByHeldOut: true };
  return state.epoch > 0 ? { epoch: state.epoch, params: state.params, latent: state.latent, selectedByHeldOut: false } : null;
}
