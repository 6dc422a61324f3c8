export type { EpochFigures, Trainer, TrainerState, TrainingData } from './trainer';
export type { HeadKind, TrainingSettings } from './training-settings';
export { DEFAULT_TRAINING_SETTINGS, HEAD_KINDS, isLabelUpdateEpoch, validateTrainingSettings } from './training-settings';
export { CpuTrainer } from './cpu-trainer';
export { l2NormalizeRows } from './normalize-features';
