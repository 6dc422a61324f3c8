import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/** The folder's files counted here, independently of the lab: images, annotation files, class files. */
function counted(root: string): { images: number; annotations: number; classes: number } {
  const names = (dir: string) => readdirSync(`${root}/${dir}`, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  let classFiles: string[] = [];
  try {
    classFiles = names('ImageSets/Main').filter((name) => /^[a-z]+_train\.txt$/.test(name));
  } catch {
    classFiles = [];
  }
  return {
    images: names('JPEGImages').filter((name) => /\.(jpe?g|png)$/i.test(name)).length,
    annotations: names('Annotations').filter((name) => name.endsWith('.xml')).length,
    classes: classFiles.length,
  };
}

/**
 * Issue 15 item 5: a folder is checked when it is chosen — the Dataset panel says what it holds
 * (images, annotations, classes, splits) before any run, and Split offers only what the folder has:
 * after the demo's run (train, trainval, val), voc-mini, which has no ImageSets, offers none of them.
 */
test('a VOC folder without ImageSets, chosen after the demo’s run: what it holds, no split of the demo’s, and a run that reads it', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open();
  const split = page.getByRole('combobox', { name: 'Split', exact: true });
  await expect(split.getByRole('option')).toHaveText(['all annotated images', 'train', 'trainval', 'val']);
  const demo = counted('public/demo/voc-demo');
  await expect(page.getByRole('status', { name: 'Folder contents' })).toHaveText(
    `In it: ${demo.images} images, ${demo.annotations} annotation files (Annotations/*.xml), ${demo.classes} classes (the class files in ImageSets/Main).`,
  );
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images, 8 encoded now.');

  await page.getByLabel('Choose a dataset folder').setInputFiles('e2e/fixtures/voc-mini');
  await expect(page.getByLabel('Layout found')).toHaveText('Found a PASCAL VOC folder.');
  const mini = counted('e2e/fixtures/voc-mini');
  expect(mini.classes).toBe(0); // no ImageSets: the 20 VOC classes
  await expect(page.getByRole('status', { name: 'Folder contents' })).toHaveText(
    `In it: ${mini.images} images, ${mini.annotations} annotation files (Annotations/*.xml), 20 classes (the VOC list: no class files in ImageSets/Main), ` +
      'no split files in ImageSets/Main, so every annotated image is read.',
  );
  await expect(split.getByRole('option')).toHaveText(['all annotated images']);
  await expect(split).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Compute pseudo labels' })).toBeEnabled();
  await lab.compute();
  await lab.waitForResult('Done: 8 images, 8 encoded now.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveText('Read as PASCAL VOC: 8 images, 20 classes.');
});
