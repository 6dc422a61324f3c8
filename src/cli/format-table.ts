/** Plain-text table with padded columns; numeric-looking cells are right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, col) =>
    Math.max(header.length, ...rows.map((row) => (row[col] ?? '').length)),
  );
  const isNumeric = (cell: string) => /^[-+]?[\d.]+%?$|^—$/.test(cell);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, col) => (col > 0 && isNumeric(cell) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function percent(value: number | null, digits = 2): string {
  return value === null ? '—' : value.toFixed(digits);
}
