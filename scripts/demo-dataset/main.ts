/**
 * `npm run demo-dataset [-- --out DIR]` writes the demo dataset (default public/demo/voc-demo).
 * `npm run demo-dataset:check [-- --out DIR]` regenerates it into a temporary folder and compares
 * byte for byte with DIR, exiting 1 and naming the first differing file when they differ.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEMO_DATASET_DIR,
  buildDatasetFiles,
  buildScenes,
  type DatasetFile,
  type DemoImage,
} from './dataset';
import { firstDifference, writeDataset } from './file-tree';
import { datasetStatistics } from './source-notes';

interface Options {
  readonly out: string;
  readonly check: boolean;
}

function parseArgs(args: readonly string[]): Options {
  let out = DEMO_DATASET_DIR;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--check') check = true;
    else if (arg === '--out' && args[i + 1] !== undefined) out = args[++i]!;
    else throw new Error(`usage: main.ts [--out DIR] [--check]   (unexpected argument '${arg}')`);
  }
  return { out, check };
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
  const images = buildScenes();
  const files = buildDatasetFiles(images);
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
