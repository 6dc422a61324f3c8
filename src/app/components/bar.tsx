/** A score in [0, 1] as a bar with its value (values outside are drawn clamped, written as they are). */
export function Bar({ value }: { value: number }) {
  return (
    <span className="bar">
      <span className="bar-fill" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      <span className="bar-value">{value.toFixed(3)}</span>
    </span>
  );
}
