import type { GalleryMarking, GalleryScores } from '../../../core/lab/gallery';
import { useLabStore } from '../../state/lab-store';
import { GalleryTile } from './gallery-tile';
import { useVirtualGrid } from './use-virtual-grid';

const GEOMETRY = { minTileWidth: 196, gap: 12, rowHeight: 268 + 12 } as const;

interface GridProps {
  readonly data: GalleryScores & { readonly ids: readonly string[] };
  readonly order: readonly number[];
  readonly indexOfId: ReadonlyMap<string, number>;
  readonly marking: GalleryMarking;
}

/** The gallery's tiles in `order`: only the rows in view are in the DOM; focus moves with the arrow keys. */
export function VirtualGrid({ data, order, indexOfId, marking }: GridProps) {
  const openImage = useLabStore((state) => state.openImage);
  const imageId = useLabStore((state) => state.view.imageId);
  const opened = imageId === null ? -1 : order.indexOf(indexOfId.get(imageId) ?? -1);
  const open = (at: number) => {
    const index = order[at];
    if (index !== undefined) openImage(data.ids[index]!);
  };
  const grid = useVirtualGrid(order.length, opened, GEOMETRY, open);
  const { columns, first, end, position } = grid;

  const rows = [];
  for (let row = first; row < end; row++) {
    const cells = [];
    for (let column = 0; column < columns; column++) {
      const at = row * columns + column;
      const index = order[at];
      if (index === undefined) break;
      cells.push(
        <GalleryTile
          key={index}
          data={data}
          index={index}
          position={at}
          column={column}
          marking={marking}
          focused={at === position}
          onOpen={() => open(at)}
          onFocus={() => grid.setFocus(at)}
        />,
      );
    }
    rows.push(
      <div key={row} role="row" aria-rowindex={row + 1} className="gallery-row" style={{ top: row * GEOMETRY.rowHeight, gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={grid.scroller}
      className="gallery-scroller"
      style={{ height: `max(20rem, calc(100vh - ${Math.round(grid.top)}px - 1rem))` }}
      onScroll={(event) => grid.setScrollTop(event.currentTarget.scrollTop)}
    >
      <div
        role="grid"
        aria-label="Gallery"
        aria-rowcount={grid.rowCount}
        aria-colcount={columns}
        aria-describedby="gallery-keys"
        className="gallery-grid"
        style={{ height: grid.rowCount * GEOMETRY.rowHeight }}
        onKeyDown={grid.onKeyDown}
      >
        {rows}
      </div>
      <p id="gallery-keys" className="visually-hidden">
        Arrow keys move between images, Enter opens one in the image inspector, Escape there comes back here.
      </p>
    </div>
  );
}
