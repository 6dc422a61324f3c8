import { describe, expect, it } from 'vitest';
import { splitOffer } from './split-offer';

const VOC = ['train', 'trainval', 'val'];

describe('splitOffer', () => {
  it('offers the val split to a train run with no other split stored, then reopens train', () => {
    expect(splitOffer({ openSplit: 'train', splits: VOC, stored: [], unlabelled: false })).toEqual({ kind: 'val-too', split: 'val', reopen: 'train' });
  });

  it('falls back to test when the folder has no val split', () => {
    expect(splitOffer({ openSplit: 'trainval', splits: ['trainval', 'test'], stored: [], unlabelled: false })).toEqual({ kind: 'val-too', split: 'test', reopen: 'trainval' });
  });

  it('offers nothing once another split is stored, without ground truth, or without a split', () => {
    expect(splitOffer({ openSplit: 'train', splits: VOC, stored: ['val'], unlabelled: false })).toBeNull();
    expect(splitOffer({ openSplit: 'train', splits: VOC, stored: [], unlabelled: true })).toBeNull();
    expect(splitOffer({ openSplit: null, splits: VOC, stored: [], unlabelled: false })).toBeNull();
    expect(splitOffer({ openSplit: 'train', splits: ['train'], stored: [], unlabelled: false })).toBeNull();
  });

  it('offers the train split to a run of the val split, saying whether it is stored', () => {
    expect(splitOffer({ openSplit: 'val', splits: VOC, stored: [], unlabelled: false })).toEqual({ kind: 'train-instead', split: 'train', stored: false });
    expect(splitOffer({ openSplit: 'val', splits: VOC, stored: ['train'], unlabelled: false })).toEqual({ kind: 'train-instead', split: 'train', stored: true });
    expect(splitOffer({ openSplit: 'test', splits: ['trainval', 'test'], stored: [], unlabelled: false })).toEqual({ kind: 'train-instead', split: 'trainval', stored: false });
    expect(splitOffer({ openSplit: 'val', splits: ['val'], stored: [], unlabelled: false })).toBeNull();
  });
});
