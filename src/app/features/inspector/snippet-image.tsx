import { useMemo, useState } from 'react';
import { snippetGrid, type SnippetRect } from '../../../core/cdul/snippet-grid';
import { classColumn, heatColor, heatDomain, inDomain } from '../../../core/lab/heat-scale';
import { naturalClassName } from '../../../core/voc';
import type { ImageResult } from '../../../worker/protocol/lab-protocol';
import { useImageUrl } from '../../components/use-image-url';

interface SnippetImageProps {
  readonly detail: ImageResult;
  readonly heatClass: number;
  readonly classes: readonly string[];
  readonly snippet: number | null;
  readonly stretch: boolean;
  onSnippet(snippet: number): void;
}

/** The image with its N×N grid exactly as the snippets were cut (⌊W/N⌋×⌊H/N⌋, remainder dropped). */
export function SnippetImage({ detail, heatClass, classes, snippet, stretch, onSnippet }: SnippetImageProps) {
  const image = useImageUrl(detail.index);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const rects: SnippetRect[] = useMemo(() => {
    if (!natural || detail.grid < 1) return [];
    try {
      return snippetGrid(natural.width, natural.height, detail.grid);
    } catch {
      return [];
    }
  }, [natural, detail.grid]);
  const column = heatClass >= 0 ? classColumn(detail.snippetScores, classes.length, heatClass) : null;
  const domain = heatDomain(column ?? [], stretch);
  const alpha = heatClass >= 0 ? detail.alphaSnippet[heatClass]! : -1;
  const beta = heatClass >= 0 ? detail.betaSnippet[heatClass]! : -1;
  const name = heatClass >= 0 ? naturalClassName(classes[heatClass]!) : '';
  if (image.status === 'error') {
    return (
      <p className="banner error" role="alert">
        The image file could not be read: {image.message}
      </p>
    );
  }
  return (
    <figure className="snippet-figure" aria-label={`${detail.id} with its ${detail.grid}×${detail.grid} snippet grid`}>
      <div className="snippet-stage" style={natural ? { aspectRatio: `${natural.width} / ${natural.height}` } : undefined}>
        {image.status === 'ready' ? (
          <img src={image.url} alt={detail.id} onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })} />
        ) : (
          <span className="muted">loading the image…</span>
        )}
        {natural && rects.length > 0 && (
          <div className="snippet-grid" role="group" aria-label="Snippets">
            {rects.map((rect, j) => {
              const score = column ? column[j]! : null;
              const label = `Snippet row ${Math.floor(j / detail.grid) + 1}, column ${(j % detail.grid) + 1}${
                score !== null ? `: ${name} ${score.toFixed(3)}${j === alpha ? ' (α)' : ''}${j === beta ? ' (β)' : ''}` : ''
              }`;
              return (
                <button
                  key={j}
                  type="button"
                  className={`snippet-cell${snippet === j ? ' selected' : ''}${j === alpha ? ' alpha' : ''}`}
                  aria-label={label}
                  aria-pressed={snippet === j}
                  data-snippet={j}
                  data-score={score ?? undefined}
                  style={{
                    left: `${(100 * rect.x) / natural.width}%`,
                    top: `${(100 * rect.y) / natural.height}%`,
                    width: `${(100 * rect.width) / natural.width}%`,
                    height: `${(100 * rect.height) / natural.height}%`,
                    background: score !== null ? heatColor(inDomain(score, domain)) : undefined,
                  }}
                  onClick={() => onSnippet(j)}
                >
                  {score !== null && <span className="snippet-score">{score.toFixed(2)}</span>}
                  {j === alpha && <span className="snippet-badge" title={`α: the highest ${name} score of any snippet`}>α</span>}
                  {j === beta && j !== alpha && <span className="snippet-badge beta" title={`β: the lowest ${name} score`}>β</span>}
                </button>
              );
            })}
          </div>
        )}
      </div>
      <figcaption className="muted">
        {detail.grid === 0
          ? 'This run kept only α and β per class (reference caches), so there is no per-snippet heatmap.'
          : `${detail.grid}×${detail.grid} snippets of ⌊W/${detail.grid}⌋×⌊H/${detail.grid}⌋ pixels${
              natural && (natural.width % detail.grid || natural.height % detail.grid) ? '; the remainder on the right and bottom is in no snippet' : ''
            }. ${heatClass >= 0 ? `α marks the snippet that gave ${name}'s α.` : 'Choose a heatmap class to colour the snippets.'} Click a snippet for its class vector.`}
      </figcaption>
    </figure>
  );
}
