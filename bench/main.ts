import { cpus } from 'node:os';
import { cacheBench } from './cache-bench';
import { coreBench } from './core-bench';
import { initBench } from './init-bench';
import { trainBench } from './train-bench';
import { uiBench } from './ui-bench';

/**
 * `npm run bench [-- --json]`: every performance figure of the lab in one run, so comparisons are
 * made on the same machine at the same time. Figures are medians over repeated runs.
 */
const GOALS: Record<string, string> = {
  'core.reaggregate_map_ms': '≤ 30',
  'core.sweep41_ms': '≤ 500',
  'cache.model_fraction_b32': '≥ 0.9',
  'init.pipeline_efficiency': '≥ 0.8',
  'init.speedup_vs_naive': '≥ 3',
  'init.recompute_ms_5717': '≤ 1000',
  'init.recompute_prompts_ms_5717': '≤ 1000',
  'ui.slider_update_ms': '≤ 100',
};

/** Groups can be chosen: `npm run bench -- --only core|cache|init|ui|train` (default: all). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const figures = {
  ...(only === null || only === 'core' ? coreBench() : {}),
  ...(only === null || only === 'cache' ? await cacheBench() : {}),
  ...(only === null || only === 'init' ? await initBench() : {}),
  ...(only === null || only === 'ui' ? await uiBench() : {}),
  ...(only === null || only === 'train' ? await trainBench() : {}),
};
const environment = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  date: new Date().toISOString(),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ ...figures, environment }, null, 2));
} else {
  for (const [name, value] of Object.entries(figures)) {
    console.log(`${name.padEnd(28)} ${String(value).padStart(10)}   ${GOALS[name] ? `goal ${GOALS[name]}` : ''}`);
  }
  console.log(`\n${environment.cpu} × ${environment.cores}, Node ${environment.node}`);
}
