import { cpus } from 'node:os';
import { coreBench } from './core-bench';

/**
 * `npm run bench [-- --json]`: every performance figure of the lab in one run, so comparisons are
 * made on the same machine at the same time. Figures are medians over repeated runs.
 */
const GOALS: Record<string, string> = {
  'core.reaggregate_map_ms': '≤ 30',
  'core.sweep41_ms': '≤ 500',
};

const figures = coreBench();
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
