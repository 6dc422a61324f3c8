import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readClassVector } from '../../src/core/formats/torch-pt';

export const SEED_CACHE_SAMPLE = 'e2e/fixtures/seed-cache-sample';
const MODEL = 'clip_cache/model_RN50x64';

export type SeedMaps = Record<'global' | 'aggregate' | 'final', number>;

/**
 * The seed-cache sample's mAPs (%) with its global scores at softmax scale `scale` and α/β as cached,
 * ζ `zeta`, λ 0, step-wise AP, computed here in float64 without the lab's code (only its .pt reader):
 * cos is ln(g) · ln 100 up to a constant per image (the cache is softmax(cos / ln 100)), so the global
 * scores at `scale` are g^k / Σ g^k with k = scale · ln 100 (each g divided by the row's largest first,
 * so g^460 stays representable). Labels from ImageSets/Main/<class>_train.txt (1, −1; 0 counted positive).
 */
export function seedCacheMaps(scale: number, zeta: number): SeedMaps {
  const main = join(SEED_CACHE_SAMPLE, 'ImageSets/Main');
  const ids = lines(join(main, 'train.txt'));
  const classes = readdirSync(main).filter((name) => name.endsWith('_train.txt')).map((name) => name.slice(0, -'_train.txt'.length)).sort();
  const truth = classes.map((name) => {
    const byId = new Map(lines(join(main, `${name}_train.txt`)).map((line) => line.split(/\s+/) as [string, string]));
    return ids.map((id) => Number(byId.get(id)) !== -1);
  });
  const vector = (path: string) => Array.from(readClassVector(new Uint8Array(readFileSync(join(SEED_CACHE_SAMPLE, MODEL, path))), path, classes.length));
  const power = scale * Math.log(100);
  const global = ids.map((id) => {
    const g = vector(`global/${id}.pt`);
    const top = Math.max(...g);
    const powered = g.map((value) => (value / top) ** power);
    const sum = powered.reduce((a, b) => a + b, 0);
    return powered.map((value) => value / sum);
  });
  const aggregate = ids.map((id) => {
    const alpha = vector(`num_patches_3/alpha/${id}.pt`);
    const beta = vector(`num_patches_3/beta/${id}.pt`);
    return alpha.map((a, c) => (a >= zeta ? a : beta[c]!));
  });
  const final = global.map((row, i) => row.map((g, c) => (g + aggregate[i]![c]!) / 2));
  return { global: meanAp(global, truth), aggregate: meanAp(aggregate, truth), final: meanAp(final, truth) };
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Macro mean over classes with a positive of step-wise AP: the mean over positives of the precision at each one's own score. */
function meanAp(scores: number[][], truth: boolean[][]): number {
  const aps = truth.flatMap((positive, c) => {
    const column = scores.map((row, i) => ({ score: row[c]!, positive: positive[i]! }));
    const positives = column.filter((item) => item.positive);
    if (positives.length === 0) return [];
    const precisionAt = (s: number) => column.filter((item) => item.positive && item.score >= s).length / column.filter((item) => item.score >= s).length;
    return [positives.reduce((total, item) => total + precisionAt(item.score), 0) / positives.length];
  });
  return (100 * aps.reduce((a, b) => a + b, 0)) / aps.length;
}
