import type { LabelMatrix, Matrix } from '../types';
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
  readonly bestPseudoLabelMap: number | null;
  readonly epochsSinceBest: number;
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
  /** A copy of the head's parameters (W1, b1[, W2, b2]), e.g. to export or to predict elsewhere. */
  params(): readonly Float32Array[] | Promise<readonly Float32Array[]>;
  /** mAP (%) of the current pseudo labels against the train ground truth (before epoch 1: of Y0, z0 = logit Y0). */
  pseudoLabelMap(): number | null;
  /** Current pseudo labels y = σ(z), [train images, classes]. */
  pseudoLabels(): Matrix;
}
