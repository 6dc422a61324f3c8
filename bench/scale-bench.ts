import type { Page } from '@playwright/test';
import type { E2eHooks } from '../src/app/state/e2e-hooks';
import { DEFAULT_CHUNK_SIZE } from '../src/app/state/chunk-size';
import type { SyntheticRunRef } from '../src/worker/protocol/pipeline-protocol';
import { withBuiltPage } from './built-page';
import { median, round } from './measure';
import { sliderMs } from './ui-slider';
import { watchWorkerMemory, type WorkerMemory } from './worker-memory';

type Figures = Record<string, number | string>;

/** COCO 2014 train: 82,783 images, 80 classes; a 3×3 grid of ViT-B/32 (512-d) embeddings. */
const COCO_TRAIN = 82_783;
const OPENS = 3;
const PROMPT_CHANGES = 3;
const MOVES = 7;
const MB = 1024 * 1024;

/**
 * `scale.*`: the lab at COCO-train size in Chromium on the production build, along the real paths. Set-up
 * (not timed into the figures, reported as `scale.setup_ms_N`): a synthetic run of N images × 3×3 × 80
 * classes × 512-d is written into the embedding store (IndexedDB) chunk by chunk, at the app's default
 * chunk size, as a run stores it. Then, in one page: the run is opened as a finished run is reopened —
 * its chunks streamed from IndexedDB into the cosines and α/β (`open_ms`: from the request to the results
 * table's mAPs); ζ and λ moved (`slider_ms`: input event → the frame after the table shows the setting);
 * the prompts changed without a text encoder (`prompt_change_ms`: seeded text embeddings, every chunk read
 * again, the cosines recomputed → the table's new mAPs); and the pipeline worker's memory
 * (`worker_heap_mb`: the largest JS heap + ArrayBuffer backing stores seen, sampled every 250 ms through
 * all of it over CDP). `SCALE_IMAGES=N` measures another size.
 */
export async function scaleBench(): Promise<Figures> {
  const run: SyntheticRunRef = { images: Number(process.env.SCALE_IMAGES ?? COCO_TRAIN), grid: 3, classes: 80, dim: 512 };
  const n = run.images;
  return withBuiltPage('index.html', '/?e2e', async (page) => {
    await page.waitForFunction(() => 'cdulE2e' in globalThis, undefined, { timeout: 60_000 });
    const memory = await watchWorkerMemory(page, /pipeline-worker/);
    const peak = samplePeak(memory);
    try {
      const setup = await store(page, run);
      const opens: { ms: number; firstSummaryMs: number | null }[] = [];
      for (let k = 0; k < OPENS; k++) opens.push(await timedMs(page, { open: run }));
      const zeta = await sliderMs(page, 0, Array.from({ length: MOVES }, (_, k) => Number((0.03 + 0.07 * k).toFixed(2))));
      const lambda = await sliderMs(page, 1, Array.from({ length: MOVES }, (_, k) => Number((0.1 + 0.1 * k).toFixed(2))));
      const prompts: number[] = [];
      for (let seed = 1; seed <= PROMPT_CHANGES; seed++) prompts.push((await timedMs(page, { promptSeed: seed })).ms);
      const settled = await memory.read(true);
      const uaMemory = await pipelineWorkerUaMemory(page);
      const largest = await peak.stop();
      return {
        [`scale.open_ms_${n}`]: Math.round(median(opens.map((open) => open.ms))),
        [`scale.first_summary_ms_${n}`]: Math.round(opens[0]!.firstSummaryMs ?? NaN),
        [`scale.slider_ms_${n}`]: round(Math.max(zeta, lambda)),
        [`scale.zeta_slider_ms_${n}`]: round(zeta),
        [`scale.lambda_slider_ms_${n}`]: round(lambda),
        [`scale.prompt_change_ms_${n}`]: Math.round(median(prompts)),
        [`scale.worker_heap_mb_${n}`]: mb(largest),
        [`scale.worker_heap_settled_mb_${n}`]: mb(settled),
        [`scale.worker_js_heap_settled_mb_${n}`]: round(settled.heapUsed / MB),
        [`scale.worker_ua_memory_settled_mb_${n}`]: uaMemory === null ? 'unavailable' : Math.round(uaMemory / MB),
        [`scale.setup_ms_${n}`]: Math.round(setup.writeMs),
        [`scale.idb_mb_${n}`]: Math.round(setup.usageBytes / MB),
        'scale.shape': `${n} images × ${run.grid}×${run.grid} × ${run.classes} classes × ${run.dim}-d, chunks of ${DEFAULT_CHUNK_SIZE}`,
        'scale.adapter': 'CPU (the pipeline worker\'s JS; no GPU involved)',
      };
    } finally {
      await peak.stop();
      await memory.close();
    }
  }, [], { persistentProfile: true });
}

type Hooks = { cdulE2e: E2eHooks };

async function store(page: Page, run: SyntheticRunRef): Promise<{ writeMs: number; usageBytes: number }> {
  process.stderr.write(`[bench] writing ${run.images} synthetic images into IndexedDB…\n`);
  const { writeMs } = await page.evaluate(({ run, chunk }) => (globalThis as unknown as Hooks).cdulE2e.storeSyntheticRun(run, chunk), { run, chunk: DEFAULT_CHUNK_SIZE });
  const usageBytes = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  process.stderr.write(`[bench] written in ${(writeMs / 1000).toFixed(1)} s (${(usageBytes / MB).toFixed(0)} MB in storage)\n`);
  return { writeMs, usageBytes };
}

type Action = { readonly open: SyntheticRunRef } | { readonly promptSeed: number };

/**
 * From asking (an open, or a prompt change) to the frame after the results table shows the new mAPs:
 * the worker says 'complete' or 'prompts', then the table shows the summary — for a prompt change a new
 * one; a reopened run may find its mAPs in the page's query cache. With the worker's own time for the
 * first summary that followed, if one did (softmax and α/β at the model's temperature, three mAPs).
 */
async function timedMs(page: Page, action: Action): Promise<{ ms: number; firstSummaryMs: number | null }> {
  const { started, from } = await page.evaluate((action) => {
    const hooks = (globalThis as unknown as Hooks).cdulE2e;
    const from = hooks.messages.length;
    if ('open' in action) hooks.openStoredSyntheticRun(action.open);
    else hooks.syntheticPrompts(action.promptSeed);
    return { started: performance.now(), from };
  }, action);
  await page.waitForFunction(
    ({ from, newSummary }) => {
      const messages = (globalThis as unknown as Hooks).cdulE2e.messages.slice(from);
      const failed = messages.find((message) => message.type === 'error' || message.type === 'prompts-error');
      if (failed) throw new Error(JSON.stringify(failed));
      const ready = messages.findIndex((message) => message.type === 'complete' || message.type === 'prompts');
      return ready >= 0 && (!newSummary || messages.slice(ready).some((message) => message.type === 'query-result' && message.result.kind === 'summary'));
    },
    { from, newSummary: 'promptSeed' in action },
    { timeout: 900_000, polling: 50 },
  );
  await page.getByRole('table', { name: 'mAP of the pseudo labels' }).getByText(/\d+\.\d\d/).first().waitFor({ timeout: 600_000 });
  const ms = (await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))))) - started;
  const firstSummaryMs = await page.evaluate((from) => {
    const answer = (globalThis as unknown as Hooks).cdulE2e.messages.slice(from).find((message) => message.type === 'query-result' && message.result.kind === 'summary');
    return answer?.type === 'query-result' && answer.result.kind === 'summary' ? answer.result.elapsedMs : null;
  }, from);
  process.stderr.write(`[bench] ${'open' in action ? 'opened' : `prompt change ${action.promptSeed}`} in ${(ms / 1000).toFixed(1)} s\n`);
  return { ms, firstSummaryMs };
}

/**
 * The same from the page: performance.measureUserAgentSpecificMemory() (the production build is
 * cross-origin isolated, which it needs), the bytes it attributes to the pipeline worker — a cross-check
 * of the CDP figure, and of whether it counts ArrayBuffers. null when unavailable.
 */
async function pipelineWorkerUaMemory(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    type Measure = { breakdown: { bytes: number; attribution: { url?: string; scope?: string }[] }[] };
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<Measure> }).measureUserAgentSpecificMemory;
    if (!crossOriginIsolated || !measure) return null;
    const result = await measure.call(performance);
    return result.breakdown
      .filter((entry) => entry.attribution.some((context) => /pipeline-worker/.test(context.url ?? '')))
      .reduce((sum, entry) => sum + entry.bytes, 0);
  });
}

/** The largest reading every 250 ms until stopped. */
function samplePeak(memory: { read(collect: boolean): Promise<WorkerMemory> }): { stop(): Promise<WorkerMemory> } {
  let largest: WorkerMemory = { heapUsed: 0, backingStorage: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const reading = await memory.read(false).catch(() => null);
      if (reading && total(reading) > total(largest)) largest = reading;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return largest;
    },
  };
}

const total = (reading: WorkerMemory) => reading.heapUsed + reading.backingStorage;
const mb = (reading: WorkerMemory) => Math.round(total(reading) / MB);
