/**
 * The CLIP models the lab can fetch, in the Hugging Face hub layout of the public ONNX exports:
 * onnx/{vision,text}_model{,_fp16,_quantized}.onnx beside config.json, preprocessor_config.json,
 * tokenizer.json and tokenizer_config.json (the files src/cli/clip/node-clip-model.ts loads).
 */

export type ModelVariant = 'fp32' | 'fp16' | 'quantized';
export type ModelTower = 'vision' | 'text';

export const MODEL_VARIANTS: readonly ModelVariant[] = ['fp32', 'fp16', 'quantized'];

export interface CatalogFile {
  /** Path inside the model folder, hub layout, e.g. "onnx/vision_model_fp16.onnx". */
  readonly path: string;
  /** For display and as the progress total until the server states the size; see sizesSource. */
  readonly approxBytes: number;
}

export interface ModelCatalogEntry {
  /** Stable id: the hub repository for hub models, the folder name for the app's own. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** owner/name in the hub layout ({base}/{repo}/resolve/main/{path}); a mirror serves the same. */
  readonly repo: string;
  /** Where the app itself serves the folder ("/models/tiny-vit/"), or null for hub-only models. */
  readonly appPath: string | null;
  /** Side of the square image the vision tower takes. */
  readonly inputSize: number;
  /** Approximate sizes of the two tower files per precision the repository ships. */
  readonly variants: Readonly<Partial<Record<ModelVariant, Readonly<Record<ModelTower, number>>>>>;
  /** The JSON and tokenizer files every variant needs. */
  readonly sharedFiles: readonly CatalogFile[];
  /** Where approxBytes come from, to show beside them. */
  readonly sizesSource: string;
  /** True when approxBytes are the files' exact sizes (a stored copy of another size is damaged). */
  readonly sizesExact: boolean;
}

export const HUB_BASE_URL = 'https://huggingface.co';
export const HUB_URL_TEMPLATE = '{base}/{repo}/resolve/main/{path}';

/** The four non-ONNX files, in the order they are fetched (after the towers: big files first). */
export const SHARED_MODEL_PATHS = [
  'tokenizer.json',
  'config.json',
  'preprocessor_config.json',
  'tokenizer_config.json',
] as const;

const VARIANT_SUFFIX: Readonly<Record<ModelVariant, string>> = { fp32: '', fp16: '_fp16', quantized: '_quantized' };

export function towerPath(tower: ModelTower, variant: ModelVariant): string {
  return `onnx/${tower}_model${VARIANT_SUFFIX[variant]}.onnx`;
}

const HUB_SIZES =
  'approximate: the ONNX sizes the hub\'s "Files and versions" pages of these repositories showed (decimal MB ' +
  'to three digits; they agree with the parameter counts, e.g. ViT-B/32 vision 87.8 M × 4 bytes = 351 MB), ' +
  'the JSON sizes typical of CLIP repositories; not checked offline. Downloads count each response\'s ' +
  'Content-Length instead';

/** Typical of CLIP repositories on the hub (tokenizer.json is 2.22 MB in all of them); tiny next to the towers. */
const XENOVA_SHARED: readonly CatalogFile[] = [
  { path: 'tokenizer.json', approxBytes: 2_220_000 },
  { path: 'config.json', approxBytes: 4_600 },
  { path: 'preprocessor_config.json', approxBytes: 500 },
  { path: 'tokenizer_config.json', approxBytes: 800 },
];

const CLIP_TEXT_SIZES = { fp32: 254_000_000, fp16: 127_000_000, quantized: 64_500_000 } as const;

function xenovaClip(repo: string, label: string, vision: Record<ModelVariant, number>): ModelCatalogEntry {
  return {
    id: repo,
    label,
    description: `OpenAI CLIP ${label} exported to ONNX by Xenova (transformers.js)`,
    repo,
    appPath: null,
    inputSize: 224,
    variants: {
      fp32: { vision: vision.fp32, text: CLIP_TEXT_SIZES.fp32 },
      fp16: { vision: vision.fp16, text: CLIP_TEXT_SIZES.fp16 },
      quantized: { vision: vision.quantized, text: CLIP_TEXT_SIZES.quantized },
    },
    sharedFiles: XENOVA_SHARED,
    sizesSource: HUB_SIZES,
    sizesExact: false,
  };
}

/** The generated models in models/ (exact sizes today; model-catalog.test.ts compares them with the files). */
function appModel(name: string, description: string, sizes: Readonly<Record<string, number>>): ModelCatalogEntry {
  const size = (path: string) => sizes[path] ?? 0;
  return {
    id: name,
    label: name,
    description,
    repo: `cdul-lab/${name}`,
    appPath: `/models/${name}/`,
    inputSize: 224,
    variants: { fp32: { vision: size(towerPath('vision', 'fp32')), text: size(towerPath('text', 'fp32')) } },
    sharedFiles: SHARED_MODEL_PATHS.map((path) => ({ path, approxBytes: size(path) })),
    sizesSource: 'the generated files in models/ (checked by model-catalog.test.ts)',
    sizesExact: true,
  };
}

export const MODEL_CATALOG: readonly ModelCatalogEntry[] = [
  xenovaClip('Xenova/clip-vit-base-patch32', 'ViT-B/32', { fp32: 352_000_000, fp16: 176_000_000, quantized: 89_100_000 }),
  xenovaClip('Xenova/clip-vit-base-patch16', 'ViT-B/16', { fp32: 345_000_000, fp16: 173_000_000, quantized: 87_500_000 }),
  appModel('tiny-vit', 'CLIP architecture in miniature with seeded random weights (tests loading; scores mean nothing)', {
    'onnx/vision_model.onnx': 1_236_235,
    'onnx/text_model.onnx': 6_486_794,
    'tokenizer.json': 1_633_798,
    'config.json': 1_146,
    'preprocessor_config.json': 466,
    'tokenizer_config.json': 205,
  }),
  appModel('demo-clip', 'Hand-built weights for the demo dataset: similarity = share of the class colour', {
    'onnx/vision_model.onnx': 3_244,
    'onnx/text_model.onnx': 4_743_972,
    'tokenizer.json': 1_633_798,
    'config.json': 1_458,
    'preprocessor_config.json': 466,
    'tokenizer_config.json': 205,
  }),
];

export function catalogEntry(id: string): ModelCatalogEntry {
  const entry = MODEL_CATALOG.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no model '${id}' in the catalog (known: ${MODEL_CATALOG.map((e) => e.id).join(', ')})`);
  return entry;
}

export function availableVariants(entry: ModelCatalogEntry): ModelVariant[] {
  return MODEL_VARIANTS.filter((variant) => entry.variants[variant] !== undefined);
}

/** Every file of one variant, towers first: with 2–3 downloads in flight, starting the big ones early ends sooner. */
export function modelFilesOf(entry: ModelCatalogEntry, variant: ModelVariant): CatalogFile[] {
  const towers = entry.variants[variant];
  if (!towers) {
    const known = availableVariants(entry).join(', ');
    throw new Error(`${entry.id} has no ${variant} variant in the catalog (available: ${known})`);
  }
  return [
    { path: towerPath('vision', variant), approxBytes: towers.vision },
    { path: towerPath('text', variant), approxBytes: towers.text },
    ...entry.sharedFiles,
  ];
}

export function approxModelBytes(entry: ModelCatalogEntry, variant: ModelVariant): number {
  return modelFilesOf(entry, variant).reduce((sum, file) => sum + file.approxBytes, 0);
}
