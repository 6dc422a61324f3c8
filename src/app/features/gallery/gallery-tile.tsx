import { markCounts, scoresOf, tileLabels, type GalleryMarking, type GalleryScores, type MarkCounts } from '../../../core/lab/gallery';
import { labelCount } from '../../../core/lab/label-certainty';
import { labelChanges } from '../../../core/lab/label-changes';
import { naturalClassName } from '../../../core/voc';
import { MARK_TEXT } from '../../components/label-marks';
import { useImageUrl } from '../../components/use-image-url';
import { changesDescription, TileChanges } from './tile-changes';

const LABELS_SHOWN = 5;

interface TileProps {
  readonly data: GalleryScores & { readonly ids: readonly string[] };
  readonly index: number;
  readonly position: number;
  readonly column: number;
  readonly marking: GalleryMarking;
  readonly focused: boolean;
  onOpen(): void;
  onFocus(): void;
}

/**
 * One image: its thumbnail, id, mark counts (without ground truth: how many labels it has at the cut) and
 * top labels; its accessible name says all of it.
 */
export function GalleryTile({ data, index, position, column, marking, focused, onOpen, onFocus }: TileProps) {
  const image = useImageUrl(index);
  const id = data.ids[index]!;
  const { shown, hiddenPredicted } = tileLabels(data, index, marking);
  // In refined mode a line of training's changes follows the labels: two label lines fewer keep the tile's height.
  const visible = shown.slice(0, marking.mode === 'refined' ? LABELS_SHOWN - 2 : LABELS_SHOWN);
  const hidden = hiddenPredicted + shown.length - visible.length;
  const counts = markCounts(data, index, marking);
  const labels = counts ? 0 : labelCount(scoresOf(data, marking.mode), data.classes.length, index, marking.cut);
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
          <img src={image.url} alt={`${id} (thumbnail)`} draggable={false} />
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
          {counts ? <TileCounts counts={counts} /> : <span className="mark none">{labels === 1 ? '1 label' : `${labels} labels`}</span>}
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
      {changeNames && changeText && <TileChanges gained={changeNames.gained} lost={changeNames.lost} text={changeText} />}
    </div>
  );
}

function TileCounts({ counts }: { counts: MarkCounts }) {
  return (
    <>
      {counts.tp > 0 && <span className="mark tp">{counts.tp}✓</span>}
      {counts.fp > 0 && <span className="mark fp">{counts.fp}✗</span>}
      {counts.missed > 0 && <span className="mark missed">{counts.missed}○</span>}
    </>
  );
}
