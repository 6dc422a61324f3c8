import { describe, expect, it } from 'vitest';
import { buildPathIndex } from './path-index';
import { pathKey } from '../../core/datasets/source-paths';

describe('pathKey', () => {
  it('keeps a tidy path as it is and tidies the rest', () => {
    expect(pathKey('VOC2012/JPEGImages/x.jpg')).toBe('VOC2012/JPEGImages/x.jpg');
    expect(pathKey('a/.hidden/..b/c..d')).toBe('a/.hidden/..b/c..d');
    expect(pathKey('/Annotations//a.xml/')).toBe('Annotations/a.xml');
    expect(pathKey('./a/./b')).toBe('a/b');
    expect(pathKey('')).toBe('');
    expect(pathKey('/')).toBe('');
  });

  it('refuses .. (null), wherever it is', () => {
    expect(pathKey('..')).toBeNull();
    expect(pathKey('a/../b')).toBeNull();
    expect(pathKey('a/..')).toBeNull();
  });
});

describe('buildPathIndex', () => {
  const index = buildPathIndex(
    ['top/b/z.txt', 'top/a.txt', 'top/b/c/d/e.txt', 'top/b/y.txt', 'top/b/z.txt'],
    [1, 2, 3, 4, 5],
    'top/'.length,
  );

  it('lists files and folders of any folder, sorted; [] for one that is not there', () => {
    expect(index.listFiles('')).toEqual(['a.txt']);
    expect(index.listDirs('')).toEqual(['b']);
    expect(index.listFiles('b')).toEqual(['y.txt', 'z.txt']);
    expect(index.listDirs('b')).toEqual(['c']);
    expect(index.listDirs('b/c')).toEqual(['d']);
    expect(index.listFiles('b/c/d')).toEqual(['e.txt']);
    expect(index.listFiles('nope')).toEqual([]);
    expect(index.listFiles('a.txt')).toEqual([]);
  });

  it('lists a repeated path once (its last value) and knows files from folders', () => {
    expect(index.fileCount).toBe(4);
    expect(index.file('b/z.txt')).toBe(5);
    expect(index.file('b')).toBeUndefined();
    expect([index.isDir('b/c'), index.isDir(''), index.isDir('a.txt')]).toEqual([true, true, false]);
  });

  it('hands out copies, so a caller cannot reorder the index', () => {
    index.listFiles('b').reverse();
    expect(index.listFiles('b')).toEqual(['y.txt', 'z.txt']);
  });
});
