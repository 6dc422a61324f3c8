import { describe, expect, it } from 'vitest';
import { operatorSummary } from './cpu-operators';

describe('operatorSummary', () => {
  it('counts operator types, most frequent first, ties by name', () => {
    const ops = ['Shape', 'Gather', 'Shape', 'Cast', 'Shape', 'Gather'].map((opType, k) => ({ opType, name: `/n${k}` }));
    expect(operatorSummary(ops)).toBe('Shape ×3, Gather ×2, Cast ×1');
    expect(operatorSummary([{ opType: 'Cast', name: '/bag/Cast_mask' }])).toBe('Cast ×1');
    expect(operatorSummary([])).toBe('none');
  });
});
