import { expect, test, type Locator, type Page } from '@playwright/test';
import { previewPort } from '../playwright.config';
import { WorkspacePage } from './support/workspace-page';

/**
 * The lab's gallery and image inspector on the demo dataset (50 val images, WebAssembly): tiles mark
 * their labels against the ground truth, the keyboard opens and closes the inspector, the aggregate's
 * recovered small object is hottest on the snippet that holds it, and the URL brings the view back.
 */

// The production preview, not the dev server: a dev server reloads the page whenever a source file of the
// shared tree changes, which would end this long journey half-way.
test.use({ baseURL: `http://localhost:${previewPort}` });

interface ScoresMessage {
  ids: string[];
  classes: string[];
  scores: { global: Float32Array; aggregate: Float32Array; final: Float32Array };
  truth: Int8Array;
}

type Log = { cdulE2e: { messages: { type: string; result?: { kind: string } & Record<string, unknown> }[] } };

/** The last answer of a kind the worker gave the page (the `?e2e` hooks log every message), for one image when `index` is given. */
async function lastResult<T>(page: Page, kind: string, index?: number): Promise<T> {
  return page.evaluate(
    ([kind, index]) => {
      const last = (globalThis as unknown as Log).cdulE2e.messages
        .filter((m) => m.type === 'query-result' && m.result?.kind === kind)
        .map((m) => m.result!)
        .filter((result) => index === null || result['index'] === index)
        .at(-1);
      if (!last) throw new Error(`no ${kind} answer yet`);
      // Typed arrays do not survive evaluate's serialisation: plain arrays.
      return JSON.parse(JSON.stringify(last, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)));
    },
    [kind, index ?? null] as const,
  ) as Promise<T>;
}

/** A tile's image id: its accessible name reads "<id>: <labels…>". */
async function tileId(tile: Locator): Promise<string> {
  const name = await tile.getAttribute('aria-label');
  return name!.slice(0, name!.indexOf(':'));
}

/** A snippet's score as its accessible name says it ("…: cat 0.973 (α)"). */
const snippetScore = (name: string) => Number(/ (\d\.\d{3})(?: \(|$)/.exec(name)![1]);

test('gallery marks, keyboard, the recovered small object’s heatmap, and the view from the URL', async ({ page, request }) => {
  test.setTimeout(240_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 50 }, 'Done: 50 images');
  // Settings that must come back from the URL.
  await page.getByLabel(/Threshold ζ/).fill('0.2');
  await page.getByRole('combobox', { name: 'AP', exact: true }).selectOption('voc10');

  // Gallery: tiles with marks.
  await lab.show('Gallery');
  const grid = page.getByRole('grid', { name: 'Gallery' });
  const tiles = grid.getByRole('gridcell');
  await expect(tiles.first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('50 images');
  // Windowed: not every one of the 50 tiles is in the DOM at 1280×800.
  expect(await tiles.count()).toBeLessThan(50);
  await expect(grid.getByRole('gridcell', { name: /true positive/ }).first()).toBeVisible();
  await expect(grid.getByRole('img', { name: /\(thumbnail\)$/ }).first()).toBeVisible();
  // Global alone misses the small objects: its tiles mark them missed (○, named in the tile's label).
  await page.getByLabel('Labels', { exact: true }).selectOption('global');
  await expect(grid.getByRole('gridcell', { name: /missed/ }).first()).toBeVisible();
  // "Aggregate disagrees with global": as many images as the 'scores' numbers say, at the cut of ½.
  const all = await lastResult<ScoresMessage>(page, 'scores');
  const k = all.classes.length;
  const disagreeing = all.ids.filter((_id, image) =>
    all.classes.some((_c, c) => all.scores.global[image * k + c]! >= 0.5 !== all.scores.aggregate[image * k + c]! >= 0.5),
  ).length;
  expect(disagreeing).toBeGreaterThan(0);
  await page.getByLabel('Show', { exact: true }).selectOption('disagrees');
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText(disagreeing === 50 ? '50 images' : `${disagreeing} of 50 images`);
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await page.getByLabel('Labels', { exact: true }).selectOption('final');

  // Keyboard: → moves focus to the second image, Enter opens it, Esc comes back with it focused.
  await tiles.first().focus();
  await page.keyboard.press('ArrowRight');
  const secondId = await tileId(tiles.nth(1));
  const second = grid.getByRole('gridcell', { name: new RegExp(`^${secondId}:`) });
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: secondId })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`view=inspector&image=${secondId}`));
  await page.keyboard.press('Escape');
  await expect(grid).toBeVisible();
  await expect(second).toBeFocused();
  // Back returns to the inspector (the view change is a history entry), Forward to the gallery.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: secondId })).toBeVisible();
  await page.goForward();
  await expect(grid).toBeVisible();

  // An image where the aggregate recovered a small object: in the ground truth, global below the cut, final above.
  const scores = await lastResult<ScoresMessage>(page, 'scores');
  const C = scores.classes.length;
  const cut = 0.5;
  const recovered: { image: number; c: number; global: number; final: number }[] = [];
  scores.ids.forEach((_id, image) => {
    for (let c = 0; c < C; c++) {
      const i = image * C + c;
      if (scores.truth[i] === 1 && scores.scores.global[i]! < cut && scores.scores.final[i]! >= cut) {
        recovered.push({ image, c, global: scores.scores.global[i]!, final: scores.scores.final[i]! });
      }
    }
  });
  expect(recovered.length).toBeGreaterThan(0);
  recovered.sort((a, b) => a.global - b.global);
  const target = recovered[0]!;
  const id = scores.ids[target.image]!;
  const token = scores.classes[target.c]!;
  console.log(`recovered: ${token} in ${id} (global ${target.global.toFixed(3)}, final ${target.final.toFixed(3)})`);

  // Find it in the gallery through the class filter, then open it.
  await page.getByLabel('Class', { exact: true }).selectOption(token);
  const tile = grid.getByRole('gridcell', { name: new RegExp(`^${id}:`) });
  await expect(tile).toContainText(`${target.final.toFixed(2)}`);
  await tile.click();
  await expect(page.getByRole('heading', { level: 2, name: id })).toBeVisible();
  await page.getByLabel('Heatmap class').selectOption(token);
  await expect(page.getByRole('img', { name: /Colour scale/ })).toBeVisible();

  const detail = await lastResult<{ index: number; grid: number; alphaSnippet: number[]; snippetScores: number[] }>(page, 'image', target.image);
  const alpha = detail.alphaSnippet[target.c]!;
  const cells = page.getByRole('group', { name: 'Snippets' }).getByRole('button');
  await expect(cells).toHaveCount(detail.grid * detail.grid);
  const shown = (await cells.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map(snippetScore);
  // The α snippet is the hottest (as its name says, to the 3 decimals shown), and holds the worker's α.
  expect(shown[alpha]).toBe(Math.max(...shown));
  await expect(cells.nth(alpha)).toHaveAccessibleName(/\(α\)/);
  expect(shown[alpha]).toBeCloseTo(detail.snippetScores[alpha * C + target.c]!, 3);

  // …and that snippet is where the annotation puts the object.
  const xml = await (await request.get(`/demo/voc-demo/Annotations/${id}.xml`)).text();
  const width = Number(/<width>(\d+)<\/width>/.exec(xml)![1]);
  const height = Number(/<height>(\d+)<\/height>/.exec(xml)![1]);
  const object = [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)].map((m) => m[1]!).find((o) => o.includes(`<name>${token}</name>`))!;
  const box = (tag: string) => Number(new RegExp(`<${tag}>(\\d+)</${tag}>`).exec(object)![1]);
  const n = detail.grid;
  const column = Math.floor((box('xmin') + box('xmax')) / 2 / Math.floor(width / n));
  const row = Math.floor((box('ymin') + box('ymax')) / 2 / Math.floor(height / n));
  expect(alpha).toBe(row * n + column);

  // Stretching the colours to the image's range (for the reference temperature's flat scores) relabels the legend.
  const legend = page.getByRole('img', { name: /Colour scale/ });
  await expect(legend).toHaveAccessibleName(/from 0 \(dark blue\) to 1 \(yellow\)/);
  await page.getByLabel("Stretch the colours to this image's range").check();
  await expect(legend).toHaveAccessibleName(/from \d\.\d+ \(dark blue\) to \d\.\d+ \(yellow\)/);
  await page.getByLabel("Stretch the colours to this image's range").uncheck();

  // The snippet's full class vector.
  await cells.nth(alpha).click();
  await expect(page.getByRole('region', { name: /Class vector of snippet/ })).toContainText(/\d\.\d{3}/);
  // For a look at the view (not compared): .test-output/gallery-inspector/.
  await page.screenshot({ path: '.test-output/gallery-inspector/recovered-1280.png', fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: '.test-output/gallery-inspector/recovered-1920.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Reload: the URL brings back the view, the image, the class and the settings.
  const url = page.url();
  expect(url).toContain('zeta=0.2');
  expect(url).toContain('ap=voc10');
  expect(url).toContain(`class=${token}`);
  // The finished run reopens by itself from the browser cache.
  await lab.reloadAndReopen();
  await expect(page.getByRole('heading', { level: 2, name: id })).toBeVisible();
  await expect(page.getByLabel('Heatmap class')).toHaveValue(token);
  await expect(page.getByRole('region', { name: 'Scores per class' })).toContainText('ζ = 0.20');
  await expect(page).toHaveURL(/ap=voc10/);
  await lab.show('Workspace');
  await expect(page.getByLabel(/Threshold ζ/)).toHaveValue('0.2');
  await expect(page.getByRole('combobox', { name: 'AP', exact: true })).toHaveValue('voc10');
  await expect(page.getByLabel('Run on')).toHaveValue('wasm');
  await expect(page.getByLabel('Images to encode')).toHaveValue('50');
});

test('an invalid URL is ignored without a crash, and a folder named in the URL is reported', async ({ page }) => {
  await page.goto('/?view=nowhere&zeta=7&grid=x&backend=cuda&model=nope');
  await expect(page.getByRole('heading', { name: 'CDUL Lab' })).toBeVisible();
  await expect(page.getByLabel('Snippet grid')).toHaveValue('3');
  await expect(page).toHaveURL(/view=workspace/);
  await expect(page).toHaveURL(/zeta=0\.1&/);
  await page.goto('/?view=gallery&dataset=folder%3AVOC2012');
  await expect(page.getByRole('alert', { name: 'Dataset from the link' })).toContainText('VOC2012');
  await expect(page.getByRole('region', { name: 'Gallery: no results yet' })).toBeVisible();
});
