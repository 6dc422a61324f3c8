import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeNpy } from '../../src/core/formats/npy';

export type Modes = Record<'global' | 'aggregate' | 'final', number>;

const DEMO = 'public/demo/voc-demo';

/**
 * The pseudo-label mAPs of an uninterrupted run through the CLI (onnxruntime-node) on the first `first`
 * val images of the demo dataset, ζ 0.1: the reference the browser's results must equal (the same
 * computation as in demo-pipeline.spec.ts).
 */
export function cliMaps(first: number, model: string, grid: number): Modes {
  return cliReference(first, model, grid).maps;
}

export interface CliReference {
  readonly maps: Modes;
  /** Per image its global embedding then its N² snippet embeddings (the browser's chunk layout), [n × (1 + N²) × d]. */
  readonly embeddings: Float32Array;
}

/** The CLI's mAPs and its image embeddings (global_embeds.npy, local_embeds.npy) for the same images. */
export function cliReference(first: number, model: string, grid: number): CliReference {
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-cli-'));
  try {
    cpSync(DEMO, join(root, 'voc'), { recursive: true });
    const ids = readFileSync(join(DEMO, 'ImageSets/Main/val.txt'), 'utf8').split('\n').filter(Boolean).slice(0, first);
    writeFileSync(join(root, 'voc/ImageSets/Main/val.txt'), `${ids.join('\n')}\n`);
    const cdul = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
    const out = join(root, 'cache');
    cdul(['cache', '--voc', join(root, 'voc'), '--split', 'val', '--model', `models/${model}`, '--grid', String(grid), '--out', out]);
    const evaluate = (mode: string) => {
      const thresh = mode === 'global' ? [] : ['--thresh', '0.1'];
      const args = ['evaluate', '--voc', join(root, 'voc'), '--split', 'val', '--source', 'cache', '--cache', out, '--mode', mode, ...thresh, '--json'];
      return (JSON.parse(cdul(args)) as { mAP: number }).mAP;
    };
    const maps = { global: evaluate('global'), aggregate: evaluate('aggregate'), final: evaluate('final') };
    return { maps, embeddings: interleave(out, grid) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** [n, d] globals and [n, N², d] snippets → per image its global row then its snippet rows. */
function interleave(cacheDir: string, grid: number): Float32Array {
  const read = (name: string) => decodeNpy(new Uint8Array(readFileSync(join(cacheDir, name))), name);
  const global = read('global_embeds.npy');
  const local = read('local_embeds.npy');
  const [n, d] = global.shape as [number, number];
  const snippets = grid * grid;
  const out = new Float32Array(n * (1 + snippets) * d);
  for (let i = 0; i < n; i++) {
    const base = i * (1 + snippets) * d;
    out.set(global.data.subarray(i * d, (i + 1) * d), base);
    out.set(local.data.subarray(i * snippets * d, (i + 1) * snippets * d), base + d);
  }
  return out;
}
