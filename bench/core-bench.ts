import { snippetExtremes } from '../src/core/cdul/aggregate';
import { evaluatePseudoLabels, sweepPseudoLabels } from '../src/core/evaluation/evaluate-pseudo-labels';
import { sweepThresholds } from '../src/core/evaluation/zeta-sweep';
import { medianMs, round } from './measure';
import { syntheticScores } from './synthetic-scores';

const IMAGES = 5_717; // PASCAL VOC 2012 train
const CLASSES = 20;
const SNIPPETS = 9; // 3×3 grid

/** Core figures in Node: what a slider move and a ζ sweep cost on VOC-train-sized data. */
export function coreBench(): Record<string, number> {
  const data = syntheticScores(IMAGES, CLASSES, SNIPPETS);
  const metric = { convention: 'step', difficult: 'positive' } as const;

  // One full re-aggregation from the N²×C local matrices (α/β, threshold, λ mix) plus mAP.
  const reaggregate = () => {
    const extremes = snippetExtremes(data.local, IMAGES, SNIPPETS, CLASSES);
    evaluatePseudoLabels({ ...extremes, global: data.global }, data.labels, data.classes, {
      mode: 'final', zeta: 0.1, lambda: 0, ...metric,
    });
  };

  // A 41-point ζ sweep (0 … 0.4 by 0.01, the paper's supplement range), α/β computed once.
  const zetas = sweepThresholds(0, 0.4, 0.01);
  const sweep = () => {
    const extremes = snippetExtremes(data.local, IMAGES, SNIPPETS, CLASSES);
    sweepPseudoLabels({ ...extremes, global: data.global }, data.labels, data.classes, { mode: 'final', lambda: 0, ...metric }, zetas);
  };

  return {
    'core.reaggregate_map_ms': round(medianMs(reaggregate, 31)),
    'core.sweep41_ms': round(medianMs(sweep, 11)),
    'core.sweep_points': zetas.length,
  };
}
