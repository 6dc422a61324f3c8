import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 16 item 1: an image edited in place is not served from its old embeddings. Each stored chunk
 * keeps its files' sizes and times; choosing the folder again after one JPEG was overwritten with
 * another photo re-encodes exactly that image's chunk, and every other chunk comes from the cache.
 */

const CHUNK = 8;
const IMAGES = 50;

async function pseudoLabelRows(page: Page): Promise<Map<string, string>> {
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'Pseudo labels CSV' }).click();
  const lines = readFileSync((await (await download).path())!, 'utf8').trimEnd().split('\n').slice(1);
  return new Map(lines.map((line) => [line.slice(0, line.indexOf(',')), line]));
}

async function computeFolder(page: Page, lab: WorkspacePage, folder: string, done: string): Promise<void> {
  await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
  await expect(page.getByRole('region', { name: 'Dataset' }).getByText(/VOC2012 \(\d+ files\)/)).toBeVisible();
  await lab.computeRun({ split: '', model: 'tiny-vit', grid: 1, backend: 'wasm', images: IMAGES }, done);
}

test('an image overwritten in place: only its chunk is encoded again, its scores change, the rest come from the cache', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-edited-'));
  const folder = join(root, 'VOC2012');
  cpSync('e2e/fixtures/voc-mini', folder, { recursive: true });
  try {
    const lab = await new WorkspacePage(page).open(`?chunk=${CHUNK}`);
    await computeFolder(page, lab, folder, `Done: ${IMAGES} images, ${IMAGES} encoded now`);
    const before = await pseudoLabelRows(page);
    const ids = [...before.keys()];
    expect(ids).toHaveLength(IMAGES);

    // The 21st image (chunk 2) becomes another photo of the folder, one outside the 50 encoded.
    const edited = ids[20]!;
    const other = readFileSync(join(folder, 'JPEGImages', `${photoOutside(folder, ids)}.jpg`));
    const target = join(folder, 'JPEGImages', `${edited}.jpg`);
    const oldSize = statSync(target).size;
    writeFileSync(target, other);
    expect(statSync(target).size).not.toBe(oldSize);

    await computeFolder(page, lab, folder, `Done: ${IMAGES} images, ${CHUNK} encoded now`);
    await expect(lab.progress).toContainText(`${IMAGES - CHUNK} from the browser cache`);
    await expect(page.getByRole('list', { name: 'Stored chunks encoded again' })).toContainText(
      `1 image changed since it was encoded (JPEGImages/${edited}.jpg): 1 chunk (${CHUNK} images) encoded again`,
    );
    const after = await pseudoLabelRows(page);
    const changed = ids.filter((id) => after.get(id) !== before.get(id));
    expect(changed).toEqual([edited]);

    // Nothing changed since: everything from the cache, no notice.
    await computeFolder(page, lab, folder, `Done: ${IMAGES} images, all from the browser cache`);
    await expect(page.getByRole('list', { name: 'Stored chunks encoded again' })).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A photo of the folder that is not among the run's images (the last in name order). */
function photoOutside(folder: string, ids: readonly string[]): string {
  const names = readdirSync(join(folder, 'JPEGImages')).map((name) => name.replace(/\.jpg$/, '')).sort();
  return names.filter((name) => !ids.includes(name)).at(-1)!;
}
