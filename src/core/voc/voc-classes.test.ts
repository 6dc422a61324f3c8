import { describe, expect, it } from 'vitest';
import { isVocClass, naturalClassName, naturalClassNames, VOC_CLASSES } from './voc-classes';

describe('VOC classes', () => {
  it('are the 20 VOC classes in sorted order', () => {
    expect(VOC_CLASSES).toHaveLength(20);
    expect([...VOC_CLASSES]).toEqual([...VOC_CLASSES].sort());
    expect(VOC_CLASSES[0]).toBe('aeroplane');
    expect(VOC_CLASSES[19]).toBe('tvmonitor');
    expect(isVocClass('pottedplant')).toBe(true);
    expect(isVocClass('plant')).toBe(false);
  });

  it('give natural names for prompts, other names unchanged', () => {
    expect(naturalClassName('diningtable')).toBe('dining table');
    expect(naturalClassName('pottedplant')).toBe('potted plant');
    expect(naturalClassName('tvmonitor')).toBe('tv monitor');
    expect(naturalClassName('aeroplane')).toBe('aeroplane');
    expect(naturalClassName('constructor')).toBe('constructor');
    const names = naturalClassNames(VOC_CLASSES);
    expect(names.filter((name, index) => name !== VOC_CLASSES[index])).toEqual([
      'dining table',
      'potted plant',
      'tv monitor',
    ]);
  });
});
