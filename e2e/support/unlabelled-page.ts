import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { writeFolderCopy } from '../../scripts/dataset-fixtures/voc-layouts';
import { WorkspacePage } from './workspace-page';

/** A question the page sent the pipeline worker (recorded by `recordQueries`). */
export interface SentQuery {
  readonly requestId: number;
  readonly query: { readonly kind: string; readonly settings?: { readonly zeta: number; readonly scale: number | null } };
}

/**
 * Records every 'query' message the page posts to a worker, so a test can tell which answer belongs to
 * which setting (the 'scores' answer does not repeat its settings) and which questions were never asked.
 * Call before the page opens; `sentQueries(page)` reads them.
 */
export async function recordQueries(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    (globalThis as unknown as { cdulSentQueries: unknown[] }).cdulSentQueries = sent;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const m = message as { type?: string; requestId?: number; query?: unknown };
      if (m && m.type === 'query') sent.push(JSON.parse(JSON.stringify({ requestId: m.requestId, query: m.query })));
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
}

export async function sentQueries(page: Page): Promise<SentQuery[]> {
  return page.evaluate(() => (globalThis as unknown as { cdulSentQueries: SentQuery[] }).cdulSentQueries);
}

export interface PlainScores {
  readonly ids: string[];
  readonly classes: string[];
  readonly scores: Record<'global' | 'aggregate' | 'final', number[]>;
  readonly truth: number[] | null;
}

/** The worker's 'scores' answer to a question at this ζ and softmax scale (null: the model's), as plain arrays. */
export async function scoresAnswer(page: Page, zeta: number, scale: number | null): Promise<PlainScores> {
  let answer: PlainScores | null = null;
  await expect
    .poll(async () => {
      const ids = (await sentQueries(page)).filter((q) => q.query.kind === 'scores' && q.query.settings?.zeta === zeta && q.query.settings.scale === scale).map((q) => q.requestId);
      answer = await page.evaluate((requestIds) => {
        type Scores = { kind: string; ids: string[]; classes: string[]; scores: Record<string, Float32Array>; truth: Int8Array | null };
        const messages = (globalThis as unknown as { cdulE2e: { messages: { type: string; requestId?: number; result?: Scores }[] } }).cdulE2e.messages;
        const found = messages.filter((m) => m.type === 'query-result' && m.result?.kind === 'scores' && requestIds.includes(m.requestId!)).at(-1)?.result;
        if (!found) return null;
        const plain = (array: Float32Array) => Array.from(array);
        return {
          ids: found.ids,
          classes: found.classes,
          scores: { global: plain(found.scores['global']!), aggregate: plain(found.scores['aggregate']!), final: plain(found.scores['final']!) },
          truth: found.truth ? Array.from(found.truth) : null,
        };
      }, ids);
      return answer !== null;
    })
    .toBe(true);
  return answer!;
}

/** A run's per-epoch table as records keyed by column header (the columns differ with and without ground truth). */
export async function epochRowsByHeader(page: Page, name: string): Promise<Record<string, string>[]> {
  const table = page.getByRole('table', { name: `figures per epoch of ${name}` });
  return table.evaluate((element) => {
    const headers = Array.from(element.querySelectorAll('thead th'), (th) => th.textContent ?? '');
    return Array.from(element.querySelectorAll('tbody tr'), (tr) => Object.fromEntries(Array.from(tr.querySelectorAll('td'), (td, i) => [headers[i]!, td.textContent ?? ''])));
  });
}

/**
 * A plain folder of voc-mini's photos with a class list (no ground truth), its first `images` computed
 * on WebAssembly with tiny-vit, the page's worker questions recorded; then `body`; the folder removed.
 */
export async function withPlainFolderRun(
  page: Page,
  run: { readonly classes: readonly string[]; readonly grid: number; readonly images: number },
  body: (lab: WorkspacePage) => Promise<void>,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'cdul-e2e-unlabelled-'));
  try {
    await writeFolderCopy('e2e/fixtures/voc-mini', folder, run.classes);
    await recordQueries(page);
    const lab = await new WorkspacePage(page).open('?e2e');
    await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
    await lab.computeRun({ model: 'tiny-vit', grid: run.grid, images: run.images, backend: 'wasm' }, `Done: ${run.images} images`);
    await body(lab);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
