import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeVitB32Model } from '../models/generator/benchmark-model';
import { runCache } from '../src/cli/cache/run-cache';
import type { CliOutput } from '../src/cli/output';
import { round } from './measure';

const VOC_MINI = 'e2e/fixtures/voc-mini';
const quiet: CliOutput = { result: () => {}, note: () => {} };

/**
 * `cdul cache` on voc-mini (100 real photos, 3×3 grid: 10 crops per image) with onnxruntime-node,
 * timed as a whole (dataset, model load, decode, preprocessing, encoding, writing) and inside the
 * image encoder. model_fraction near 1 means decoding and preprocessing are hidden behind the model.
 */
async function timeCache(modelDir: string, suffix: string): Promise<Record<string, number>> {
  const out = mkdtempSync(join(tmpdir(), `cdul-bench-cache-${suffix}-`));
  try {
    const result = await runCache(
      { dataset: { dir: VOC_MINI, format: 'voc', classesFile: null, crowd: 'positive' }, split: null, modelDir, grid: 3, outDir: out, shard: null, template: 'a photo of a {name}', chunkSize: 8, threads: undefined },
      quiet,
      { stop: false },
    );
    const { wallMs, modelMs, crops } = result.timing;
    return {
      [`cache.ms_per_crop_${suffix}`]: round(wallMs / crops, 3),
      [`cache.images_per_s_${suffix}`]: round(result.imagesTotal / (wallMs / 1000), 2),
      [`cache.model_fraction_${suffix}`]: round(modelMs / wallMs, 3),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function cacheBench(): Promise<Record<string, number>> {
  const tiny = await timeCache('models/tiny-vit', 'tiny');
  const modelDir = mkdtempSync(join(tmpdir(), 'cdul-vit-b32-'));
  try {
    writeVitB32Model(modelDir);
    return { ...tiny, ...(await timeCache(modelDir, 'b32')) };
  } finally {
    rmSync(modelDir, { recursive: true, force: true });
  }
}
