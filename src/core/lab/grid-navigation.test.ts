import { describe, expect, it } from 'vitest';
import { moveInGrid, visibleRows } from './grid-navigation';

describe('grid navigation and windowing', () => {
  it('moves by one, by a row, and stays inside the grid', () => {
    // 10 items in 4 columns: rows [0–3], [4–7], [8–9].
    expect(moveInGrid(5, 10, 4, 'ArrowRight')).toBe(6);
    expect(moveInGrid(0, 10, 4, 'ArrowLeft')).toBe(0);
    expect(moveInGrid(5, 10, 4, 'ArrowDown')).toBe(9);
    expect(moveInGrid(6, 10, 4, 'ArrowDown')).toBe(6); // no item below
    expect(moveInGrid(5, 10, 4, 'ArrowUp')).toBe(1);
    expect(moveInGrid(2, 10, 4, 'ArrowUp')).toBe(2);
    expect(moveInGrid(3, 10, 4, 'End')).toBe(9);
    expect(moveInGrid(9, 10, 4, 'Home')).toBe(0);
    expect(moveInGrid(1, 10, 4, 'PageDown', 2)).toBe(9);
  });

  it('renders only the rows in view, plus the overscan', () => {
    // Rows of 100 px, a 250 px viewport scrolled to 1000: rows 10–12 visible, ±2 overscan.
    expect(visibleRows(1000, 250, 100, 2885, 2)).toEqual({ first: 8, end: 15 });
    expect(visibleRows(0, 250, 100, 2, 2)).toEqual({ first: 0, end: 2 });
    expect(visibleRows(0, 250, 100, 0)).toEqual({ first: 0, end: 0 });
  });
});
