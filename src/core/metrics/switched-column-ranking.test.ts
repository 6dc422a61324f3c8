import { describe, expect, it } from 'vitest';
import { aggregate } from '../cdul/aggregate';
import { seededRandom } from '../seeded-random';
import { createMatrix, type LabelMatrix, type Matrix } from '../types';
import { createRankingWorkspace, rankClassColumn } from './ranked-labels';
import { canSwitchColumns, rankSwitchedColumn } from './switched-column-ranking';

/** Scores from a few values (many ties, +0 and −0 among them), labels 1 / −1 / 0. */
function tiedColumns(rows: number, cols: number, seed: number) {
  const random = seededRandom(seed);
  const values = [0, -0, 0.05, 0.1, 0.25, 0.5, 0.75, 1];
  const draw = () => createMatrix(rows, cols, Float32Array.from({ length: rows * cols }, () => values[Math.floor(random() * values.length)]!));
  const alpha = draw();
  const beta = draw();
  const labels: LabelMatrix = { rows, cols, data: Int8Array.from({ length: rows * cols }, () => [1, -1, -1, 0][Math.floor(random() * 4)]!) };
  return { alpha, beta, labels };
}

/** The chosen matrix ranked from scratch: what every threshold's merge must equal. */
function plainRanking(chosen: Matrix, labels: LabelMatrix, c: number, difficult: 'positive' | 'ignore') {
  const ranked = rankClassColumn(chosen, labels, c, { difficult });
  return { rows: [...ranked.rows], scores: [...ranked.scores], positive: [...ranked.positive], length: ranked.length, positives: ranked.positives, ignored: ranked.ignored };
}

describe('rankSwitchedColumn', () => {
  it('ranks α-or-β columns at every threshold exactly as a sort of the aggregated column (ties in row order)', () => {
    const { alpha, beta, labels } = tiedColumns(97, 3, 7);
    const columns = { above: alpha, below: beta, gate: alpha, labels };
    expect(canSwitchColumns(columns)).toBe(true);
    for (const difficult of ['positive', 'ignore'] as const) {
      const workspace = createRankingWorkspace(labels.rows);
      for (let c = 0; c < labels.cols; c++) {
        const ranking = rankSwitchedColumn(columns, c, difficult, workspace);
        // Thresholds at, between, below and above the stored values.
        for (const zeta of [-1, 0, 0.04, 0.05, 0.1, 0.3, 0.5, 0.75, 1, 2]) {
          const threshold = Math.fround(zeta);
          const ranked = ranking.rankAt(threshold);
          const got = { rows: [...ranked.rows], scores: [...ranked.scores], positive: [...ranked.positive], length: ranked.length, positives: ranked.positives, ignored: ranked.ignored };
          expect(got).toEqual(plainRanking(aggregate({ alpha, beta }, zeta), labels, c, difficult));
        }
      }
    }
  });

  it('refuses what the plain ranking would reject: NaN scores or gates, labels other than 1/−1/0, other shapes', () => {
    const { alpha, beta, labels } = tiedColumns(5, 2, 1);
    const withNaN = createMatrix(5, 2, Float32Array.from(beta.data, (v, k) => (k === 3 ? NaN : v)));
    expect(canSwitchColumns({ above: alpha, below: withNaN, gate: alpha, labels })).toBe(false);
    expect(canSwitchColumns({ above: alpha, below: beta, gate: withNaN, labels })).toBe(false);
    expect(canSwitchColumns({ above: alpha, below: beta, gate: alpha, labels: { ...labels, data: Int8Array.from(labels.data, (v, k) => (k === 0 ? 2 : v)) } })).toBe(false);
    expect(canSwitchColumns({ above: createMatrix(4, 2), below: beta, gate: alpha, labels })).toBe(false);
  });
});
