/** Keyboard moves and windowing of a virtualized grid (the gallery's): pure, so they are testable. */

/** Where focus goes from `position` in a grid of `count` items and `columns` columns; clamped at the edges. */
export function moveInGrid(position: number, count: number, columns: number, key: string, pageRows = 1): number {
  if (count === 0) return 0;
  const last = count - 1;
  const clamp = (value: number) => Math.max(0, Math.min(last, value));
  switch (key) {
    case 'ArrowRight':
      return clamp(position + 1);
    case 'ArrowLeft':
      return clamp(position - 1);
    case 'ArrowDown':
      return position + columns <= last ? position + columns : position;
    case 'ArrowUp':
      return position - columns >= 0 ? position - columns : position;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(position + columns * pageRows);
    case 'PageUp':
      return clamp(position - columns * pageRows);
    default:
      return clamp(position);
  }
}

/** The rows of a virtualized grid to render for a scroll position: [first, end), with `overscan` extra rows. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 2): { first: number; end: number } {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}
