import { parseArgs } from 'node:util';
import { DEFAULT_TRAINING_SETTINGS, HEAD_KINDS, LABEL_SCHEDULES, MAX_HELD_OUT, type TrainingSettings } from '../../core/training/training-settings';
import { parseChoice, parseIntegerOption, parseNumberOption, requireOption } from '../option-parsers';
import { DATASET_OPTIONS, parseDatasetChoice, type DatasetChoice } from '../dataset-options';
import { UsageError } from '../usage-error';

const D = DEFAULT_TRAINING_SETTINGS;

export const TRAIN_USAGE = `cdul train --cache DIR --dataset DIR [--format F] [--classes FILE] [--train-split S] [--val-split S] [--val-cache DIR]
           [--head linear|mlp] [--hidden N] [--epochs N] [--warmup N] [--update-every K] [--schedule lab|reference] [--sigma σ]
           [--eta η] [--lr X] [--batch N] [--seed N] [--held-out F] [--patience N] [--zeta ζ] [--lambda λ] [--onnx FILE] [--json]
  Gradient alignment on the CPU (spec §2): a head on the cache's L2-normalised global image embeddings,
  trained with Adam on the final pseudo labels at ζ/λ, which are updated z ← z − min(η ψ(y), 1) ∂L/∂y
  every K epochs after the warm-up. The weight is capped at 1 so that a label moves towards the head's
  prediction and at most onto it, never past it (uncapped, η 1 σ 0.2 would step a label near ½ about
  twice as far). --cache is a cdul cache folder holding the train split.
  --schedule picks the update epochs e (1-based): lab, e > warm-up and (e − warm-up) mod K = 0 (the first right
  after the warm-up); reference, e > warm-up and e mod K = 0, as the reference reproduction runs it.
  The val split's embeddings come from --val-cache, or from --cache too (e.g. a cache made without --split).
  Prints per epoch the training loss, pseudo-label mAP against the train ground truth and val mAP (both
  ranked by logits, so confident scores do not tie at a float32 sigmoid of 1).
  --held-out F holds out a seeded share F of the train images (default ${D.heldOut}; 0 for none): the head never steps
  on them and their labels are never updated; after every epoch the head is scored on them against their Y0
  (binary KL, and mAP against Y0 ≥ 0.5). The epoch with the lowest held-out KL is kept (--onnx writes its head);
  --patience N stops after N label updates (all after the warm-up) without a lower held-out KL. No ground truth
  is used to choose or to stop, so a folder without annotations trains the same way.
  --onnx FILE writes the kept head as an ONNX model (opset 17): input image_embeds [batch, dim], the raw
  embedding (the graph L2-normalises it), outputs logits and probabilities (sigmoid) [batch, classes];
  the class names are in its metadata ("classes").
  Defaults: --head ${D.head} --hidden ${D.hidden} --epochs ${D.epochs} --warmup ${D.warmup} --update-every ${D.updateEvery} --schedule ${D.schedule} --sigma ${D.sigma}
  --eta ${D.eta} --lr ${D.learningRate} --batch ${D.batchSize} --seed ${D.seed} --held-out ${D.heldOut}, --zeta 0.5 --lambda 0;
  no early stop without --patience.`;

export interface TrainOptions {
  readonly cacheDir: string;
  readonly valCacheDir: string | null;
  readonly dataset: DatasetChoice;
  /** null: the layout's images without a split (a plain folder has none). */
  readonly trainSplit: string | null;
  readonly valSplit: string | null;
  readonly zeta: number;
  readonly lambda: number;
  readonly settings: TrainingSettings;
  /** --onnx: where to write the trained head as ONNX, or null. */
  readonly onnxPath: string | null;
  readonly json: boolean;
}

export function parseTrainOptions(argv: string[]): TrainOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      cache: { type: 'string' },
      'val-cache': { type: 'string' },
      ...DATASET_OPTIONS,
      'train-split': { type: 'string' },
      'val-split': { type: 'string' },
      head: { type: 'string', default: D.head },
      hidden: { type: 'string', default: String(D.hidden) },
      epochs: { type: 'string', default: String(D.epochs) },
      warmup: { type: 'string', default: String(D.warmup) },
      'update-every': { type: 'string', default: String(D.updateEvery) },
      schedule: { type: 'string', default: D.schedule },
      sigma: { type: 'string', default: String(D.sigma) },
      eta: { type: 'string', default: String(D.eta) },
      lr: { type: 'string', default: String(D.learningRate) },
      batch: { type: 'string', default: String(D.batchSize) },
      seed: { type: 'string', default: String(D.seed) },
      'held-out': { type: 'string', default: String(D.heldOut) },
      patience: { type: 'string' },
      zeta: { type: 'string', default: '0.5' },
      lambda: { type: 'string', default: '0' },
      onnx: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const whole = (value: string, option: string, min: number) => parseIntegerOption(value, option, { min, max: 1e9 });
  const settings: TrainingSettings = {
    head: parseChoice(values.head, 'head', HEAD_KINDS),
    hidden: whole(values.hidden, 'hidden', 1),
    epochs: whole(values.epochs, 'epochs', 1),
    warmup: whole(values.warmup, 'warmup', 0),
    updateEvery: whole(values['update-every'], 'update-every', 1),
    schedule: parseChoice(values.schedule, 'schedule', LABEL_SCHEDULES),
    sigma: parseNumberOption(values.sigma, 'sigma', { min: Number.MIN_VALUE }),
    eta: parseNumberOption(values.eta, 'eta', { min: 0 }),
    learningRate: parseNumberOption(values.lr, 'lr', { min: Number.MIN_VALUE }),
    batchSize: whole(values.batch, 'batch', 1),
    seed: parseIntegerOption(values.seed, 'seed', { min: 0, max: 2 ** 32 - 1 }),
    heldOut: parseNumberOption(values['held-out'], 'held-out', { min: 0, max: MAX_HELD_OUT }),
    patience: values.patience === undefined ? null : whole(values.patience, 'patience', 1),
  };
  if (values.onnx === '') throw new UsageError('--onnx expects a file name');
  return {
    cacheDir: requireOption(values.cache, 'cache'),
    valCacheDir: values['val-cache'] ?? null,
    dataset: parseDatasetChoice(values),
    trainSplit: values['train-split'] ?? null,
    valSplit: values['val-split'] ?? null,
    zeta: parseNumberOption(values.zeta, 'zeta', { min: 0, max: 1 }),
    lambda: parseNumberOption(values.lambda, 'lambda', { min: 0, max: 1 }),
    settings,
    onnxPath: values.onnx ?? null,
    json: values.json,
  };
}
