import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../src/cli/node-file-source';
import { loadCocoDataset } from '../../src/core/coco/load-coco-dataset';
import { loadFolderDataset } from '../../src/core/folder/load-folder-dataset';
import { loadNusWideDataset } from '../../src/core/nus-wide/load-nus-wide-dataset';
import { loadVocLayout } from '../../src/core/voc/voc-layout';
import { writeCocoCopy, writeFolderCopy, writeNusWideCopy } from './voc-layouts';

const VOC_MINI = 'e2e/fixtures/voc-mini';
let root = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cdul-layouts-'));
  await Promise.all([writeCocoCopy(VOC_MINI, join(root, 'coco')), writeNusWideCopy(VOC_MINI, join(root, 'nus')), writeFolderCopy(VOC_MINI, join(root, 'folder'))]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The VOC labels with difficult counted positive: what the other layouts must reproduce. */
async function vocTruth() {
  const voc = await loadVocLayout(createNodeFileSource(VOC_MINI));
  return { ids: voc.ids.map(String), labels: Array.from(voc.labels!.data, (value) => (value === -1 ? -1 : 1)), names: voc.classes.map((c) => c.name) };
}

describe('voc-mini rewritten in the other layouts gives exactly the VOC labels back', () => {
  it('COCO: image for image, class for class (natural names as category names)', async () => {
    const truth = await vocTruth();
    const coco = await loadCocoDataset(createNodeFileSource(join(root, 'coco')));
    expect(coco.ids.map(String)).toEqual(truth.ids);
    expect(coco.classes.map((c) => c.name)).toEqual(truth.names);
    expect(Array.from(coco.labels!.data)).toEqual(truth.labels);
    expect(coco.skipped).toEqual([]);
  });

  it('NUS-WIDE: both splits, class for class (the VOC tokens as concepts)', async () => {
    const truth = await vocTruth();
    for (const split of ['train', 'test']) {
      const nus = await loadNusWideDataset(createNodeFileSource(join(root, 'nus')), { split });
      expect(nus.ids.map((id) => String(id).replace('voc/', ''))).toEqual(truth.ids);
      expect(Array.from(nus.labels!.data)).toEqual(truth.labels);
    }
  });

  it('a plain folder: every photo, no ground truth, the class list with a prompt name', async () => {
    const folder = await loadFolderDataset(createNodeFileSource(join(root, 'folder')));
    expect(folder.ids).toHaveLength(100);
    expect(folder.labels).toBeNull();
    expect(folder.classes.map((c) => c.token)).toEqual(['person', 'dog', 'cat', 'car', 'diningtable']);
    expect(folder.classes[4]!.promptName).toBe('dining table');
  });
});
