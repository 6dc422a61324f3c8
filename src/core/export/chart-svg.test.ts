import { describe, expect, it } from 'vitest';
import { chartCaptionSvg, escapeXml } from './chart-svg';

describe('chart caption SVG', () => {
  it('escapes XML', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
  it('lays the legend out in rows within the width, dashed entries dashed', () => {
    // Each entry is 32 + 7·len + 16 px wide: "A global" → 104 px; two fit in 240 px from x = 12, the third wraps.
    const entries = [
      { label: 'A global', color: '#111' },
      { label: 'B global', color: '#111', dashed: true },
      { label: 'A final', color: '#222' },
    ];
    const { markup, height } = chartCaptionSvg('mAP & ζ', entries, 240, 300);
    expect(markup).toContain('>mAP &amp; ζ</text>');
    expect(markup).toContain('<line x1="12" y1="338" x2="36" y2="338" stroke="#111" stroke-width="2"/>');
    expect(markup).toContain('<line x1="116" y1="338" x2="140" y2="338" stroke="#111" stroke-width="2" stroke-dasharray="6 4"/>');
    expect(markup).toContain('<line x1="12" y1="358" x2="36" y2="358" stroke="#222" stroke-width="2"/>');
    // title 28 + two legend rows of 20 + 4 px margin
    expect(height).toBe(28 + 40 + 4);
  });
  it('takes only the title line without entries', () => {
    expect(chartCaptionSvg('t', [], 100, 0).height).toBe(28);
  });
});
