import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetFile } from './dataset';
import { firstDifference, listTree, writeDataset } from './file-tree';

const text = (content: string): Uint8Array => new TextEncoder().encode(content);
const files: DatasetFile[] = [
  { path: 'Annotations/a.xml', bytes: text('<annotation/>\n') },
  { path: 'SOURCE.md', bytes: text('# demo\n') },
];

describe('file tree', () => {
  let temp = '';
  beforeEach(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'demo-tree-'));
  });
  afterEach(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  it('writes exactly the files, replacing an older generated dataset', async () => {
    const out = path.join(temp, 'out');
    await writeDataset(out, [...files, { path: 'JPEGImages/stale.jpg', bytes: text('x') }]);
    await writeDataset(out, files);
    expect(await listTree(out)).toEqual(['Annotations/a.xml', 'SOURCE.md']);
    expect(await readFile(path.join(out, 'SOURCE.md'), 'utf8')).toBe('# demo\n');
    expect(await listTree(temp)).toEqual(['out/Annotations/a.xml', 'out/SOURCE.md']); // no staging left
  });

  it('refuses to replace a folder that is not a generated dataset', async () => {
    const out = path.join(temp, 'precious');
    await mkdir(out);
    await writeFile(path.join(out, 'notes.txt'), 'keep me');
    await expect(writeDataset(out, files)).rejects.toThrow(/refusing/);
    expect(await listTree(out)).toEqual(['notes.txt']);
  });

  it('names the first differing, missing or extra file', async () => {
    const [a, b] = [path.join(temp, 'a'), path.join(temp, 'b')];
    await writeDataset(a, files);
    await writeDataset(b, files);
    expect(await firstDifference(a, b)).toBeNull();
    await writeFile(path.join(b, 'SOURCE.md'), '# changed\n');
    expect(await firstDifference(a, b)).toMatch(/^SOURCE\.md: contents differ/);
    await rm(path.join(b, 'Annotations/a.xml'));
    expect(await firstDifference(a, b)).toMatch(/^Annotations\/a\.xml: in .* but not regenerated/);
    await writeFile(path.join(b, 'Annotations/extra.xml'), '');
    expect(await firstDifference(a, b)).toMatch(/^Annotations\/a\.xml/);
    expect(await firstDifference(b, a)).toMatch(/^Annotations\/a\.xml: regenerated but missing/);
  });
});
