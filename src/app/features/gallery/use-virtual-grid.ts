import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { moveInGrid, visibleRows } from '../../../core/lab/grid-navigation';

/** The tile geometry a virtual grid lays out: columns as wide as fit, rows of a fixed height. */
export interface GridGeometry {
  readonly minTileWidth: number;
  readonly gap: number;
  readonly rowHeight: number;
}

const NAVIGATION_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];

/**
 * A windowed grid of `count` items: how many columns fit the scroller, which rows are in view (plus
 * two above and below), and a roving focus the arrow keys, Home/End and PageUp/PageDown move, keeping
 * the focused row in view. `opened` (or −1) is the item to bring back into view and focus when the
 * grid is (re)opened or resized; Enter and Space activate the focused item.
 */
export function useVirtualGrid(count: number, opened: number, geometry: GridGeometry, activate: (position: number) => void) {
  const { minTileWidth, gap, rowHeight } = geometry;
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0, top: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [focus, setFocus] = useState(Math.max(0, opened));
  const focusAfterRender = useRef(false);
  useScrollerSize(scroller, setSize);

  const columns = Math.max(1, Math.floor((size.width + gap) / (minTileWidth + gap)));
  const rowCount = Math.ceil(count / columns);
  const viewportRows = Math.max(1, Math.floor(size.height / rowHeight));
  const { first, end } = visibleRows(scrollTop, size.height, rowHeight, rowCount, 2);
  const position = Math.min(focus, count - 1);

  // Coming back from the inspector: the opened item is in view and focused.
  useLayoutEffect(() => {
    if (opened < 0 || !scroller.current || size.width === 0) return;
    const row = Math.floor(opened / columns);
    scroller.current.scrollTop = Math.max(0, row * rowHeight - rowHeight);
    setScrollTop(scroller.current.scrollTop);
    setFocus(opened);
    focusAfterRender.current = true;
    // Only when the grid is (re)opened or resized, not on every order change.
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
      const top = Math.floor(next / columns) * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
      setScrollTop(element.scrollTop);
      setFocus(next);
      focusAfterRender.current = true;
    },
    [columns, rowHeight],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(position);
      return;
    }
    if (!NAVIGATION_KEYS.includes(event.key)) return;
    event.preventDefault();
    moveTo(moveInGrid(position, count, columns, event.key, viewportRows));
  };

  return { scroller, columns, rowCount, first, end, position, top: size.top, setFocus, setScrollTop, onKeyDown };
}

/** The scroller's size and page position, kept up to date as it or the window resizes. */
function useScrollerSize(scroller: React.RefObject<HTMLDivElement | null>, setSize: (size: { width: number; height: number; top: number }) => void): void {
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
}
