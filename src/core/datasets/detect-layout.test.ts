import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import { detectLayout } from './detect-layout';

// detectLayout only lists folders and checks for files through the FileSource interface, so the Node
// adapter serves here; the browser adapters are exercised with it in e2e/file-sources.spec.ts.
describe('detectLayout finds a VOC root below the chosen folder', () => {
  let root = '';
  const make = async (...folders: string[]): Promise<void> => {
    for (const folder of folders) await mkdir(path.join(root, folder), { recursive: true });
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cdul-vocroot-'));
    await make(
      'unpacked/__MACOSX/VOCdevkit/VOC2012/Annotations', // macOS's shadow copy: never the dataset
      'unpacked/.cache/Annotations',
      'unpacked/VOCdevkit/VOC2012/JPEGImages',
      'unpacked/VOCdevkit/VOC2012/ImageSets/Main',
      'deep/a/b/c/Annotations',
    );
    await writeFile(path.join(root, 'unpacked/VOCdevkit/VOC2012/ImageSets/Main/train.txt'), 'x\n');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the root itself, one and two levels down, skipping hidden folders and __MACOSX', async () => {
    const at = async (folder: string) =>
      (await detectLayout(createNodeFileSource(path.join(root, folder))))?.path;
    expect(await at('unpacked')).toBe('VOCdevkit/VOC2012');
    expect(await at('unpacked/VOCdevkit')).toBe('VOC2012');
    expect(await at('unpacked/VOCdevkit/VOC2012')).toBe('');
  });

  it('returns null beyond two levels down', async () => {
    expect(await detectLayout(createNodeFileSource(path.join(root, 'deep')))).toBeNull();
  });

  it('gives the root as a source of its own, whose messages name the full path', async () => {
    const found = await detectLayout(createNodeFileSource(path.join(root, 'unpacked')));
    const voc = found!.source;
    expect(voc.label).toBe(path.join(root, 'unpacked/VOCdevkit/VOC2012'));
    expect(await voc.listDirs('')).toEqual(['ImageSets', 'JPEGImages']);
    expect(await voc.readText('ImageSets/Main/train.txt')).toBe('x\n');
    expect(await voc.exists('JPEGImages')).toBe(true);
    const missing = path.join(root, 'unpacked/VOCdevkit/VOC2012/Annotations/a.xml');
    await expect(voc.readBytes('Annotations/a.xml')).rejects.toThrow(`${missing}: file not found`);
    await expect(voc.readText('../../VOCdevkit/x')).rejects.toThrow(/outside the dataset folder/);
  });
});
