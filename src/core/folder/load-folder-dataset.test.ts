import { describe, expect, it } from 'vitest';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { parseClassList, typedClassList } from './class-list';
import { loadFolderDataset } from './load-folder-dataset';

describe('a plain folder of photos with a class list', () => {
  it('finds JPEG and PNG at any depth (hidden folders and __MACOSX left out), ids are paths without extension', async () => {
    const source = memorySource(
      {
        'classes.txt': 'cat\ndog\tgolden retriever dog\n\n# a comment\n',
        'b.JPG': 'x',
        'trip/day 1/a.png': 'x',
        'trip/notes.txt': 'x',
        '.thumbs/c.jpg': 'x',
        '__MACOSX/trip/._a.png': 'x',
        'trip/x.jpeg': 'x',
        'trip/x.png': 'x',
      },
      'photos',
    );
    const dataset = await loadFolderDataset(source);
    expect(dataset.format).toBe('folder');
    expect(dataset.labels).toBeNull();
    expect(dataset.imagePaths).toEqual(['b.JPG', 'trip/day 1/a.png', 'trip/x.jpeg', 'trip/x.png']);
    expect(dataset.ids).toEqual(['b', 'trip/day 1/a', 'trip/x', 'trip/x.png']);
    expect(dataset.classes).toEqual([
      { token: 'cat', name: 'cat', promptName: 'cat' },
      { token: 'dog', name: 'dog', promptName: 'golden retriever dog' },
    ]);
  });

  it('classes typed in the lab replace classes.txt', async () => {
    const dataset = await loadFolderDataset(memorySource({ 'a.jpg': 'x' }), { classes: typedClassList('boat\ncar') });
    expect(dataset.classes.map((c) => c.token)).toEqual(['boat', 'car']);
  });
});

describe('plain folder bad input: a DataError naming the file and the problem', () => {
  it('a class list that is empty or has duplicates: classes.txt named, with the lines', async () => {
    expect(() => parseClassList('\n# nothing\n', 'f/classes.txt')).toThrow('f/classes.txt: the class list is empty: write one class per line');
    expect(() => parseClassList('cat\ndog\ncat\ta cat\n', 'f/classes.txt')).toThrow("f/classes.txt: class 'cat' is listed twice (lines 1 and 3)");
    await expect(loadFolderDataset(memorySource({ 'classes.txt': '', 'a.jpg': 'x' }, 'f'))).rejects.toThrow('f/classes.txt: the class list is empty');
    expect(() => typedClassList('boat\nboat')).toThrow("the class list typed in the lab: class 'boat' is listed twice (lines 1 and 2)");
  });

  it('a line with a prompt name but no class name: the line named', () => {
    expect(() => parseClassList('cat\n\tjust a prompt\n', 'f/classes.txt')).toThrow('f/classes.txt: line 2: a prompt name without a class name');
  });

  it('no class list and none typed: classes.txt named as missing', async () => {
    await expect(loadFolderDataset(memorySource({ 'a.jpg': 'x' }, 'f'))).rejects.toThrow('f/classes.txt: no class list');
  });

  it('a folder without images: the folder named (a hidden folder or __MACOSX does not count)', async () => {
    const files = { 'classes.txt': 'cat', 'notes.txt': 'x', '.thumbs/a.jpg': 'x', '__MACOSX/._b.jpg': 'x', '._c.jpg': 'x' };
    await expect(loadFolderDataset(memorySource(files, 'f'))).rejects.toThrow('f: no JPEG or PNG images in this folder or its sub-folders');
  });
});
