import { describe, expect, it } from 'vitest';
import type { EncodingProgress, RunProgress } from '../../worker/protocol/pipeline-protocol';
import { progressLine } from './run-progress-text';

const stored = (done: number, extra: Partial<RunProgress> = {}): RunProgress => ({ done, total: 50, skipped: 0, fromCache: 0, imagesPerSecond: 2, etaSeconds: 17, ...extra });
const encoding = (encoded: number, extra: Partial<EncodingProgress> = {}): EncodingProgress => ({ encoded, total: 50, fromCache: 0, imagesPerSecond: 0.25, etaSeconds: 196, ...extra });

describe('progressLine', () => {
  it('counts from the first image, before any chunk is stored, with images/s and ETA', () => {
    expect(progressLine('running', null, encoding(1))).toEqual({
      value: 1,
      max: 50,
      label: 'Images encoded',
      text: '1 / 50 images (2%) · 0.25 images/s · ETA 3:16 · 0 stored',
    });
    expect(progressLine('running', null, encoding(0, { imagesPerSecond: null, etaSeconds: null }))?.text).toBe('0 / 50 images (0%) · measuring the speed…');
  });

  it('says what is stored beside what is encoded, and what came from the cache', () => {
    expect(progressLine('running', stored(16, { fromCache: 8 }), encoding(19, { fromCache: 8, imagesPerSecond: 2.5, etaSeconds: 12.4 }))?.text).toBe(
      '19 / 50 images (38%) · 2.5 images/s · ETA 0:12 · 16 stored · 8 from the browser cache',
    );
  });

  it('once stopped, shows what is stored (what a resumed run starts from)', () => {
    expect(progressLine('paused', stored(16), encoding(19))?.text).toBe('16 / 50 images (32%) · 2.0 images/s · ETA 0:17 · paused');
    expect(progressLine('complete', stored(50, { fromCache: 16, etaSeconds: 0 }), encoding(50))?.text).toBe(
      '50 / 50 images (100%) · 2.0 images/s · ETA 0:00 · 16 from the browser cache',
    );
    // Stopped before the first chunk was stored: nothing of this run is kept.
    expect(progressLine('paused', null, encoding(3, { fromCache: 8 }))?.text).toBe('8 / 50 images (16%) · 0.3 images/s · ETA — · 8 from the browser cache · paused');
    expect(progressLine('cancelled', null, null)).toBeNull();
  });

  it('a reference cache read: its own stage names the bar', () => {
    expect(progressLine('running', stored(10, { stage: 'Reading cached scores' }), null)?.label).toBe('Images read');
  });
});
