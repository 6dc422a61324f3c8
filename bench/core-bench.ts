import { snippetExtremes } from '../src/core/cdul/aggregate';
import { evaluatePseudoLabels, sweepPseudoLabels, sweepPseudoLabelsPointwise } from '../src/core/evaluation/evaluate-pseudo-labels';
import { PSEUDO_LABEL_MODES } from '../src/core/evaluation/pseudo-label-modes';
import { sweepThresholds } from '../src/core/evaluation/zeta-sweep';
import { zetaGrid } from '../src/core/lab/compare';
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

  // A 41-point ζ sweep (0 … 0.4 by 0.01, the paper's supplement range), α/β computed once; and the same
  // sweep evaluating every point on its own (what sweepPseudoLabels did before it shared the ranking).
  const zetas = sweepThresholds(0, 0.4, 0.01);
  const sweepWith = (sweepFn: typeof sweepPseudoLabels) => () => {
    const extremes = snippetExtremes(data.local, IMAGES, SNIPPETS, CLASSES);
    sweepFn({ ...extremes, global: data.global }, data.labels, data.classes, { mode: 'final', lambda: 0, ...metric }, zetas);
  };

  // Compare's 'zeta-sweep' question: every 0.02 from 0 to 1 plus A's and B's ζ, all three modes.
  const compareZetas = zetaGrid(0, 1, 0.02, [0.1, 0.55]);
  const inputs = { ...snippetExtremes(data.local, IMAGES, SNIPPETS, CLASSES), global: data.global };
  const compareSweep = () => {
    for (const mode of PSEUDO_LABEL_MODES) sweepPseudoLabels(inputs, data.labels, data.classes, { mode, lambda: 0, ...metric }, compareZetas);
  };

  return {
    'core.reaggregate_map_ms': round(medianMs(reaggregate, 31)),
    'core.sweep41_ms': round(medianMs(sweepWith(sweepPseudoLabels), 11)),
    'core.sweep41_pointwise_ms': round(medianMs(sweepWith(sweepPseudoLabelsPointwise), 5)),
    'core.sweep_points': zetas.length,
    'core.compare_sweep_ms': round(medianMs(compareSweep, 5)),
    'core.compare_sweep_points': compareZetas.length,
  };
}
