import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { previewPort } from '../playwright.config';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 11: every labelled form control on every view is announced by its visible label (WCAG
 * 2.5.3 "label in name"): the accessible name Chromium computes — what a screen reader says, read from
 * the browser's accessibility tree — starts with the text of the control's <label>, and a select's name
 * is not padded with its options.
 */

test.use({ baseURL: `http://localhost:${previewPort}` });

interface Control {
  readonly probe: string;
  readonly tag: string;
  /** The <label>'s text without the control's own (a select's options, an input's value). */
  readonly label: string;
  readonly options: readonly string[];
}

/** The visible, labelled form controls of the page, each tagged for the lookup in the accessibility tree. */
async function labelledControls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const controls: Control[] = [];
    document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea').forEach((element, index) => {
      const label = element.labels?.[0];
      if (!label || !element.checkVisibility() || (element instanceof HTMLInputElement && element.type === 'hidden')) return;
      const copy = label.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('input, select, textarea').forEach((inner) => inner.remove());
      element.dataset['nameProbe'] = String(index);
      controls.push({
        probe: String(index),
        tag: element.tagName.toLowerCase(),
        label: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(),
        options: element instanceof HTMLSelectElement ? Array.from(element.options, (option) => (option.textContent ?? '').trim()) : [],
      });
    });
    return controls;
  });
}

/** The accessible name Chromium gives the element (its accessibility tree, as assistive technology reads it). */
async function accessibleName(cdp: CDPSession, probe: string): Promise<string> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-name-probe="${probe}"]` });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  return String(nodes[0]?.name?.value ?? '').replace(/\s+/g, ' ').trim();
}

/** Checks every labelled control of the view shown; returns how many were checked. */
async function checkNames(page: Page, cdp: CDPSession, view: string): Promise<number> {
  const controls = await labelledControls(page);
  for (const control of controls) {
    const name = await accessibleName(cdp, control.probe);
    const where = `${view}: the ${control.tag} labelled “${control.label}” is announced “${name}”`;
    expect(name.startsWith(control.label), where).toBe(true);
    // A select's name is its label; its options are announced as its value, not as its name.
    if (control.tag === 'select') expect(name, where).toBe(control.label);
  }
  return controls.length;
}

test('every labelled control on every view is announced by its visible label', async ({ page }) => {
  test.setTimeout(300_000);
  const cdp = await page.context().newCDPSession(page);
  const lab = await new WorkspacePage(page).open('?e2e');
  expect(await checkNames(page, cdp, 'Workspace before a run')).toBeGreaterThanOrEqual(6);
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images');
  expect(await checkNames(page, cdp, 'Workspace')).toBeGreaterThanOrEqual(12);
  // The controls the issue named, by their visible labels.
  await expect(page.getByRole('combobox', { name: 'Images to encode', exact: true })).toBeVisible();

  await lab.show('Gallery');
  await expect(page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell')).toHaveCount(8);
  expect(await checkNames(page, cdp, 'Gallery')).toBe(5);
  for (const name of ['Labels', 'Class', 'Show', 'Sort']) await expect(page.getByRole('combobox', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Label cut = 0.50', exact: true })).toBeVisible();

  await page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell').first().click();
  await expect(page.getByRole('combobox', { name: 'Heatmap class', exact: true })).toBeVisible();
  expect(await checkNames(page, cdp, 'Image')).toBeGreaterThanOrEqual(2);

  await lab.show('Compare');
  await expect(page.getByRole('group', { name: 'Setting A' })).toBeVisible();
  expect(await checkNames(page, cdp, 'Compare')).toBeGreaterThanOrEqual(10);

  await lab.show('Training');
  await expect(page.getByRole('region', { name: 'Train a classifier' })).toBeVisible();
  expect(await checkNames(page, cdp, 'Training')).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('combobox', { name: 'Head', exact: true })).toBeVisible();
});
