import type { GalleryScores } from '../../../core/lab/gallery';
import { labelChanges, refinementOf } from '../../../core/lab/label-changes';
import { naturalClassName } from '../../../core/voc';
import type { ImageResult } from '../../../worker/protocol/lab-protocol';
import { Bar } from '../../components/bar';
import { useLabStore } from '../../state/lab-store';
import { refinedNames } from '../../state/refined-labels';
import type { RefinedLabels } from '../../state/training-store';
import { RefinementCells } from './refinement-cells';
import { PredictedCell, TruthCell } from './truth-cell';

/** A training run's refined labels of the open run, and the gallery data they are merged into. */
export interface TrainingLabels {
  readonly labels: RefinedLabels;
  readonly data: GalleryScores;
}

const COLUMNS = [
  { key: 'global', title: 'global' },
  { key: 'alpha', title: 'α (max)' },
  { key: 'beta', title: 'β (min)' },
  { key: 'aggregate', title: 'aggregate' },
  { key: 'final', title: 'final' },
] as const;

/**
 * Global, α, β, aggregate and final per class next to the truth — or, without ground truth, next to
 * whether the final label is predicted at the cut — and, with a training run's labels, Y0, refined and Δ.
 */
export function ClassBars({
  detail,
  classes,
  heatClass,
  onHeatClass,
  difficult,
  training,
}: {
  detail: ImageResult;
  classes: readonly string[];
  heatClass: number;
  onHeatClass(c: number): void;
  difficult: 'positive' | 'ignore';
  training: TrainingLabels | null;
}) {
  const settings = useLabStore((state) => state.settings);
  const cut = useLabStore((state) => state.view.gallery.cut);
  const value = (key: (typeof COLUMNS)[number]['key'], c: number) =>
    key === 'alpha' ? detail.alpha[c]! : key === 'beta' ? detail.beta[c]! : detail.scores[key][c]!;
  const names = training ? refinedNames(training.labels) : null;
  const refinement = training ? refinementOf(training.data, detail.index) : null;
  const changes = training ? labelChanges(training.data, detail.index, cut) : null;
  return (
    <section className="panel inspector-bars" aria-labelledby="bars-heading">
      <h2 id="bars-heading">Scores per class</h2>
      <p className="muted">
        ζ = {settings.zeta.toFixed(2)}: aggregate = α where α ≥ ζ, else β; final = ½(global + aggregate + λ|global − aggregate|), λ = {settings.lambda.toFixed(2)}.{' '}
        {detail.truth
          ? "Truth marks the final label at the gallery's label cut."
          : `This dataset has no ground truth: “predicted” says whether the final label is ≥ the gallery's label cut (${cut.toFixed(2)}).`}
        {training && (
          <>
            {' '}
            Y0 is the label training run {training.labels.runName} started from; refined is its label after epoch {training.labels.epoch}; Δ = refined − Y0 (gained / lost:
            crossed the label cut {cut.toFixed(2)}).
          </>
        )}
      </p>
      <div className="bars-scroll">
        <table className="bars-table" aria-label="Scores per class">
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">{detail.truth ? 'truth' : 'predicted'}</th>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {column.title}
                </th>
              ))}
              {names && (
                <>
                  <th scope="col" className="training-col training-start">
                    {names.initialColumn}
                  </th>
                  <th scope="col" className="training-col">
                    {names.refinedColumn}
                  </th>
                  <th scope="col" className="training-col">
                    Δ refined − Y0
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {classes.map((token, c) => {
              return (
                <tr key={token} className={c === heatClass ? 'highlight' : undefined} data-class={token}>
                  <th scope="row">
                    <button type="button" className="link class-link" aria-label={`Heatmap of ${naturalClassName(token)}`} onClick={() => onHeatClass(c)}>
                      {naturalClassName(token)}
                    </button>
                  </th>
                  <td className="truth-cell">
                    {detail.truth ? (
                      <TruthCell truth={detail.truth[c]!} final={detail.scores.final[c]!} difficult={difficult} />
                    ) : (
                      <PredictedCell final={detail.scores.final[c]!} cut={cut} />
                    )}
                  </td>
                  {COLUMNS.map((column) => (
                    <td key={column.key}>
                      <Bar value={value(column.key, c)} />
                    </td>
                  ))}
                  {names && refinement && changes && (
                    <RefinementCells
                      className={naturalClassName(token)}
                      names={names}
                      entry={refinement[c]!}
                      change={changes.gained.includes(c) ? 'gained' : changes.lost.includes(c) ? 'lost' : null}
                    />
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
