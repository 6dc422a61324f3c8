import { useEffect, useMemo, useState } from 'react';
import { snippetGrid, type SnippetRect } from '../../../core/cdul/snippet-grid';
import { labelChanges, markOf, refinementOf, type GalleryScores } from '../../../core/lab/gallery';
import { argmax, classColumn, heatColor, heatDomain, heatGradient, inDomain, stepInOrder } from '../../../core/lab/heat-scale';
import { naturalClassName } from '../../../core/voc';
import type { ImageResult } from '../../../worker/lab/lab-protocol';
import { useLabQuery } from '../../state/lab-client';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import type { RefinedLabels } from '../../state/training-store';
import { useHeatClassStore } from '../../state/url-state';
import { useViewStore } from '../../state/view-store';
import { useGalleryStore } from '../gallery/gallery-store';
import { MARK_TEXT } from '../gallery/gallery-view';
import { useImageUrl } from '../gallery/image-urls';
import { LabGate, MissingFolderNotice } from '../gallery/lab-gate';
import { useGalleryData } from '../gallery/use-gallery-data';
import { refinedNames } from '../gallery/use-refined-labels';
import '../gallery/gallery.css';
import './inspector.css';

export function InspectorView({ client }: { client: PipelineClient }) {
  return (
    <LabGate what="Image" client={client}>
      <Inspector client={client} />
    </LabGate>
  );
}

function Inspector({ client }: { client: PipelineClient }) {
  const { data, order, indexOfId, query, refined } = useGalleryData(client);
  const imageId = useViewStore((state) => state.imageId);
  const openImage = useViewStore((state) => state.openImage);
  const show = useViewStore((state) => state.show);
  const index = imageId === null ? undefined : indexOfId.get(imageId);
  const step = (delta: number) => {
    const next = stepInOrder(order, index ?? -1, delta);
    if (next !== null && data) openImage(data.ids[next]!);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inControl = Boolean(target?.closest?.('select, input, textarea'));
      if (event.key === 'Escape') {
        event.preventDefault();
        show('gallery');
      } else if (!inControl && (event.key === 'ArrowRight' || event.key === 'PageDown')) {
        event.preventDefault();
        step(1);
      } else if (!inControl && (event.key === 'ArrowLeft' || event.key === 'PageUp')) {
        event.preventDefault();
        step(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const at = index === undefined ? -1 : order.indexOf(index);
  return (
    <div className="inspector">
      <MissingFolderNotice />
      <nav className="inspector-nav" aria-label="Image navigation">
        <button type="button" onClick={() => show('gallery')}>
          ← Gallery <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={() => step(-1)} disabled={order.length === 0}>
          Previous image <kbd>←</kbd>
        </button>
        <button type="button" onClick={() => step(1)} disabled={order.length === 0}>
          Next image <kbd>→</kbd>
        </button>
        <span className="muted" role="status" aria-label="Position in the gallery">
          {index !== undefined && data
            ? at >= 0
              ? `${at + 1} of ${order.length} in the gallery's order`
              : `not in the gallery's current filter (${order.length} images)`
            : ''}
        </span>
      </nav>
      {query.isError ? (
        <p className="banner error" role="alert">
          The run's images could not be listed: {query.error.message}
        </p>
      ) : !data ? (
        <p className="muted" role="status" aria-label="Loading the image">
          Loading…
        </p>
      ) : index === undefined ? (
        <section className="panel empty-state" aria-label="No image chosen">
          <h2>Image</h2>
          <p>
            {imageId === null ? 'No image is open.' : `There is no image “${imageId}” in this run (${data.ids.length} images).`}{' '}
            {order.length > 0 && (
              <button type="button" className="link" onClick={() => openImage(data.ids[order[0]!]!)}>
                Open the first image of the gallery
              </button>
            )}
          </p>
        </section>
      ) : (
        <ImageDetail key={index} client={client} index={index} classes={data.classes} training={refined ? { labels: refined, data } : null} />
      )}
    </div>
  );
}

/** A training run's refined labels of the open run, and the gallery data they are merged into. */
interface TrainingLabels {
  readonly labels: RefinedLabels;
  readonly data: GalleryScores;
}

function ImageDetail({ client, index, classes, training }: { client: PipelineClient; index: number; classes: readonly string[]; training: TrainingLabels | null }) {
  const settings = useRunStore((state) => state.settings);
  const query = useLabQuery(client, { kind: 'image', index, settings });
  const heatToken = useHeatClassStore((state) => state.heatClass);
  const setHeatClass = useHeatClassStore((state) => state.setHeatClass);
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
                  {detail && detail.truth[c] === 1 ? ' (in the ground truth)' : detail && detail.truth[c] === 0 ? ' (difficult)' : ''}
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
            <SnippetImage client={client} detail={detail} heatClass={heatClass} classes={classes} snippet={snippet} onSnippet={setSnippet} stretch={stretch} />
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

interface SnippetImageProps {
  readonly client: PipelineClient;
  readonly detail: ImageResult;
  readonly heatClass: number;
  readonly classes: readonly string[];
  readonly snippet: number | null;
  readonly stretch: boolean;
  onSnippet(snippet: number): void;
}

/** The image with its N×N grid exactly as the snippets were cut (⌊W/N⌋×⌊H/N⌋, remainder dropped). */
function SnippetImage({ client, detail, heatClass, classes, snippet, stretch, onSnippet }: SnippetImageProps) {
  const image = useImageUrl(client, detail.index);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const rects: SnippetRect[] = useMemo(() => {
    if (!natural || detail.grid < 1) return [];
    try {
      return snippetGrid(natural.width, natural.height, detail.grid);
    } catch {
      return [];
    }
  }, [natural, detail.grid]);
  const column = heatClass >= 0 ? classColumn(detail.snippetScores, classes.length, heatClass) : null;
  const domain = heatDomain(column ?? [], stretch);
  const alpha = heatClass >= 0 ? detail.alphaSnippet[heatClass]! : -1;
  const beta = heatClass >= 0 ? detail.betaSnippet[heatClass]! : -1;
  const name = heatClass >= 0 ? naturalClassName(classes[heatClass]!) : '';
  if (image.status === 'error') {
    return (
      <p className="banner error" role="alert">
        The image file could not be read: {image.message}
      </p>
    );
  }
  return (
    <figure className="snippet-figure" aria-label={`${detail.id} with its ${detail.grid}×${detail.grid} snippet grid`}>
      <div className="snippet-stage" style={natural ? { aspectRatio: `${natural.width} / ${natural.height}` } : undefined}>
        {image.status === 'ready' ? (
          <img src={image.url} alt={detail.id} onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })} />
        ) : (
          <span className="muted">loading the image…</span>
        )}
        {natural && rects.length > 0 && (
          <div className="snippet-grid" role="group" aria-label="Snippets">
            {rects.map((rect, j) => {
              const score = column ? column[j]! : null;
              const label = `Snippet row ${Math.floor(j / detail.grid) + 1}, column ${(j % detail.grid) + 1}${
                score !== null ? `: ${name} ${score.toFixed(3)}${j === alpha ? ' (α)' : ''}${j === beta ? ' (β)' : ''}` : ''
              }`;
              return (
                <button
                  key={j}
                  type="button"
                  className={`snippet-cell${snippet === j ? ' selected' : ''}${j === alpha ? ' alpha' : ''}`}
                  aria-label={label}
                  aria-pressed={snippet === j}
                  data-snippet={j}
                  data-score={score ?? undefined}
                  style={{
                    left: `${(100 * rect.x) / natural.width}%`,
                    top: `${(100 * rect.y) / natural.height}%`,
                    width: `${(100 * rect.width) / natural.width}%`,
                    height: `${(100 * rect.height) / natural.height}%`,
                    background: score !== null ? heatColor(inDomain(score, domain)) : undefined,
                  }}
                  onClick={() => onSnippet(j)}
                >
                  {score !== null && <span className="snippet-score">{score.toFixed(2)}</span>}
                  {j === alpha && <span className="snippet-badge" title={`α: the highest ${name} score of any snippet`}>α</span>}
                  {j === beta && j !== alpha && <span className="snippet-badge beta" title={`β: the lowest ${name} score`}>β</span>}
                </button>
              );
            })}
          </div>
        )}
      </div>
      <figcaption className="muted">
        {detail.grid === 0
          ? 'This run kept only α and β per class (reference caches), so there is no per-snippet heatmap.'
          : `${detail.grid}×${detail.grid} snippets of ⌊W/${detail.grid}⌋×⌊H/${detail.grid}⌋ pixels${
              natural && (natural.width % detail.grid || natural.height % detail.grid) ? '; the remainder on the right and bottom is in no snippet' : ''
            }. ${heatClass >= 0 ? `α marks the snippet that gave ${name}'s α.` : 'Choose a heatmap class to colour the snippets.'} Click a snippet for its class vector.`}
      </figcaption>
    </figure>
  );
}

function HeatLegend({ className, domain }: { className: string; domain: { min: number; max: number } }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => domain.min + t * (domain.max - domain.min));
  const digits = domain.max - domain.min < 0.05 ? 4 : 2;
  const format = (value: number) => (domain.min === 0 && domain.max === 1 ? String(value) : value.toFixed(digits));
  return (
    <div
      className="heat-legend"
      role="img"
      aria-label={`Colour scale: ${className} score of each snippet, from ${format(domain.min)} (dark blue) to ${format(domain.max)} (yellow)`}
    >
      <span className="heat-legend-title">
        {className} score per snippet (softmax over classes){domain.min === 0 && domain.max === 1 ? '' : ", stretched to this image's range"}
      </span>
      <span className="heat-legend-bar" style={{ background: heatGradient() }} />
      <span className="heat-legend-ticks" aria-hidden="true">
        {ticks.map((tick, i) => (
          <span key={i}>{format(tick)}</span>
        ))}
      </span>
    </div>
  );
}

function SnippetVector({ detail, classes, snippet, heatClass }: { detail: ImageResult; classes: readonly string[]; snippet: number | null; heatClass: number }) {
  if (snippet === null) return <p className="muted snippet-vector-hint">Click (or press Enter on) a snippet to see its full class vector.</p>;
  const values = Array.from(detail.snippetScores.subarray(snippet * classes.length, (snippet + 1) * classes.length));
  const ranked = values.map((value, c) => ({ value, c })).sort((a, b) => b.value - a.value);
  const best = argmax(values);
  return (
    <section className="snippet-vector" aria-label={`Class vector of snippet row ${Math.floor(snippet / detail.grid) + 1}, column ${(snippet % detail.grid) + 1}`}>
      <h3>
        Snippet row {Math.floor(snippet / detail.grid) + 1}, column {(snippet % detail.grid) + 1}: best {naturalClassName(classes[best]!)} {values[best]!.toFixed(3)}
      </h3>
      <table className="bars-table compact">
        <tbody>
          {ranked.map(({ value, c }) => (
            <tr key={c} className={c === heatClass ? 'highlight' : undefined}>
              <th scope="row">
                {naturalClassName(classes[c]!)}
                {detail.alphaSnippet[c] === snippet && <span className="alpha-tag" title="this snippet gave the class's α"> α</span>}
              </th>
              <td>
                <Bar value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Bar({ value }: { value: number }) {
  return (
    <span className="bar">
      <span className="bar-fill" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      <span className="bar-value">{value.toFixed(3)}</span>
    </span>
  );
}

const COLUMNS = [
  { key: 'global', title: 'global' },
  { key: 'alpha', title: 'α (max)' },
  { key: 'beta', title: 'β (min)' },
  { key: 'aggregate', title: 'aggregate' },
  { key: 'final', title: 'final' },
] as const;

function ClassBars({
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
  const settings = useRunStore((state) => state.settings);
  const cut = useGalleryStore((state) => state.cut);
  const value = (key: (typeof COLUMNS)[number]['key'], c: number) =>
    key === 'alpha' ? detail.alpha[c]! : key === 'beta' ? detail.beta[c]! : detail.scores[key][c]!;
  const names = training ? refinedNames(training.labels) : null;
  const refinement = training ? refinementOf(training.data, detail.index) : null;
  const changes = training ? labelChanges(training.data, detail.index, cut) : null;
  return (
    <section className="panel inspector-bars" aria-labelledby="bars-heading">
      <h2 id="bars-heading">Scores per class</h2>
      <p className="muted">
        ζ = {settings.zeta.toFixed(2)}: aggregate = α where α ≥ ζ, else β; final = ½(global + aggregate + λ|global − aggregate|), λ = {settings.lambda.toFixed(2)}.
        Truth marks the final label at the gallery's label cut.
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
              <th scope="col">truth</th>
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
              const truth = detail.truth[c]!;
              return (
                <tr key={token} className={c === heatClass ? 'highlight' : undefined} data-class={token}>
                  <th scope="row">
                    <button type="button" className="link class-link" aria-label={`Heatmap of ${naturalClassName(token)}`} onClick={() => onHeatClass(c)}>
                      {naturalClassName(token)}
                    </button>
                  </th>
                  <td className="truth-cell">
                    <TruthCell truth={truth} final={detail.scores.final[c]!} difficult={difficult} />
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

/** Y0, refined and Δ of one class, each cell with an accessible name that says what it is. */
function RefinementCells({
  className,
  names,
  entry,
  change,
}: {
  className: string;
  names: ReturnType<typeof refinedNames>;
  entry: { initial: number; refined: number; delta: number };
  change: 'gained' | 'lost' | null;
}) {
  const delta = formatDelta(entry.delta);
  const changeText = change === 'gained' ? 'gained by training' : change === 'lost' ? 'lost by training' : null;
  return (
    <>
      <td className="training-col training-start" aria-label={`${className}, ${names.initialColumn}: ${entry.initial.toFixed(3)}`} data-column="initial">
        <Bar value={entry.initial} />
      </td>
      <td className="training-col" aria-label={`${className}, ${names.refinedColumn}: ${entry.refined.toFixed(3)}`} data-column="refined">
        <Bar value={entry.refined} />
      </td>
      <td
        className={`training-col delta-cell${change ? ` ${change}` : ''}`}
        aria-label={`${className}, change by training (refined − Y0): ${delta}${changeText ? `, ${changeText}` : ''}`}
        data-column="delta"
        data-delta={entry.delta}
      >
        <span className="delta-value">{delta}</span>
        {changeText && <span className={`change ${change}`}> {change === 'gained' ? '+ gained' : '− lost'}</span>}
      </td>
    </>
  );
}

/** A signed change with a true minus sign: +0.150, −0.200, 0.000. */
function formatDelta(delta: number): string {
  const text = Math.abs(delta).toFixed(3);
  if (text === (0).toFixed(3)) return text;
  return `${delta > 0 ? '+' : '−'}${text}`;
}

function TruthCell({ truth, final, difficult }: { truth: number; final: number; difficult: 'positive' | 'ignore' }) {
  const cut = useGalleryStore((state) => state.cut);
  const mark = markOf(final, truth, cut, difficult);
  const text = truth === 1 ? 'yes' : truth === 0 ? 'difficult' : 'no';
  return (
    <span className={`mark ${mark ?? 'none'}`}>
      {text}
      {mark && (
        <span className="truth-mark" title={MARK_TEXT[mark].name}>
          {' '}
          {MARK_TEXT[mark].symbol} {MARK_TEXT[mark].name}
        </span>
      )}
    </span>
  );
}
