/**
 * `npm run demo-dataset [-- --variant default|hard] [--out DIR]` writes a demo dataset (default
 * public/demo/voc-demo; `--variant hard` public/demo/voc-demo-hard, see variants.ts).
 * `main.ts --check [--variant V] [--out DIR]` regenerates it into a temporary folder and compares
 * byte for byte with DIR, exiting 1 and naming the first differing file when they differ
 * (`npm run demo-dataset:check` checks both variants).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDatasetFiles, buildScenes, type DatasetFile, type DemoImage } from './dataset';
import { firstDifference, writeDataset } from './file-tree';
import { datasetStatistics } from './source-notes';
import { DEMO_VARIANTS, isDemoVariantName, type DemoVariantName } from './variants';

interface Options {
  readonly out: string;
  readonly check: boolean;
  readonly variant: DemoVariantName;
}

const USAGE = 'usage: main.ts [--variant default|hard] [--out DIR] [--check]';

function parseArgs(args: readonly string[]): Options {
  let out: string | undefined;
  let check = false;
  let variant: DemoVariantName = 'default';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--check') check = true;
    else if (arg === '--out' && value !== undefined) out = args[++i]!;
    else if (arg === '--variant' && value !== undefined && isDemoVariantName(value)) variant = args[++i] as DemoVariantName;
    else throw new Error(`${USAGE}   (unexpected argument '${arg}')`);
  }
  return { out: out ?? DEMO_VARIANTS[variant].dir, check, variant };
}

async function check(out: string, files: readonly DatasetFile[]): Promise<boolean> {
  const temp = await mkdtemp(path.join(tmpdir(), 'voc-demo-'));
  try {
    await writeDataset(path.join(temp, 'voc-demo'), files);
    const difference = await firstDifference(out, path.join(temp, 'voc-demo'));
    if (difference !== null) console.error(`demo dataset differs from its generator: ${difference}`);
    else console.log(`${out}: identical to a fresh generation (${files.length} files)`);
    return difference === null;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function report(out: string, images: readonly DemoImage[], files: readonly DatasetFile[]): void {
  const stats = datasetStatistics(images);
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  console.log(
    `${out}: ${stats.images.train} train + ${stats.images.val} val images, ${stats.objects} objects ` +
      `(${stats.smallObjects} small, ${stats.difficultObjects} difficult), ${files.length} files, ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MiB`,
  );
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { config } = DEMO_VARIANTS[options.variant];
  const images = buildScenes(config);
  const files = buildDatasetFiles(images, config);
  if (options.check) {
    process.exitCode = (await check(options.out, files)) ? 0 : 1;
    return;
  }
  await writeDataset(options.out, files);
  report(options.out, images, files);
}

// Only as a command: importing this module (from a test, say) must not rewrite the dataset.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  });
}
