import { expect, test, type Page } from '@playwright/test';
import type { E2eHooks } from '../src/app/state/e2e-hooks';
import type { SyntheticRunRef } from '../src/worker/protocol/pipeline-protocol';

type Hooks = { cdulE2e: E2eHooks };
type Maps = { global: number; aggregate: number; final: number };
type Action = { open: 'streamed' } | { open: 'reference'; textSeed: number | null } | { prompts: number };

/** 2,000 images in 250 chunks of 8, 3×3 grid, 20 classes, 64-d: ~5 MB in IndexedDB, seconds to write. */
const RUN: SyntheticRunRef = { images: 2000, grid: 3, classes: 20, dim: 64 };
const TEXT_SEED = 7;

/**
 * A run's state streamed from IndexedDB — chunk by chunk through the pool of cosine workers, when it
 * is opened and again for a prompt change — gives exactly the mAPs of the same embeddings read whole
 * into memory and computed on whole matrices (the path before streaming), at two ζ. (The `?e2e`
 * hooks write a synthetic run into the store as a run stores it; the prompt change uses seeded text
 * embeddings, no text encoder.)
 */
test('a run opened from the store and a prompt change on it equal the whole-matrix reference, mAP for mAP', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?e2e');
  await page.waitForFunction(() => 'cdulE2e' in globalThis);
  await page.evaluate(({ run }) => (globalThis as unknown as Hooks).cdulE2e.storeSyntheticRun(run, 8), { run: RUN });

  const streamed = await mapsAtTwoZetas(page, { open: 'streamed' });
  const changed = await mapsAtTwoZetas(page, { prompts: TEXT_SEED });
  const reference = await mapsAtTwoZetas(page, { open: 'reference', textSeed: null });
  const changedReference = await mapsAtTwoZetas(page, { open: 'reference', textSeed: TEXT_SEED });

  expect(streamed).toEqual(reference);
  expect(changed).toEqual(changedReference);
  // Other text embeddings give other scores: the comparison above is not of a run with itself.
  expect(changed[0]!.final).not.toBe(streamed[0]!.final);
  expect(streamed[0]!.final).not.toBe(streamed[1]!.final);
});

/**
 * Does `action` in the page (an open or a prompt change), then reads the summary's mAPs — full
 * precision, from the worker's answers after it said 'complete' or 'prompts' — at ζ 0.5 and ζ 0.1.
 */
async function mapsAtTwoZetas(page: Page, action: Action): Promise<Maps[]> {
  const from = await page.evaluate(
    ({ action, run }) => {
      const hooks = (globalThis as unknown as Hooks).cdulE2e;
      const from = hooks.messages.length;
      if ('prompts' in action) hooks.syntheticPrompts(action.prompts);
      else if (action.open === 'streamed') hooks.openStoredSyntheticRun(run);
      else hooks.openStoredSyntheticRun(run, action.textSeed);
      return from;
    },
    { action, run: RUN },
  );
  const maps: Maps[] = [];
  for (const zeta of [0.5, 0.1]) {
    await page.getByLabel(/Threshold ζ/).fill(String(zeta));
    maps.push(await summaryAt(page, from, zeta));
  }
  return maps;
}

async function summaryAt(page: Page, from: number, zeta: number): Promise<Maps> {
  const answer = await page.waitForFunction(
    ({ from, zeta }) => {
      const messages = (globalThis as unknown as Hooks).cdulE2e.messages.slice(from);
      const failed = messages.find((message) => message.type === 'error' || message.type === 'prompts-error' || message.type === 'query-error');
      if (failed) throw new Error(JSON.stringify(failed));
      const ready = messages.findIndex((message) => message.type === 'complete' || message.type === 'prompts');
      if (ready < 0) return null;
      for (const message of messages.slice(ready)) {
        if (message.type === 'query-result' && message.result.kind === 'summary' && message.result.settings.zeta === zeta) return message.result.mAP;
      }
      return null;
    },
    { from, zeta },
    { timeout: 60_000, polling: 100 },
  );
  return (await answer.jsonValue()) as Maps;
}
