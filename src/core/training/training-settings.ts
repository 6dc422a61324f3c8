/** The settings of one training run (spec §2): head shape, optimiser, schedule and label update. */
export type HeadKind = 'linear' | 'mlp';

export const HEAD_KINDS: readonly HeadKind[] = ['linear', 'mlp'];

/**
 * When the pseudo labels are updated (epochs e are 1-based, w = warm-up, k = update every):
 * 'lab' — e > w and (e − w) mod k = 0, the first update right after the warm-up;
 * 'reference' — e > w and e mod k = 0, as the reference reproduction runs it.
 */
export type LabelSchedule = 'lab' | 'reference';

export const LABEL_SCHEDULES: readonly LabelSchedule[] = ['lab', 'reference'];

export interface TrainingSettings {
  readonly head: HeadKind;
  /** Width of the MLP's hidden ReLU layer (ignored by 'linear'). */
  readonly hidden: number;
  readonly epochs: number;
  /** Epochs of θ-steps only before the first pseudo-label update. */
  readonly warmup: number;
  /** After warm-up, the pseudo labels are updated at the end of every k-th epoch. */
  readonly updateEvery: number;
  /** Which epochs count as every k-th (see LabelSchedule). */
  readonly schedule: LabelSchedule;
  /** σ of ψ(y); small σ concentrates the update on uncertain labels. */
  readonly sigma: number;
  /** η, the pseudo-label step. */
  readonly eta: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
  /**
   * Share of the train images held out (seeded by `seed`) from the head's steps and the label updates:
   * the head is scored on them against their Y0 after every epoch, the best epoch is kept and restored.
   * 0: none (no selection, no early stop).
   */
  readonly heldOut: number;
  /**
   * Stop after this many label updates (after warm-up) without a better held-out score; null: never
   * stop early. Needs a held-out share: no ground truth is used to stop.
   */
  readonly patience: number | null;
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  head: 'linear',
  hidden: 256,
  epochs: 20,
  warmup: 2,
  updateEvery: 1,
  schedule: 'lab',
  sigma: 0.2,
  eta: 1,
  learningRate: 0.1,
  batchSize: 32,
  seed: 0,
  heldOut: 0.1,
  patience: null,
};

/**
 * What a run stored before a setting existed trained with (merged over the defaults when old records
 * are read): the lab's schedule, and no held-out share.
 */
export const SETTINGS_BEFORE_THEY_EXISTED: Partial<TrainingSettings> = { schedule: 'lab', heldOut: 0 };

/** The largest held-out share the lab allows: most images must still train the head. */
export const MAX_HELD_OUT = 0.5;

/** Throws RangeError naming the first setting that no run could use. */
export function validateTrainingSettings(settings: TrainingSettings): void {
  const positiveIntegers: (keyof TrainingSettings)[] = ['hidden', 'epochs', 'updateEvery', 'batchSize'];
  for (const key of positiveIntegers) {
    const value = settings[key] as number;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key} must be a whole number ≥ 1, got ${value}`);
  }
  if (!Number.isInteger(settings.warmup) || settings.warmup < 0) throw new RangeError(`warmup must be a whole number ≥ 0, got ${settings.warmup}`);
  if (!LABEL_SCHEDULES.includes(settings.schedule)) throw new RangeError(`schedule must be one of ${LABEL_SCHEDULES.join(', ')}, got ${settings.schedule}`);
  if (!(settings.sigma > 0)) throw new RangeError(`sigma must be positive, got ${settings.sigma}`);
  if (!(settings.eta >= 0) || !Number.isFinite(settings.eta)) throw new RangeError(`eta must be ≥ 0, got ${settings.eta}`);
  if (!(settings.learningRate > 0) || !Number.isFinite(settings.learningRate)) throw new RangeError(`learningRate must be positive, got ${settings.learningRate}`);
  if (!(settings.heldOut >= 0 && settings.heldOut <= MAX_HELD_OUT)) throw new RangeError(`heldOut must lie in [0, ${MAX_HELD_OUT}], got ${settings.heldOut}`);
  if (settings.patience !== null && (!Number.isInteger(settings.patience) || settings.patience < 1)) {
    throw new RangeError(`patience must be a whole number ≥ 1, got ${settings.patience}`);
  }
  if (settings.patience !== null && settings.heldOut === 0) {
    throw new RangeError('patience needs a held-out share > 0: early stopping watches the held-out score, never the ground truth');
  }
}

/** True when the pseudo labels are updated at the end of `epoch` (1-based), by the settings' schedule. */
export function isLabelUpdateEpoch(epoch: number, settings: Pick<TrainingSettings, 'warmup' | 'updateEvery' | 'schedule'>): boolean {
  const counted = settings.schedule === 'reference' ? epoch : epoch - settings.warmup;
  return epoch > settings.warmup && counted % settings.updateEvery === 0;
}

/** The first epoch whose end updates the pseudo labels (it may lie beyond settings.epochs). */
export function firstLabelUpdateEpoch(settings: Pick<TrainingSettings, 'warmup' | 'updateEvery' | 'schedule'>): number {
  const { warmup, updateEvery } = settings;
  return settings.schedule === 'reference' ? (Math.floor(warmup / updateEvery) + 1) * updateEvery : warmup + updateEvery;
}
