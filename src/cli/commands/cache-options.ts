import { parseArgs } from 'node:util';
import { MAX_GRID, MIN_GRID } from '../../core/cdul/snippet-grid';
import { DEFAULT_PROMPT_TEMPLATE, validatePromptTemplate } from '../../core/clip/prompts';
import { parseIntegerOption, requireOption } from '../option-parsers';
import { DATASET_OPTIONS, parseDatasetChoice, type DatasetChoice } from '../dataset-options';
import { UsageError } from '../usage-error';

export const CACHE_USAGE = `cdul cache --dataset DIR [--format F] [--classes FILE] [--split S] --model MODEL_DIR --grid N --out DIR [--shard i/n]
           [--template "a photo of a {name}"] [--chunk K] [--threads T]
  The initialization, headless: CLIP (onnxruntime-node) encodes every image of the split whole and as an
  N×N grid of snippets (N = 1…5); without --split, the layout's default (VOC: every annotated image).
  Any layout cdul dataset reads; prompts use each class's prompt name (a class list's name<TAB>prompt name). Writes manifest.json and .npy files (embeddings and softmax similarities).
  Progress with images/s and ETA on stderr; Ctrl-C stops after the current chunk and a rerun resumes.
  --shard i/n processes the i-th (0-based) of n contiguous blocks; join shards with cdul merge.`;

export interface CacheOptions {
  readonly dataset: DatasetChoice;
  /** null: the layout's default (VOC: every image listed in Annotations/, as in voc-mini). */
  readonly split: string | null;
  readonly modelDir: string;
  readonly grid: number;
  readonly outDir: string;
  readonly shard: { index: number; count: number } | null;
  readonly template: string;
  readonly chunkSize: number;
  readonly threads: number | undefined;
}

export function parseCacheOptions(argv: string[]): CacheOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...DATASET_OPTIONS,
      split: { type: 'string' },
      model: { type: 'string' },
      grid: { type: 'string' },
      out: { type: 'string' },
      shard: { type: 'string' },
      template: { type: 'string', default: DEFAULT_PROMPT_TEMPLATE },
      chunk: { type: 'string', default: '8' },
      threads: { type: 'string' },
    },
  });
  const templateProblem = validatePromptTemplate(values.template);
  if (templateProblem) throw new UsageError(`--template: ${templateProblem}`);
  return {
    dataset: parseDatasetChoice(values),
    split: values.split ?? null,
    modelDir: requireOption(values.model, 'model'),
    grid: parseIntegerOption(requireOption(values.grid, 'grid'), 'grid', { min: MIN_GRID, max: Math.min(MAX_GRID, 5) }),
    outDir: requireOption(values.out, 'out'),
    shard: values.shard === undefined ? null : parseShard(values.shard),
    template: values.template,
    chunkSize: parseIntegerOption(values.chunk, 'chunk', { min: 1, max: 256 }),
    threads: values.threads === undefined ? undefined : parseIntegerOption(values.threads, 'threads', { min: 1, max: 256 }),
  };
}

export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new UsageError(`--shard expects i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got '${value}'`);
  }
  return { index, count };
}

/** The contiguous block of `total` items that shard `index` of `count` takes. */
export function shardRange(total: number, shard: { index: number; count: number } | null): [number, number] {
  if (!shard) return [0, total];
  return [Math.floor((shard.index * total) / shard.count), Math.floor(((shard.index + 1) * total) / shard.count)];
}
