/** The tile's line of what training changed at the label cut: + gained, − lost (never colour alone). */
export function TileChanges({ gained, lost, text }: { gained: readonly string[]; lost: readonly string[]; text: string }) {
  return (
    <p className="tile-changes" aria-hidden="true" title={text} data-gained={gained.length} data-lost={lost.length}>
      {gained.length + lost.length === 0 ? (
        <span className="muted">unchanged by training</span>
      ) : (
        <>
          {gained.map((name) => (
            <span key={`+${name}`} className="change gained">
              +{name}
            </span>
          ))}
          {lost.map((name) => (
            <span key={`-${name}`} className="change lost">
              −{name}
            </span>
          ))}
        </>
      )}
    </p>
  );
}

/** The accessible text of what training changed on one image, e.g. "gained by training: cat; lost: dog". */
export function changesDescription(gained: readonly string[], lost: readonly string[]): string {
  if (gained.length === 0 && lost.length === 0) return 'unchanged by training';
  const parts = [];
  if (gained.length > 0) parts.push(`gained by training: ${gained.join(', ')}`);
  if (lost.length > 0) parts.push(`${gained.length > 0 ? 'lost' : 'lost by training'}: ${lost.join(', ')}`);
  return parts.join('; ');
}
