import { expect, test, type Page } from '@playwright/test';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Issue 16 item 4: the site's storage cleared while a run goes on — here by another page of the lab's
 * origin deleting every IndexedDB database, as "clear site data" in another tab does. The lab's
 * connections give way (the deletion is not blocked), the run notices that the chunks it had stored
 * are gone, says so, encodes only those again, and nothing reaches the console.
 */

const CHUNK = 8;
const IMAGES = 50;

/** Deletes every IndexedDB database of the origin from `page`; resolves with whether a delete had to wait. */
async function deleteAllDatabases(page: Page): Promise<{ deleted: string[]; blocked: string[] }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((database) => database.name!).filter(Boolean);
    const blocked: string[] = [];
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
            request.onblocked = () => blocked.push(name);
          }),
      ),
    );
    return { deleted: names.sort(), blocked };
  });
}

test('storage cleared from another page mid-run: the lost chunks are named and encoded again, the rest kept', async ({ page, context }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  const lab = await new WorkspacePage(page).open(`?chunk=${CHUNK}`);
  await lab.choose({ backend: 'wasm', images: IMAGES, grid: 2 });
  await lab.compute();
  await expect(lab.progress).toContainText(/^(1[6-9]|[2-3]\d) \/ 50 images/, { timeout: RUN_TIMEOUT });
  // Images through the encoder so far (the chunk writes trail them a little).
  const encodedBefore = Number((await lab.progress.textContent())!.split(' / ')[0]);

  // Another page of the origin (not the lab: a blank page) clears the databases while the run goes on.
  const other = await context.newPage();
  await other.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>other</title>' }));
  await other.goto('/blank.html');
  const cleared = await deleteAllDatabases(other);
  expect(cleared.deleted).toContain('cdul-embeddings');
  console.log(`deleted ${cleared.deleted.join(', ')}; waited on: ${cleared.blocked.join(', ') || 'none'}`);

  // Whole chunks were lost (those stored before the deletion); they are named and encoded again.
  const note = page.getByRole('list', { name: 'Stored chunks encoded again' });
  await expect(note).toContainText(/\d+ chunks? \(\d+ images?\) this run had stored were gone from the browser's storage/, { timeout: RUN_TIMEOUT });
  await lab.waitForResult(`Done: ${IMAGES} images, ${IMAGES} encoded now`);
  const lost = Number(/\((\d+) images?\) this run had stored/.exec((await note.textContent())!)![1]);
  expect(lost % CHUNK).toBe(0);
  expect(lost).toBeGreaterThanOrEqual(CHUNK);
  expect(lost).toBeLessThan(IMAGES);

  console.log(`${encodedBefore} images through the encoder at the deletion; ${lost} lost and encoded again`);

  // Everything is stored again, and the session journal the deletion took is written anew: a reload
  // reopens the run from the browser cache, encoding nothing.
  await lab.reloadAndReopen();
  await expect(page.getByRole('status', { name: 'Reopened run' })).toBeVisible();
  await lab.waitForResult(`Done: ${IMAGES} images, all from the browser cache`);
  await expect(note).toHaveCount(0);
  // The storage panel reads the recreated database (a connection of the page gave way too).
  await expect(page.getByLabel('Browser storage')).toContainText('1 run(s) of embeddings');
  expect(problems).toEqual([]);
});
