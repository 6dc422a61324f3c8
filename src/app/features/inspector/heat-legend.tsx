import { heatGradient } from '../../../core/lab/heat-scale';

/** The colour scale of the heatmap, with its range (0–1, or stretched to the image's) in words for screen readers. */
export function HeatLegend({ className, domain }: { className: string; domain: { min: number; max: number } }) {
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
