/**
 * The built-in demo datasets the generator writes: the default scenes (public/demo/voc-demo, whose
 * 3×3 pseudo labels are already perfect) and the hard ones (public/demo/voc-demo-hard), where zero-shot
 * pseudo labels are imperfect at every grid, so that training with label updates has work to do.
 */
import { DEMO_DATASET_CONFIG, DEMO_DATASET_DIR, type DemoDatasetConfig } from './dataset';

export type DemoVariantName = 'default' | 'hard';

export interface DemoVariant {
  /** Where the lab ships it (relative to the repository root). */
  readonly dir: string;
  readonly config: DemoDatasetConfig;
}

export const HARD_DEMO_DATASET_CONFIG: DemoDatasetConfig = {
  ...DEMO_DATASET_CONFIG,
  seed: 2014,
  variant: 'hard',
  folder: 'voc-demo-hard',
  smallPerImage: [2, 4],
  // Difficult objects follow from visibility (hard-scene-layout.ts), not from a draw.
  difficultRate: 0,
};

export const DEMO_VARIANTS: Readonly<Record<DemoVariantName, DemoVariant>> = {
  default: { dir: DEMO_DATASET_DIR, config: DEMO_DATASET_CONFIG },
  hard: { dir: 'public/demo/voc-demo-hard', config: HARD_DEMO_DATASET_CONFIG },
};

export const isDemoVariantName = (name: string): name is DemoVariantName => name in DEMO_VARIANTS;
