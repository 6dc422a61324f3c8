import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Modes = Record<'global' | 'aggregate' | 'final', number>;

const DEMO = 'public/demo/voc-demo';

/**
 * The pseudo-label mAPs of an uninterrupted run through the CLI (onnxruntime-node) on the first `first`
 * val images of the demo dataset, ζ 0.1: the reference the browser's results must equal (the same
 * computation as in demo-pipeline.spec.ts).
 */
export function cliMaps(first: number, model: string, grid: number): Modes {
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
    return { global: evaluate('global'), aggregate: evaluate('aggregate'), final: evaluate('final') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
