import type { ApConvention } from '../metrics/ap-convention';
import type { DifficultPolicy } from '../types';

/**
 * One pseudo-label setting as the lab's views, the worker, the exports and the CLI's reports name it:
 * the aggregator threshold ζ, the final mix λ, the softmax temperature and how AP is measured.
 */
export interface LabSettings {
  readonly zeta: number;
  readonly lambda: number;
  /** Softmax multiplier; null = the model's own logit scale. */
  readonly scale: number | null;
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  /**
   * Another prompt template for this setting only (Compare's "prompt set"): the class names in force
   * stay. Absent: the prompts in force.
   */
  readonly promptTemplate?: string;
  /** Another snippet grid for this setting only, from a finished run stored in the browser. Absent: the run's. */
  readonly grid?: number;
}

/** The lab's starting setting: ζ 0.1, the plain average (λ 0), the model's temperature, step-wise AP. */
export const DEFAULT_LAB_SETTINGS: LabSettings = {
  zeta: 0.1,
  lambda: 0,
  scale: null,
  convention: 'step',
  difficult: 'positive',
};
