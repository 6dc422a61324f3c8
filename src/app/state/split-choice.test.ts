import { describe, expect, it } from 'vitest';
import type { LayoutFacts } from '../../core/datasets/layout-splits';
import { missingSplit, splitsOffered } from './split-choice';

const contents = { images: 100, annotations: 100, classes: 20, classesFrom: 'the VOC list' };
const withoutImageSets: LayoutFacts = { format: 'voc', path: '', splits: [], contents };
const demo: LayoutFacts = { format: 'voc', path: '', splits: ['train', 'trainval', 'val'], contents };

describe('the Split picker', () => {
  it('offers the chosen folder’s splits, none for a folder without ImageSets', () => {
    expect(splitsOffered(withoutImageSets, ['train', 'trainval', 'val'])).toEqual([]);
    expect(splitsOffered(demo, undefined)).toEqual(['train', 'trainval', 'val']);
    expect(splitsOffered(null, ['train'])).toEqual([]);
  });

  it('while the folder is looked at, offers only the splits a run of this same folder read (none of another folder’s)', () => {
    expect(splitsOffered(undefined, ['train', 'val'])).toEqual(['train', 'val']);
    expect(splitsOffered(undefined, undefined)).toEqual([]);
  });

  it('says when the selected split is not in the folder, naming what is', () => {
    expect(missingSplit('train', withoutImageSets)).toBe("split 'train' is not in this folder (it has no splits)");
    expect(missingSplit('test', demo)).toBe("split 'test' is not in this folder (its splits: train, trainval, val)");
    expect(missingSplit('val', demo)).toBeNull();
    expect(missingSplit(null, withoutImageSets)).toBeNull();
    // Not known yet, or no layout (a plain folder read with typed classes): nothing to say.
    expect(missingSplit('train', undefined)).toBeNull();
    expect(missingSplit('train', null)).toBeNull();
  });
});
