import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  labelChanges,
  markCounts,
  moveInGrid,
  tileLabels,
  visibleRows,
  type GalleryFilter,
  type GalleryMarking,
  type GalleryMode,
  type GallerySort,
  type GalleryScores,
  type LabelMark,
} from '../../../core/lab/gallery';
import { naturalClassName } from '../../../core/voc';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import type { RefinedLabels } from '../../state/training-store';
import { useViewStore } from '../../state/view-store';
import { useGalleryStore } from './gallery-store';
import { useImageUrl } from './image-urls';
import { LabGate, MissingFolderNotice } from './lab-gate';
import { useGalleryData } from './use-gallery-data';
import { refinedNames } from './use-refined-labels';
import './gallery.css';

const TILE_MIN_WIDTH = 196;
const GAP = 12;
const ROW_HEIGHT = 268 + GAP;
const LABELS_SHOWN = 5;

export const MARK_TEXT: Readonly<Record<LabelMark, { symbol: string; name: string }>> = {
  tp: { symbol: '✓', name: 'true positive' },
  fp: { symbol: '✗', name: 'false positive' },
  missed: { symbol: '○', name: 'missed' },
  difficult: { symbol: '◐', name: 'difficult (ignored)' },
};

export function GalleryView({ client }: { client: PipelineClient }) {
  return (
    <LabGate what="Gallery" client={client}>
      <Gallery client={client} />
    </LabGate>
  );
}

function Gallery({ client }: { client: PipelineClient }) {
  const { query, data, order, indexOfId, marking, refined, controls } = useGalleryData(client);
  const settings = useRunStore((state) => state.settings);
  return (
    <div className="gallery">
      <MissingFolderNotice />
      <GalleryControlsBar classes={data?.classes ?? []} shown={order.length} total={data?.ids.length ?? 0} controls={controls} refined={refined} />
      {refined && <RefinedNote refined={refined} mode={marking.mode} cut={marking.cut} />}
      <p className="muted gallery-legend" aria-label="How labels are marked">
        A label is <em>predicted</em> when its {modeText(marking.mode)} score is ≥ the label cut ({marking.cut.toFixed(2)}); ζ = {settings.zeta.toFixed(2)}, λ ={' '}
        {settings.lambda.toFixed(2)}, difficult counted as {settings.difficult === 'positive' ? 'positive' : 'ignored'}. Marks:{' '}
        <span className="mark tp">{MARK_TEXT.tp.symbol} true positive</span> <span className="mark fp">{MARK_TEXT.fp.symbol} false positive</span>{' '}
        <span className="mark missed">{MARK_TEXT.missed.symbol} missed</span> (a ground-truth label below the cut).
      </p>
      {query.isError ? (
        <p className="banner error" role="alert">
          The gallery could not be loaded: {query.error.message}
        </p>
      ) : !data ? (
        <p className="muted" role="status" aria-label="Loading the gallery">
          Loading every image's pseudo labels…
        </p>
      ) : order.length === 0 ? (
        <p className="panel empty-state" role="status" aria-label="No images match">
          No image matches these filters. <ResetFilters />
        </p>
      ) : (
        <VirtualGrid client={client} data={data} order={order} indexOfId={indexOfId} marking={marking} />
      )}
    </div>
  );
}

function ResetFilters() {
  const set = useGalleryStore((state) => state.set);
  return (
    <button type="button" className="link" onClick={() => set({ filter: 'all', classToken: null })}>
      Show every image
    </button>
  );
}

const modeText = (mode: GalleryMode) => (mode === 'initial' ? 'Y0 (training start)' : mode);

/** Which training run's labels the gallery can show, and what its marks and changes mean. */
function RefinedNote({ refined, mode, cut }: { refined: RefinedLabels; mode: GalleryMode; cut: number }) {
  return (
    <p className="muted gallery-refined-note" role="note" aria-label="Refined labels">
      Training run {refined.runName}, epoch {refined.epoch}: its refined pseudo labels and Y0 (the labels it started from) can be shown under Labels.
      {mode === 'refined' && (
        <>
          {' '}
          Each tile also lists what training changed at the label cut ({cut.toFixed(2)}): <span className="change gained">+ gained</span>,{' '}
          <span className="change lost">− lost</span>.
        </>
      )}
    </p>
  );
}

interface ControlsBarProps {
  readonly classes: readonly string[];
  readonly shown: number;
  readonly total: number;
  /** The controls in force (training's modes, filter and sort fall back when its labels are not shown). */
  readonly controls: { readonly mode: GalleryMode; readonly sort: GallerySort; readonly filter: GalleryFilter };
  readonly refined: RefinedLabels | null;
}

function GalleryControlsBar({ classes, shown, total, controls, refined }: ControlsBarProps) {
  const { cut, classToken, set } = useGalleryStore();
  const { mode, sort, filter } = controls;
  const names = refined ? refinedNames(refined) : null;
  return (
    <div className="controls gallery-controls" role="group" aria-label="Gallery controls">
      <label className="field">
        Labels
        <select aria-label="Pseudo labels shown" value={mode} onChange={(event) => set({ mode: event.target.value as GalleryMode })}>
          <option value="final">final</option>
          <option value="aggregate">aggregate</option>
          <option value="global">global</option>
          {names && <option value="initial">{names.initialOption}</option>}
          {names && <option value="refined">{names.refinedOption}</option>}
        </select>
      </label>
      <label className="field">
        Label cut = {cut.toFixed(2)}
        <input aria-label="Label cut" type="range" min={0.05} max={0.95} step={0.05} value={cut} onChange={(event) => set({ cut: Number(event.target.value) })} />
      </label>
      <label className="field">
        Class
        <select aria-label="Class filter" value={classToken ?? ''} onChange={(event) => set({ classToken: event.target.value || null })}>
          <option value="">every class</option>
          {classes.map((token) => (
            <option key={token} value={token}>
              {naturalClassName(token)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Show
        <select aria-label="Show only" value={filter} onChange={(event) => set({ filter: event.target.value as GalleryFilter })}>
          <option value="all">every image</option>
          <option value="disagrees">aggregate disagrees with global</option>
          <option value="has-missed">with missed labels</option>
          <option value="has-fp">with false positives</option>
          {refined && <option value="refined-changed">where training changed a label</option>}
        </select>
      </label>
      <label className="field">
        Sort
        <select aria-label="Sort images" value={sort} onChange={(event) => set({ sort: event.target.value as GallerySort })}>
          <option value="dataset">split order</option>
          <option value="score">by score (highest first)</option>
          <option value="missed-first">missed labels first</option>
          <option value="disagreement">largest aggregate − global gap first</option>
          {refined && <option value="refinement">largest change by training first</option>}
        </select>
      </label>
      <p className="muted gallery-count" role="status" aria-label="Images shown">
        {shown === total ? `${total} images` : `${shown} of ${total} images`}
      </p>
    </div>
  );
}

interface GridProps {
  readonly client: PipelineClient;
  readonly data: GalleryScores & { readonly ids: readonly string[] };
  readonly order: readonly number[];
  readonly indexOfId: ReadonlyMap<string, number>;
  readonly marking: GalleryMarking;
}

/** Only the rows in view (plus two above and below) are in the DOM; focus moves with the arrow keys. */
function VirtualGrid({ client, data, order, indexOfId, marking }: GridProps) {
  const openImage = useViewStore((state) => state.openImage);
  const imageId = useViewStore((state) => state.imageId);
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0, top: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const opened = imageId === null ? -1 : order.indexOf(indexOfId.get(imageId) ?? -1);
  const [focus, setFocus] = useState(Math.max(0, opened));
  const focusAfterRender = useRef(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight, top: element.getBoundingClientRect().top });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const columns = Math.max(1, Math.floor((size.width + GAP) / (TILE_MIN_WIDTH + GAP)));
  const rowCount = Math.ceil(order.length / columns);
  const viewportRows = Math.max(1, Math.floor(size.height / ROW_HEIGHT));
  const { first, end } = visibleRows(scrollTop, size.height, ROW_HEIGHT, rowCount, 2);
  const position = Math.min(focus, order.length - 1);

  // Coming back from the inspector: the opened image is in view and focused.
  useLayoutEffect(() => {
    if (opened < 0 || !scroller.current || size.width === 0) return;
    const row = Math.floor(opened / columns);
    scroller.current.scrollTop = Math.max(0, row * ROW_HEIGHT - ROW_HEIGHT);
    setScrollTop(scroller.current.scrollTop);
    setFocus(opened);
    focusAfterRender.current = true;
    // Only when the gallery is (re)opened or resized, not on every order change.
  }, [size.width === 0, columns]);

  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-position="${position}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (next: number) => {
      const element = scroller.current;
      if (!element) return;
      const row = Math.floor(next / columns);
      const top = row * ROW_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
      setScrollTop(element.scrollTop);
      setFocus(next);
      focusAfterRender.current = true;
    },
    [columns],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const index = order[position];
      if (index !== undefined) openImage(data.ids[index]!);
      return;
    }
    if (!['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(event.key)) return;
    event.preventDefault();
    moveTo(moveInGrid(position, order.length, columns, event.key, viewportRows));
  };

  const rows = [];
  for (let row = first; row < end; row++) {
    const cells = [];
    for (let column = 0; column < columns; column++) {
      const at = row * columns + column;
      const index = order[at];
      if (index === undefined) break;
      cells.push(
        <Tile
          key={index}
          client={client}
          data={data}
          index={index}
          position={at}
          column={column}
          marking={marking}
          focused={at === position}
          onOpen={() => openImage(data.ids[index]!)}
          onFocus={() => setFocus(at)}
        />,
      );
    }
    rows.push(
      <div key={row} role="row" aria-rowindex={row + 1} className="gallery-row" style={{ top: row * ROW_HEIGHT, gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="gallery-scroller"
      style={{ height: `max(20rem, calc(100vh - ${Math.round(size.top)}px - 1rem))` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div
        role="grid"
        aria-label="Gallery"
        aria-rowcount={rowCount}
        aria-colcount={columns}
        aria-describedby="gallery-keys"
        className="gallery-grid"
        style={{ height: rowCount * ROW_HEIGHT }}
        onKeyDown={onKeyDown}
      >
        {rows}
      </div>
      <p id="gallery-keys" className="visually-hidden">
        Arrow keys move between images, Enter opens one in the image inspector, Escape there comes back here.
      </p>
    </div>
  );
}

interface TileProps {
  readonly client: PipelineClient;
  readonly data: GalleryScores & { readonly ids: readonly string[] };
  readonly index: number;
  readonly position: number;
  readonly column: number;
  readonly marking: GalleryMarking;
  readonly focused: boolean;
  onOpen(): void;
  onFocus(): void;
}

function Tile({ client, data, index, position, column, marking, focused, onOpen, onFocus }: TileProps) {
  const image = useImageUrl(client, index);
  const id = data.ids[index]!;
  const { shown, hiddenPredicted } = tileLabels(data, index, marking);
  // In refined mode a line of training's changes follows the labels: two label lines fewer keep the tile's height.
  const visible = shown.slice(0, marking.mode === 'refined' ? LABELS_SHOWN - 2 : LABELS_SHOWN);
  const hidden = hiddenPredicted + shown.length - visible.length;
  const counts = markCounts(data, index, marking);
  const describe = (label: (typeof shown)[number]) =>
    `${naturalClassName(data.classes[label.classIndex]!)} ${label.score.toFixed(2)}${label.mark ? `, ${MARK_TEXT[label.mark].name}` : ''}`;
  const changes = marking.mode === 'refined' ? labelChanges(data, index, marking.cut) : null;
  const changeNames = changes && {
    gained: changes.gained.map((c) => naturalClassName(data.classes[c]!)),
    lost: changes.lost.map((c) => naturalClassName(data.classes[c]!)),
  };
  const changeText = changeNames && changesDescription(changeNames.gained, changeNames.lost);
  const name = `${id}: ${visible.length ? visible.map(describe).join('; ') : 'no label predicted'}${hidden ? `; ${hidden} more` : ''}${changeText ? `; ${changeText}` : ''}`;
  return (
    <div
      role="gridcell"
      aria-label={name}
      aria-colindex={column + 1}
      tabIndex={focused ? 0 : -1}
      data-position={position}
      data-image-id={id}
      className="gallery-tile"
      onClick={onOpen}
      onFocus={onFocus}
    >
      <div className="tile-thumb">
        {image.status === 'ready' ? (
          <img src={image.url} alt="" draggable={false} />
        ) : image.status === 'error' ? (
          <span className="tile-thumb-note" title={image.message}>
            image unavailable
          </span>
        ) : (
          <span className="tile-thumb-note">loading…</span>
        )}
      </div>
      <div className="tile-head">
        <span className="tile-id">{id}</span>
        <span className="tile-counts" aria-hidden="true">
          {counts.tp > 0 && <span className="mark tp">{counts.tp}✓</span>}
          {counts.fp > 0 && <span className="mark fp">{counts.fp}✗</span>}
          {counts.missed > 0 && <span className="mark missed">{counts.missed}○</span>}
        </span>
      </div>
      <ul className="tile-labels" aria-hidden="true">
        {visible.map((label) => (
          <li key={label.classIndex} className={`mark ${label.mark ?? 'none'}`} data-mark={label.mark ?? 'none'}>
            <span className="mark-symbol">{label.mark ? MARK_TEXT[label.mark].symbol : '·'}</span>
            <span className="label-name">{naturalClassName(data.classes[label.classIndex]!)}</span>
            <span className="label-score">{label.score.toFixed(2)}</span>
          </li>
        ))}
        {visible.length === 0 && <li className="mark none">no label ≥ cut</li>}
        {hidden > 0 && <li className="muted more">+{hidden} more</li>}
      </ul>
      {changeNames && changeText && (
        <p className="tile-changes" aria-hidden="true" title={changeText} data-gained={changeNames.gained.length} data-lost={changeNames.lost.length}>
          {changeNames.gained.length + changeNames.lost.length === 0 ? (
            <span className="muted">unchanged by training</span>
          ) : (
            <>
              {changeNames.gained.map((name) => (
                <span key={`+${name}`} className="change gained">
                  +{name}
                </span>
              ))}
              {changeNames.lost.map((name) => (
                <span key={`-${name}`} className="change lost">
                  −{name}
                </span>
              ))}
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** The accessible text of what training changed on one image, e.g. "gained by training: cat; lost: dog". */
export function changesDescription(gained: readonly string[], lost: readonly string[]): string {
  if (gained.length === 0 && lost.length === 0) return 'unchanged by training';
  const parts = [];
  if (gained.length > 0) parts.push(`gained by training: ${gained.join(', ')}`);
  if (lost.length > 0) parts.push(`${gained.length > 0 ? 'lost' : 'lost by training'}: ${lost.join(', ')}`);
  return parts.join('; ');
}
