/** "1:05", "0:07", "1:02:03"; "—" when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

/** A signed change with a true minus sign: +0.150, −0.200, 0.000. */
export function formatChange(delta: number): string {
  const text = Math.abs(delta).toFixed(3);
  if (text === (0).toFixed(3)) return text;
  return `${delta > 0 ? '+' : '−'}${text}`;
}
