/** Said once, at the top of Compare, for a dataset without ground truth: what is missing and what stands in for it. */
export function NoTruthNote() {
  return (
    <p className="banner info" role="note" aria-label="No ground truth">
      This dataset has no ground truth (a folder of photos and a class list), so there is no mAP, AP or precision–recall curve to compare.
      Shown instead, for A and B: the positives per class, the images whose labels change, and how much A and B agree (per-class Jaccard).
    </p>
  );
}
