import { useState } from 'react';
import { classColumn, heatDomain } from '../../../core/lab/heat-scale';
import { naturalClassName } from '../../../core/voc';
import { useLabStore } from '../../state/lab-store';
import { useLabQuery } from '../../state/use-lab-query';
import { ClassBars, type TrainingLabels } from './class-bars';
import { HeatLegend } from './heat-legend';
import { SnippetImage } from './snippet-image';
import { SnippetVector } from './snippet-vector';

/** The open image: its snippet grid (a heatmap of one class), the legend, a snippet's class vector, and the scores per class. */
export function ImageDetail({ index, classes, training }: { index: number; classes: readonly string[]; training: TrainingLabels | null }) {
  const settings = useLabStore((state) => state.settings);
  const query = useLabQuery({ kind: 'image', index, settings });
  const heatToken = useLabStore((state) => state.view.heatClass);
  const setHeatClass = useLabStore((state) => state.setHeatClass);
  const heatClass = heatToken === null ? -1 : classes.indexOf(heatToken);
  const [snippet, setSnippet] = useState<number | null>(null);
  const [stretch, setStretch] = useState(false);
  const detail = query.data && query.data.index === index ? query.data : null;

  return (
    <div className="inspector-body">
      <section className="panel inspector-image-panel" aria-labelledby="inspector-heading">
        <h2 id="inspector-heading">{detail?.id ?? '…'}</h2>
        <div className="controls">
          <label className="field">
            Heatmap class
            <select aria-label="Heatmap class" value={heatClass >= 0 ? classes[heatClass] : ''} onChange={(event) => setHeatClass(event.target.value || null)}>
              <option value="">none (grid only)</option>
              {classes.map((token, c) => (
                <option key={token} value={token}>
                  {naturalClassName(token)}
                  {truthNote(detail?.truth?.[c])}
                </option>
              ))}
            </select>
          </label>
          <label className="check-field">
            <input type="checkbox" checked={stretch} onChange={(event) => setStretch(event.target.checked)} />
            Stretch the colours to this image's range
          </label>
        </div>
        {query.isError ? (
          <p className="banner error" role="alert">
            This image's scores could not be computed: {query.error.message}
          </p>
        ) : !detail ? (
          <p className="muted" role="status" aria-label="Loading the image's scores">
            Computing this image's snippet scores…
          </p>
        ) : (
          <>
            <SnippetImage detail={detail} heatClass={heatClass} classes={classes} snippet={snippet} onSnippet={setSnippet} stretch={stretch} />
            {detail.grid > 0 && heatClass >= 0 && (
              <HeatLegend
                className={naturalClassName(classes[heatClass]!)}
                domain={heatDomain(classColumn(detail.snippetScores, classes.length, heatClass), stretch)}
              />
            )}
            {detail.grid > 0 && <SnippetVector detail={detail} classes={classes} snippet={snippet} heatClass={heatClass} />}
          </>
        )}
      </section>
      {detail && (
        <ClassBars
          detail={detail}
          classes={classes}
          heatClass={heatClass}
          onHeatClass={(c) => setHeatClass(classes[c] ?? null)}
          difficult={settings.difficult}
          training={training}
        />
      )}
    </div>
  );
}

/** What the heatmap menu says of a class's truth on this image (nothing without ground truth). */
const truthNote = (truth: number | undefined) => (truth === 1 ? ' (in the ground truth)' : truth === 0 ? ' (difficult)' : '');
