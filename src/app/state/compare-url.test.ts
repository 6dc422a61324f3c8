import { describe, expect, it } from 'vitest';
import { formatCompareSide, parseCompareSide } from './compare-url';
import { formatScale, parseScale } from './url-state';

describe('a Compare side in the URL', () => {
  it('round-trips, presets by name and the prompt template apart', () => {
    const side = { zeta: 0.1, lambda: 0.25, scale: 1 / Math.log(100), convention: 'voc07', difficult: 'ignore' } as const;
    const text = formatCompareSide(side, formatScale);
    expect(text).toBe('0.1,0.25,reference,voc07,ignore');
    expect(parseCompareSide(text, null, parseScale)).toEqual(side);
    expect(parseCompareSide(text, '{name} or a cat', parseScale)).toEqual({ ...side, promptTemplate: '{name} or a cat' });
  });

  it('refuses any part that does not parse, and a template without {name}', () => {
    for (const bad of ['0.1,0,model,step', '2,0,model,step,positive', '0.1,0,model,ap11,positive', '0.1,0,hot,step,positive', ',0,model,step,positive']) {
      expect(parseCompareSide(bad, null, parseScale)).toBeUndefined();
    }
    expect(parseCompareSide('0.5,0,model,step,positive', 'a photo', parseScale)).toEqual({ zeta: 0.5, lambda: 0, scale: null, convention: 'step', difficult: 'positive' });
  });
});
