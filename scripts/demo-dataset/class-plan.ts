/**
 * Which classes each image shows, before any geometry: image ids, the split, the image size, the
 * large class and the small classes. Balanced so that every class is the large object equally often
 * in each split and a small object about equally often.
 */
import { VOC_CLASSES, type VocClass } from '../../src/core/voc/voc-classes';
import { integerBetween, pick, shuffled, type Random } from './random-tools';

export type DemoSplit = 'train' | 'val';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export interface ImagePlan {
  /** 1-based position in the dataset; the id is `demo_` and this number padded to 6 digits. */
  readonly index: number;
  readonly id: string;
  readonly split: DemoSplit;
  readonly width: number;
  readonly height: number;
  readonly large: VocClass;
  readonly small: readonly VocClass[];
  readonly smallDifficult: readonly boolean[];
}

export interface PlanOptions {
  readonly trainImages: number;
  readonly valImages: number;
  readonly sizes: readonly ImageSize[];
  readonly smallPerImage: readonly [number, number];
  /** Chance that a small object is marked difficult. */
  readonly difficultRate: number;
}

export const imageId = (index: number): string => `demo_${String(index).padStart(6, '0')}`;

/**
 * Val images are spread evenly through the id range (every third one for 200/100), as VOC mixes
 * its splits, rather than being one block at the end.
 */
export function splitOf(index: number, options: PlanOptions): DemoSplit {
  const total = options.trainImages + options.valImages;
  const share = (i: number): number => Math.floor((i * options.valImages) / total);
  return share(index) > share(index - 1) ? 'val' : 'train';
}

export function planImages(options: PlanOptions, random: Random): ImagePlan[] {
  const total = options.trainImages + options.valImages;
  const indices = Array.from({ length: total }, (_, i) => i + 1);
  const bySplit = (split: DemoSplit): number[] => indices.filter((i) => splitOf(i, options) === split);
  const plans = [...planSplit(bySplit('train'), 'train', options, random)];
  plans.push(...planSplit(bySplit('val'), 'val', options, random));
  return plans.sort((a, b) => a.index - b.index);
}

function planSplit(
  indices: readonly number[],
  split: DemoSplit,
  options: PlanOptions,
  random: Random,
): ImagePlan[] {
  const large = balancedLargeClasses(indices.length, random);
  const smallUses = new Map<VocClass, number>(VOC_CLASSES.map((name) => [name, 0]));
  return indices.map((index, i) => {
    const largeClass = large[i]!;
    const count = integerBetween(random, ...options.smallPerImage);
    const small = leastUsedClasses(count, largeClass, smallUses, random);
    const smallDifficult = small.map(() => random() < options.difficultRate);
    const size = pick(random, options.sizes);
    return { index, id: imageId(index), split, ...size, large: largeClass, small, smallDifficult };
  });
}

/** Repeated shuffles of the 20 classes: each class is the large object n/20 times (±1). */
function balancedLargeClasses(count: number, random: Random): VocClass[] {
  const classes: VocClass[] = [];
  while (classes.length < count) classes.push(...shuffled(random, VOC_CLASSES));
  return classes.slice(0, count);
}

/** The `count` classes used least so far as small objects (ties in random order), not `exclude`. */
function leastUsedClasses(
  count: number,
  exclude: VocClass,
  uses: Map<VocClass, number>,
  random: Random,
): VocClass[] {
  const candidates = shuffled(random, VOC_CLASSES).filter((name) => name !== exclude);
  // Array.prototype.sort is stable, so ties keep the shuffled order.
  candidates.sort((a, b) => (uses.get(a) ?? 0) - (uses.get(b) ?? 0));
  const chosen = candidates.slice(0, count);
  for (const name of chosen) uses.set(name, (uses.get(name) ?? 0) + 1);
  return chosen;
}
