import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import { aggregate } from '../cdul/aggregate';
import { floatTensorPt } from '../formats/__fixtures__/torch-pt-builder';
import { asImageId } from '../types';
import { readSplitList } from '../voc';
import { loadCachedAggregates, loadReferenceCache } from './load-reference-cache';
import { findReferenceCaches } from './reference-cache-layout';

const SEED = 'e2e/fixtures/seed-cache-sample';
const MODEL = 'clip_cache/model_RN50x64';
const seedSource = createNodeFileSource(SEED);

describe('reference-cache layout', () => {
  it('finds the model folder, its grid and the cached thresholds under a VOC root', async () => {
    expect(await findReferenceCaches(seedSource)).toEqual([
      {
        clip: 'RN50x64',
        path: MODEL,
        hasGlobal: true,
        grids: [{ grid: 3, hasAlphaBeta: true, cachedThresholds: ['0', '0.1'] }],
      },
    ]);
  });

  it('finds nothing in a VOC root without clip_cache/', async () => {
    expect(await findReferenceCaches(createNodeFileSource('e2e/fixtures/voc-mini'))).toEqual([]);
  });
});

describe('loadReferenceCache', () => {
  it('loads global, α and β of all 60 images, and our aggregator reproduces the cached aggregates', async () => {
    const ids = await readSplitList(seedSource, 'train');
    const loaded = await loadReferenceCache(seedSource, MODEL, ids, { grid: 3, classCount: 20 });
    expect(loaded.ids).toEqual(ids);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.inputs.global.rows).toBe(60);
    for (const threshold of ['0', '0.1']) {
      const cached = await loadCachedAggregates(seedSource, MODEL, ids, { grid: 3, threshold, classCount: 20 });
      expect(Array.from(aggregate(loaded.inputs, Number(threshold)).data)).toEqual(Array.from(cached.data));
    }
  });

  describe('with broken files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdul-refcache-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(SEED, dir, { recursive: true });
    const model = join(dir, MODEL);
    writeFileSync(join(model, 'global/2008_001310.pt'), 'this is not a zip');
    writeFileSync(join(model, 'num_patches_3/alpha/2008_001645.pt'), floatTensorPt(new Array(19).fill(0.05)));
    rmSync(join(model, 'num_patches_3/beta/2008_001706.pt'));

    it('skips exactly those images, naming file and problem, and loads the other 57', async () => {
      const source = createNodeFileSource(dir);
      const ids = await readSplitList(source, 'train');
      const progress: number[] = [];
      const loaded = await loadReferenceCache(source, MODEL, ids, {
        grid: 3,
        classCount: 20,
        onProgress: (done) => progress.push(done),
      });
      expect(loaded.ids).toHaveLength(57);
      expect(progress.at(-1)).toBe(60);
      expect(loaded.skipped.map((item) => item.id)).toEqual(['2008_001310', '2008_001645', '2008_001706'].map(asImageId));
      const [notZip, wrongLength, missing] = loaded.skipped.map((item) => item.reason);
      expect(notZip).toMatch(/global\/2008_001310\.pt: not a PyTorch file/);
      expect(wrongLength).toMatch(/alpha\/2008_001645\.pt: holds a tensor of shape \[19\], expected 20 values/);
      expect(missing).toMatch(/beta\/2008_001706\.pt: file not found/);
      expect(loaded.rowsInRequest).not.toContain(ids.indexOf(asImageId('2008_001310')));
    });
  });
});
