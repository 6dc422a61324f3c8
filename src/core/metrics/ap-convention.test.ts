import { describe, expect, it } from 'vitest';
import { AP_CONVENTIONS, apConventionLabel, isApConvention } from './ap-convention';
import { VOC07_RECALL_LEVELS } from './voc07-recall-levels';

describe('AP conventions', () => {
  it('have human labels', () => {
    expect(AP_CONVENTIONS.map(apConventionLabel)).toEqual([
      'step-wise (sklearn)',
      'VOC2007 11-point',
      'VOC2010+ all-point',
    ]);
  });

  it('narrow user input', () => {
    expect(isApConvention('voc07')).toBe(true);
    expect(isApConvention('VOC07')).toBe(false);
    expect(isApConvention('toString')).toBe(false);
  });

  it("use MATLAB's 0:0.1:1 recall levels: the decimal literals except 3·0.1", () => {
    const decimals = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    expect(VOC07_RECALL_LEVELS.map((t, k) => t === decimals[k])).toEqual([
      true, true, true, false, true, true, true, true, true, true, true,
    ]);
    expect(VOC07_RECALL_LEVELS[3]).toBe(0.30000000000000004);
    expect(VOC07_RECALL_LEVELS[3]! > 3 / 10).toBe(true);
  });
});
