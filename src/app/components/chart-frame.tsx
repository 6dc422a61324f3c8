import { useRef, useState, type ReactNode } from 'react';
import type { LegendEntry } from '../../core/export/chart-svg';
import { chartPng, chartSvg } from '../lib/chart-image';
import { download } from '../lib/download';
import './chart-frame.css';

/**
 * A chart with its title, an HTML legend and "Save as SVG / PNG" buttons. `fileStem` names the setting
 * (see core/export/export-file-name.ts); `children` draws the chart (recharts), whose <svg> is what gets saved.
 */
export function ChartFrame({ title, fileStem, legend, children, note }: { title: string; fileStem: string; legend: readonly LegendEntry[]; children: ReactNode; note?: ReactNode }) {
  const plot = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const image = () => {
    const svg = plot.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) throw new Error('the chart is not drawn yet');
    return chartSvg(svg, title, legend);
  };
  const save = async (format: 'svg' | 'png') => {
    setError(null);
    try {
      const drawn = image();
      if (format === 'svg') download(`${fileStem}.svg`, drawn.markup, 'image/svg+xml');
      else download(`${fileStem}.png`, await chartPng(drawn), 'image/png');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <figure className="chart-frame" aria-label={title}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-actions">
          <button type="button" onClick={() => void save('svg')} aria-label={`Save “${title}” as SVG`}>
            SVG
          </button>
          <button type="button" onClick={() => void save('png')} aria-label={`Save “${title}” as PNG`}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={plot} className="chart-plot">
        {children}
      </div>
      <ul className="chart-legend" aria-label={`Legend of “${title}”`}>
        {legend.map((entry) => (
          <li key={entry.label}>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="24" y2="5" stroke={entry.color} strokeWidth="2" strokeDasharray={entry.dashed ? '6 4' : undefined} />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      {note && <p className="muted chart-note">{note}</p>}
      {error && (
        <p role="alert" className="banner error">
          Could not save the chart: {error}
        </p>
      )}
    </figure>
  );
}
