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

  it('an empty class list, a duplicate, no class list or no image is a DataError naming the file', async () => {
    expect(() => parseClassList('\n# nothing\n', 'f/classes.txt')).toThrow('f/classes.txt: the class list is empty: write one class per line');
    expect(() => parseClassList('cat\ndog\ncat\n', 'f/classes.txt')).toThrow("f/classes.txt: class 'cat' is listed twice (lines 1 and 3)");
    expect(() => parseClassList('\tjust a prompt\n', 'f/classes.txt')).toThrow('f/classes.txt: line 1: a prompt name without a class name');
    await expect(loadFolderDataset(memorySource({ 'a.jpg': 'x' }, 'f'))).rejects.toThrow('f/classes.txt: no class list');
    await expect(loadFolderDataset(memorySource({ 'classes.txt': 'cat', 'notes.txt': 'x' }, 'f'))).rejects.toThrow('f: no JPEG or PNG images in this folder or its sub-folders');
  });
});
