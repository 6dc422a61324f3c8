/**
 * Pieces of an exported chart's SVG that the chart library draws in HTML (legend, title) and so would
 * be missing from the serialized <svg>: drawn here as SVG markup, appended by the page before saving.
 */

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
}

/** Escapes text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Height of one legend row and of the title line, in px. */
export const LEGEND_ROW = 20;
export const TITLE_HEIGHT = 28;

/**
 * A title line and a legend laid out in rows across `width` (each entry: a 24 px line sample and its
 * label; ~7 px per character of the label at 12 px). Returns the markup (a <g>) and the height it takes.
 */
export function chartCaptionSvg(title: string, entries: readonly LegendEntry[], width: number, top: number): { readonly markup: string; readonly height: number } {
  const parts: string[] = [`<text x="12" y="${top + 19}" font-size="14" font-weight="600" fill="#1d2330">${escapeXml(title)}</text>`];
  let x = 12;
  let y = top + TITLE_HEIGHT;
  for (const entry of entries) {
    const w = 32 + entry.label.length * 7 + 16;
    if (x > 12 && x + w > width - 12) {
      x = 12;
      y += LEGEND_ROW;
    }
    const dash = entry.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<line x1="${x}" y1="${y + 10}" x2="${x + 24}" y2="${y + 10}" stroke="${escapeXml(entry.color)}" stroke-width="2"${dash}/>`,
      `<text x="${x + 32}" y="${y + 14}" font-size="12" fill="#1d2330">${escapeXml(entry.label)}</text>`,
    );
    x += w;
  }
  const height = y + LEGEND_ROW - top + (entries.length > 0 ? 4 : -LEGEND_ROW);
  return { markup: `<g class="chart-caption">${parts.join('')}</g>`, height };
}
