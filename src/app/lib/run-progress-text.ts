import type { EncodingProgress, RunProgress } from '../../worker/protocol/pipeline-protocol';
import { formatEta } from './format';

/** What the run panel's progress bar and line show. */
export interface ProgressLine {
  readonly value: number;
  readonly max: number;
  /** The bar's accessible name. */
  readonly label: 'Images read' | 'Images encoded';
  readonly text: string;
}

/**
 * While images are encoded, the images through the model so far (the chunk in progress included), with
 * images/s and an ETA from the first image; once the run stops (paused, cancelled, failed, done), what is
 * stored — a chunk is kept whole or not at all, so that is what a resumed run starts from.
 */
export function progressLine(phase: string, stored: RunProgress | null, encoding: EncodingProgress | null): ProgressLine | null {
  const live = phase === 'running' && encoding !== null && encoding.encoded >= (stored?.done ?? 0) ? encoding : null;
  if (live) return liveLine(live, stored);
  // Stopped before any chunk was stored: what is kept is what the browser had.
  stored ??= encoding && { done: encoding.fromCache, total: encoding.total, skipped: 0, fromCache: encoding.fromCache, imagesPerSecond: encoding.imagesPerSecond ?? 0, etaSeconds: null };
  if (!stored) return null;
  const rate = `${stored.imagesPerSecond.toFixed(1)} images/s`;
  const text =
    `${countText(stored.done, stored.total)} · ${rate} · ETA ${formatEta(stored.etaSeconds)}` +
    (stored.fromCache > 0 ? ` · ${stored.fromCache} from the browser cache` : '') +
    (stored.skipped > 0 ? ` · ${stored.skipped} skipped` : '') +
    (phase === 'paused' ? ' · paused' : '');
  return { value: stored.done, max: stored.total, label: stored.stage ? 'Images read' : 'Images encoded', text };
}

function liveLine(encoding: EncodingProgress, stored: RunProgress | null): ProgressLine {
  const rate = encoding.imagesPerSecond === null ? 'measuring the speed…' : `${encoding.imagesPerSecond.toFixed(encoding.imagesPerSecond < 1 ? 2 : 1)} images/s · ETA ${formatEta(encoding.etaSeconds)}`;
  const storedNow = stored?.done ?? encoding.fromCache;
  const text =
    `${countText(encoding.encoded, encoding.total)} · ${rate}` +
    (storedNow < encoding.encoded ? ` · ${storedNow} stored` : '') +
    (encoding.fromCache > 0 ? ` · ${encoding.fromCache} from the browser cache` : '') +
    (stored && stored.skipped > 0 ? ` · ${stored.skipped} skipped` : '');
  return { value: encoding.encoded, max: encoding.total, label: 'Images encoded', text };
}

const countText = (done: number, total: number) => `${done} / ${total} images (${total ? Math.round((100 * done) / total) : 0}%)`;
