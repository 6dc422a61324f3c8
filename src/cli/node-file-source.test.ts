import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../core/data-error';
import { createNodeFileSource } from './node-file-source';

describe('createNodeFileSource', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cdul-fs-'));
    await mkdir(path.join(root, 'Annotations'));
    await mkdir(path.join(root, 'ImageSets', 'Main'), { recursive: true });
    await writeFile(path.join(root, 'Annotations', 'b.xml'), '<annotation/>');
    await writeFile(path.join(root, 'Annotations', 'a.xml'), 'héllo');
    await symlink(path.join(root, 'Annotations', 'a.xml'), path.join(root, 'Annotations', 'link.xml'));
    await symlink(path.join(root, 'missing'), path.join(root, 'Annotations', 'dangling.xml'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists files (sorted, links followed, dangling links dropped) and folders separately', async () => {
    const source = createNodeFileSource(root);
    expect(source.label).toBe(root);
    expect(await source.listFiles('Annotations')).toEqual(['a.xml', 'b.xml', 'link.xml']);
    expect(await source.listFiles('')).toEqual([]);
    expect(await source.listDirs('')).toEqual(['Annotations', 'ImageSets']);
    expect(await source.listDirs('ImageSets')).toEqual(['Main']);
  });

  it('lists a missing folder (or a file) as empty', async () => {
    const source = createNodeFileSource(root);
    expect(await source.listFiles('JPEGImages')).toEqual([]);
    expect(await source.listDirs('Annotations/a.xml')).toEqual([]);
  });

  it('reads text as UTF-8 and bytes as a plain Uint8Array view', async () => {
    const source = createNodeFileSource(root);
    expect(await source.readText('Annotations/a.xml')).toBe('héllo');
    const bytes = await source.readBytes('Annotations/a.xml');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(6);
  });

  it('says whether a path exists', async () => {
    const source = createNodeFileSource(root);
    expect(await source.exists('Annotations/b.xml')).toBe(true);
    expect(await source.exists('ImageSets/Main')).toBe(true);
    expect(await source.exists('Annotations/zzz.xml')).toBe(false);
  });

  it('rejects a missing file with a DataError naming the full path', async () => {
    const source = createNodeFileSource(root);
    const full = path.join(root, 'Annotations', 'zzz.xml');
    const failure = source.readText('Annotations/zzz.xml');
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toThrow(`${full}: file not found`);
    await expect(source.readBytes('Annotations')).rejects.toThrow(/is a folder/);
  });

  it('refuses paths that leave the dataset folder', async () => {
    const source = createNodeFileSource(path.join(root, 'Annotations'));
    await expect(source.readText('../ImageSets')).rejects.toThrow(/outside the dataset folder/);
  });
});
