import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { RECORDED_BYTES_HEADER } from '../src/worker/models/cached-file-check';
import { MODEL_CACHE_NAME } from '../src/worker/models/model-cache';
import { HubServer } from './support/hub-server';
import { RUN_TIMEOUT, WorkspacePage, type ModeMaps } from './support/workspace-page';

/**
 * Issue 16, item 3: a model file damaged in the browser's Cache Storage (a download cut off, a disk
 * error) is found, deleted, named and downloaded again — once. The damage is written with the real
 * Cache Storage API into the entry the lab stored; the hub stand-in counts every download.
 */
const VISION = 'onnx/vision_model.onnx';
const TEXT = 'onnx/text_model.onnx';
const repoPath = (file: string) => `/cdul-lab/tiny-vit/resolve/main/${file}`;

let hub: HubServer;
/** A copy of models/tiny-vit the hub serves, so a test can damage the server's file too. */
let served: string;
const original = (file: string) => path.join('models/tiny-vit', file);

test.beforeAll(async () => {
  served = mkdtempSync(path.join(tmpdir(), 'cdul-fault-model-cache-'));
  cpSync('models/tiny-vit', served, { recursive: true });
  hub = await HubServer.start({ 'cdul-lab/tiny-vit': served });
});
test.afterAll(async () => {
  await hub.close();
  rmSync(served, { recursive: true, force: true });
});
test.beforeEach(() => {
  hub.reset();
  cpSync(original(VISION), path.join(served, VISION));
});

type Damage = 'truncate' | 'truncate-unrecorded' | 'scramble';

/**
 * Rewrites the lab's stored copy of one file: half of it (with the headers it was stored with, as a
 * write cut short leaves it; or without the recorded size, as the lab stored files before it recorded
 * them), or the same length with its first 64 bytes overwritten (only the ONNX parser can tell).
 */
async function damageStoredFile(page: Page, file: string, damage: Damage) {
  const url = `${hub.url}${repoPath(file)}`;
  return page.evaluate(
    async ({ url, damage, cacheName, header }) => {
      const cache = await caches.open(cacheName);
      const stored = await cache.match(url);
      if (!stored) throw new Error(`the lab stored no copy of ${url}`);
      const headers = new Headers(stored.headers);
      const bytes = new Uint8Array(await stored.arrayBuffer());
      const recorded = headers.get(header);
      let damaged = bytes.slice(0, bytes.length >> 1);
      if (damage === 'truncate-unrecorded') headers.delete(header);
      if (damage === 'scramble') {
        damaged = bytes.slice();
        damaged.fill(0xff, 0, 64);
      }
      await cache.put(url, new Response(damaged, { headers }));
      return { storedBytes: bytes.length, recorded, written: damaged.length };
    },
    { url, damage, cacheName: MODEL_CACHE_NAME, header: RECORDED_BYTES_HEADER },
  );
}

const bytesOf = (n: number) => n.toLocaleString('en-US');
const repaired = (page: Page) => page.getByRole('note', { name: 'Model cache repaired' });
const CHOICE = { model: 'tiny-vit', grid: 1, images: 8, backend: 'wasm' } as const;

/** A first run that downloads tiny-vit from the hub and stores it; its mAPs are the reference. */
async function downloadAndRun(page: Page): Promise<{ lab: WorkspacePage; before: ModeMaps }> {
  const lab = await new WorkspacePage(page).open(`?hub=${encodeURIComponent(hub.url)}`);
  await page.getByRole('button', { name: 'Clear model cache' }).click();
  await page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await expect(page.getByLabel('Browser storage')).toContainText(/^0 run\(s\) of embeddings/);
  await lab.computeRun(CHOICE, 'Done: 8 images, 8 encoded now');
  expect(hub.requestCount(repoPath(VISION))).toBe(1);
  return { lab, before: await lab.maps() };
}

/** Encodes the 8 images again with the model as the lab holds it now, and returns the mAPs. */
async function encodeAgain(lab: WorkspacePage): Promise<ModeMaps> {
  await lab.page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await expect(lab.page.getByLabel('Browser storage')).toContainText(/^0 run\(s\) of embeddings/);
  await lab.computeRun(CHOICE, 'Done: 8 images, 8 encoded now');
  return lab.maps();
}

test('a truncated model file in the cache is found by its size, named, deleted and downloaded again', async ({ page }) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  const { lab, before } = await downloadAndRun(page);
  const visionBytes = statSync(original(VISION)).size;
  const textBytes = statSync(original(TEXT)).size;
  expect(await damageStoredFile(page, VISION, 'truncate')).toEqual({ storedBytes: visionBytes, recorded: String(visionBytes), written: visionBytes >> 1 });
  expect(await damageStoredFile(page, TEXT, 'truncate-unrecorded')).toEqual({ storedBytes: textBytes, recorded: String(textBytes), written: textBytes >> 1 });

  // The reload reopens the finished run, which loads the model: both damaged copies are caught there.
  await lab.reloadAndReopen();
  const note = repaired(page);
  await expect(note).toContainText(
    `The copy of ${VISION} kept in this browser was damaged: ${bytesOf(visionBytes)} bytes expected as downloaded, ` +
      `${bytesOf(visionBytes >> 1)} found. It was deleted and downloaded again.`,
  );
  await expect(note).toContainText(
    `The copy of ${TEXT} kept in this browser was damaged: ${bytesOf(textBytes)} bytes expected by the model catalog, ` +
      `${bytesOf(textBytes >> 1)} found. It was deleted and downloaded again.`,
  );
  expect(hub.requestCount(repoPath(VISION))).toBe(2);
  expect(hub.requestCount(repoPath(TEXT))).toBe(2);
  expect(hub.requestCount(repoPath('tokenizer.json'))).toBe(1);
  await expect(lab.result).toContainText('Done: 8 images');
  expect(await lab.maps()).toEqual(before);

  // The copies stored again are whole: encoding with them gives the same mAPs, with no request.
  expect(await encodeAgain(lab)).toEqual(before);
  await expect(page.getByRole('status', { name: 'Model download status' })).toContainText('from the browser cache');
  await expect(note).toHaveCount(0);
  expect(hub.requestCount(repoPath(VISION))).toBe(2);
});

test('model files of the right size with damaged bytes are refused by onnxruntime, deleted and downloaded again once each', async ({ page }) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  const { lab, before } = await downloadAndRun(page);
  for (const file of [VISION, TEXT]) {
    const size = statSync(original(file)).size;
    expect(await damageStoredFile(page, file, 'scramble')).toEqual({ storedBytes: size, recorded: String(size), written: size });
  }

  await page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await expect(page.getByLabel('Browser storage')).toContainText(/^0 run\(s\) of embeddings/);
  await lab.computeRun(CHOICE, 'Done: 8 images, 8 encoded now');
  // The vision tower is opened first; once its new copy loads, the text tower's damage shows in turn.
  await expect(repaired(page).getByRole('listitem')).toHaveText(
    [VISION, TEXT].map(
      (file) => new RegExp(`^The copy of ${file} kept in this browser was damaged: not a loadable ONNX model \\(onnxruntime-web: .+\\)\\. It was deleted and downloaded again\\.$`),
    ),
  );
  expect(hub.requestCount(repoPath(VISION))).toBe(2);
  expect(hub.requestCount(repoPath(TEXT))).toBe(2);
  expect(hub.requestCount(repoPath('tokenizer.json'))).toBe(1);
  expect(await lab.maps()).toEqual(before);
});

test('when the downloaded file is damaged too, the run fails naming it after one new download: no loop', async ({ page }) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  const { lab } = await downloadAndRun(page);
  await damageStoredFile(page, VISION, 'scramble');
  const onServer = path.join(served, VISION);
  const bytes = readFileSync(onServer);
  bytes.fill(0xff, 0, 64);
  writeFileSync(onServer, bytes);

  await page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await lab.compute();
  const error = page.getByRole('alert').filter({ hasText: 'not a loadable ONNX model' });
  await expect(error).toContainText(`tiny-vit/${VISION}: not a loadable ONNX model`, { timeout: RUN_TIMEOUT });
  await expect(repaired(page)).toContainText(`The copy of ${VISION} kept in this browser was damaged`);
  expect(hub.requestCount(repoPath(VISION))).toBe(2);
});
