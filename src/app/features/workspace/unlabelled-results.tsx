import { PSEUDO_LABEL_MODES } from '../../../core/evaluation/pseudo-label-modes';
import { labelStatisticsByMode } from '../../../core/lab/label-statistics';
import { useLabStore } from '../../state/lab-store';
import { useLabQuery } from '../../state/use-lab-query';

/**
 * In place of the mAP table for a dataset without ground truth: per mode, what the pseudo labels say
 * at the gallery's label cut (labels per image, images left without any). Reads the gallery's 'scores'
 * answer at the workspace setting (one query, shared).
 */
export function UnlabelledResults() {
  const settings = useLabStore((state) => state.settings);
  const cut = useLabStore((state) => state.view.gallery.cut);
  const query = useLabQuery({ kind: 'scores', settings });
  const scores = query.data ?? null;
  const stats = scores && scores.classes.length > 0 ? labelStatisticsByMode(scores.scores, scores.classes.length, cut) : null;
  return (
    <>
      <p className="muted" role="note" aria-label="Pseudo labels without ground truth">
        This dataset has no ground truth: there is no mAP to measure the pseudo labels by. The table counts the labels each mode gives at the gallery's
        label cut ({cut.toFixed(2)}); the gallery lists them image by image.
      </p>
      {/* data-evaluated: the ζ, λ the counts are of (not while the last setting's stay shown): what `npm run bench` times. */}
      <table aria-label="Pseudo labels at the label cut" data-evaluated={scores && !query.isPlaceholderData ? `${settings.zeta},${settings.lambda}` : ''}>
        <thead>
          <tr>
            <th scope="col">pseudo labels</th>
            <th scope="col">labels per image</th>
            <th scope="col">images without a label</th>
          </tr>
        </thead>
        <tbody>
          {PSEUDO_LABEL_MODES.map((mode) => (
            <tr key={mode}>
              <th scope="row">{mode}</th>
              <td>{stats ? stats[mode].meanLabels.toFixed(2) : '…'}</td>
              <td>{stats ? `${stats[mode].imagesWithoutLabel} of ${stats[mode].images}` : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {query.isError && (
        <p className="banner error" role="alert">
          The pseudo labels could not be counted: {query.error.message}.
        </p>
      )}
    </>
  );
}
