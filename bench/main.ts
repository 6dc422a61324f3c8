import { cpus } from 'node:os';
import { cacheBench } from './cache-bench';
import { coreBench } from './core-bench';
import { initBench } from './init-bench';
import { prepareBench } from './prepare-bench';
import { scaleBench } from './scale-bench';
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
  'init.prepare_ms_per_image': '≤ 8',
  'init.overlap_efficiency': '≥ 0.85',
  'init.speedup_vs_naive': '≥ 1.5',
  'init.speedup_vs_transformersjs': '≥ 2',
  'init.recompute_ms_5717': '≤ 1000',
  'init.recompute_prompts_ms_5717': '≤ 1000',
  'ui.synthetic_slider_ms': '≤ 100',
  'ui.computed_slider_ms': '≤ 100',
  'ui.reference_cache_open_ms': '≤ 20000',
  'ui.reference_cache_slider_ms': '≤ 100',
  'ui.unlabelled_slider_ms': '≤ 100',
  'scale.slider_ms_82783': '≤ 250',
  'scale.prompt_change_ms_82783': '≤ 10000',
  'scale.worker_heap_mb_82783': '≤ 1024',
};

/** Groups can be chosen: `npm run bench -- --only core|prepare|cache|init|ui|train|scale` (default: all). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const figures = {
  ...(only === null || only === 'core' ? coreBench() : {}),
  ...(only === null || only === 'prepare' ? prepareBench() : {}),
  ...(only === null || only === 'cache' ? await cacheBench() : {}),
  ...(only === null || only === 'init' ? await initBench() : {}),
  ...(only === null || only === 'ui' ? await uiBench() : {}),
  ...(only === null || only === 'train' ? await trainBench() : {}),
  ...(only === null || only === 'scale' ? await scaleBench() : {}),
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
