/**
 * Which other split the Training view offers to compute, so that a head gets a val set in one click:
 * - a run of a training split (train, trainval…) without another split stored: "compute the val split
 *   too" (val, else test), after which the training split is reopened to train on;
 * - a run of the val (or test) split itself: a head trained on it has no split left to be scored on,
 *   so the offer is to open the train split instead (computed, or reopened when stored), keeping val as
 *   its val set.
 * Nothing without ground truth (no val mAP to get) or when a val set is already there.
 */
export type SplitOffer =
  | { readonly kind: 'val-too'; readonly split: string; readonly reopen: string }
  | { readonly kind: 'train-instead'; readonly split: string; readonly stored: boolean };

export interface SplitOfferInput {
  /** The open run's split (null: every annotated image, no split to set apart). */
  readonly openSplit: string | null;
  /** The splits the dataset folder offers. */
  readonly splits: readonly string[];
  /** Other splits with a finished run of the same model in this browser (the val candidates). */
  readonly stored: readonly string[];
  readonly unlabelled: boolean;
}

const EVALUATION_SPLITS = ['val', 'test'];
const TRAINING_SPLITS = ['train', 'trainval'];

export function splitOffer({ openSplit, splits, stored, unlabelled }: SplitOfferInput): SplitOffer | null {
  if (unlabelled || openSplit === null) return null;
  if (EVALUATION_SPLITS.includes(openSplit)) {
    const train = TRAINING_SPLITS.find((split) => splits.includes(split));
    return train === undefined ? null : { kind: 'train-instead', split: train, stored: stored.includes(train) };
  }
  if (stored.length > 0) return null;
  const val = EVALUATION_SPLITS.find((split) => split !== openSplit && splits.includes(split));
  return val === undefined ? null : { kind: 'val-too', split: val, reopen: openSplit };
}
