import type { LabSettings } from '../../core/evaluation/lab-settings';
import type { ByMode } from '../../core/evaluation/pseudo-label-modes';
import type { MeanApResult } from '../../core/metrics/mean-ap';
import type { PrCurve } from '../../core/metrics/pr-curve';
import type { LayoutFacts } from '../../core/datasets/layout-splits';
import type { DatasetFormat } from '../../core/datasets/multi-label-dataset';
import type { ReferenceCacheModel } from '../../core/ref-cache/reference-cache-layout';
import type { DatasetRef } from './refs';

/**
 * Questions the lab's views ask the pipeline worker about the finished run. The worker owns the
 * matrices (tens of MB for VOC train); views get the slices they draw, in typed arrays.
 */
export type LabQuery =
  /** The mAP of the three modes at one setting (the workspace's results table; remembered per setting). */
  | { readonly kind: 'summary'; readonly settings: LabSettings }
  /** Every image's global, aggregate and final scores at one setting, with the ground truth. */
  | { readonly kind: 'scores'; readonly settings: LabSettings }
  /** One image: its snippets' scores (heatmaps), α/β and where they came from, its labels. */
  | { readonly kind: 'image'; readonly index: number; readonly settings: LabSettings }
  /** The image file itself, to draw (read from the dataset by the worker, which holds the folder). */
  | { readonly kind: 'image-file'; readonly index: number }
  /** mAP and per-class AP of the three modes. */
  | { readonly kind: 'evaluation'; readonly settings: LabSettings }
  /** Precision–recall curves of one class for the three modes. */
  | { readonly kind: 'pr-curves'; readonly classIndex: number; readonly settings: LabSettings }
  /** mAP at every ζ of `zetas` (λ, scale, convention and difficult from `settings`). */
  | { readonly kind: 'zeta-sweep'; readonly zetas: readonly number[]; readonly settings: LabSettings }
  /** The snippet grids with a finished run of the same images and model in this browser. */
  | { readonly kind: 'cached-grids' }
  /**
   * What a classifier head trains on: the run's L2-normalised global embeddings, its final pseudo
   * labels at `settings` (Y0), the ground truth, and a val set (another split's stored run; `valSplit`
   * null picks 'val' when stored).
   */
  | { readonly kind: 'training-data'; readonly settings: LabSettings; readonly valSplit: string | null }
  /** Splits a val set could come from (finished runs of the same model on other splits). */
  | { readonly kind: 'val-candidates' };

/** Questions about a dataset, answered without a finished run. */
export type DatasetQuery =
  /** Which reference-reproduction caches (clip_cache/model_*) the dataset holds ([] when none, or not a VOC folder). */
  | { readonly kind: 'reference-caches'; readonly dataset: DatasetRef }
  /** The layout found in the dataset (or the one asked for) and the splits it offers, from file names only. */
  | { readonly kind: 'dataset-layout'; readonly dataset: DatasetRef; readonly format: DatasetFormat | 'auto' };

/** Everything the page may ask the pipeline worker with a 'query' message. */
export type WorkerQuery = LabQuery | DatasetQuery;

/** The mAPs of the three modes at one setting, and what computing them cost. */
export interface SummaryResult {
  readonly kind: 'summary';
  readonly settings: LabSettings;
  readonly images: number;
  /** null: the dataset has no ground truth (a plain folder): nothing to measure against. */
  readonly mAP: ByMode<number> | null;
  readonly classesWithoutPositives: readonly string[];
  readonly elapsedMs: number;
}

export interface ReferenceCachesResult {
  readonly kind: 'reference-caches';
  readonly caches: readonly ReferenceCacheModel[];
}

export interface ScoresResult {
  readonly kind: 'scores';
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  /** [images × classes] row-major, per mode. */
  readonly scores: ByMode<Float32Array>;
  /** [images × classes]: 1 positive, −1 negative, 0 difficult-only; null without ground truth. */
  readonly truth: Int8Array | null;
}

export interface ImageResult {
  readonly kind: 'image';
  readonly index: number;
  readonly id: string;
  /** N of the N×N grid; 0 when the run kept no per-snippet scores (reference caches: α/β only). */
  readonly grid: number;
  /** [N² × classes]: each snippet's class scores (softmax at the setting's temperature). */
  readonly snippetScores: Float32Array;
  readonly alphaSnippet: Int32Array;
  readonly betaSnippet: Int32Array;
  readonly alpha: Float32Array;
  readonly beta: Float32Array;
  readonly scores: ByMode<Float32Array>;
  /** null without ground truth. */
  readonly truth: Int8Array | null;
}

export interface ImageFileResult {
  readonly kind: 'image-file';
  readonly index: number;
  readonly id: string;
  /** Path inside the dataset, e.g. JPEGImages/2008_000123.jpg. */
  readonly path: string;
  readonly bytes: ArrayBuffer;
  readonly mimeType: string;
}

export interface EvaluationResult {
  readonly kind: 'evaluation';
  readonly results: ByMode<MeanApResult>;
}

export interface PrCurvesResult {
  readonly kind: 'pr-curves';
  readonly classIndex: number;
  readonly curves: ByMode<PrCurve>;
}

export interface ZetaSweepResult {
  readonly kind: 'zeta-sweep';
  readonly zetas: readonly number[];
  readonly mAP: ByMode<readonly number[]>;
}

export interface CachedGridsResult {
  readonly kind: 'cached-grids';
  /** The run's own grid. */
  readonly current: number;
  /** Every grid with a finished run, the current one included, ascending. */
  readonly grids: readonly number[];
}

export interface TrainingDataResult {
  readonly kind: 'training-data';
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  /** Embedding dimension d. */
  readonly dim: number;
  /** [images × d], rows L2-normalised. */
  readonly features: Float32Array;
  /** [images × classes]: the final pseudo labels at the query's setting. */
  readonly initialLabels: Float32Array;
  /** [images × classes]: 1 positive, −1 negative, 0 difficult-only; null without ground truth. */
  readonly truth: Int8Array | null;
  readonly val: {
    readonly split: string;
    readonly runKey: string;
    readonly ids: readonly string[];
    readonly features: Float32Array;
    readonly truth: Int8Array;
  } | null;
  /** Splits a val set could come from. */
  readonly valCandidates: readonly string[];
  /** Why there is no val set. */
  readonly valNote: string | null;
}

export interface ValCandidatesResult {
  readonly kind: 'val-candidates';
  readonly candidates: readonly string[];
}

export type LabResult = SummaryResult | ValCandidatesResult | TrainingDataResult | CachedGridsResult | ScoresResult | ImageResult | ImageFileResult | EvaluationResult | PrCurvesResult | ZetaSweepResult;

export interface DatasetLayoutResult {
  readonly kind: 'dataset-layout';
  /** null: no layout found (a folder of photos without classes.txt, or not the format asked for). */
  readonly layout: LayoutFacts | null;
}

export type WorkerQueryResult = LabResult | ReferenceCachesResult | DatasetLayoutResult;

/** The result type that answers a query of kind K. */
export type QueryResultOf<K extends WorkerQuery['kind']> = Extract<WorkerQueryResult, { kind: K }>;
