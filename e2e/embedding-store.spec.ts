import { expect, test, type Page } from '@playwright/test';
import type { RunMeta } from '../src/worker/storage/embedding-store';

/**
 * The browser's embedding store against the real IndexedDB of Chromium: the Vite dev server compiles
 * the TypeScript module when the page imports it. Every test gets a fresh browser context, so a fresh,
 * empty storage. Chunk contents are random bit patterns (NaNs with payloads, ±0, infinities,
 * subnormals included), so "read back equal" means bit for bit.
 */
type StoreModule = typeof import('../src/worker/storage/embedding-store');
type FailureModule = typeof import('../src/worker/storage/storage-full-error');

const STORE_URL = '/src/worker/storage/embedding-store.ts';
const FAILURE_URL = '/src/worker/storage/storage-full-error.ts';
const RUN = 'voc:0123456789ab/split:train/model:tiny-vit/pre:89abcdef/grid:2';
const GRID = 2;
const DIM = 16;
const CROPS = 1 + GRID * GRID;

const meta: RunMeta = {
  ids: Array.from({ length: 10 }, (_, i) => `2008_${String(i).padStart(6, '0')}`),
  classes: ['cat', 'dog'],
  promptTemplate: 'a photo of a {}.',
  prompts: ['a photo of a cat.', 'a photo of a dog.'],
  model: { id: 'tiny-vit', inputSize: 32, logitScale: 100, embedDim: DIM },
  preprocessing: { resize: 'shortest-edge-bicubic', mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
  grid: GRID,
  dataset: { split: 'train', totalImages: 10 },
};

/** Chunks of 4 images: [0..3], [4..7] with image 5 skipped, [8, 9]. */
const chunks = [
  { ids: meta.ids.slice(0, 4), skipped: [] },
  { ids: [4, 6, 7].map((i) => meta.ids[i]!), skipped: [{ id: meta.ids[5]!, reason: 'JPEGImages/2008_000005.jpg: not a JPEG or PNG' }] },
  { ids: meta.ids.slice(8), skipped: [] },
];

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CDUL Lab' })).toBeVisible();
}

/** Chunk `index`'s values as float32 bit patterns: NaNs with payloads, ±0, ±∞, subnormals, then a hash. */
function chunkBits(index: number, seed: number): number[] {
  const specials = [0x7fc00001, 0xffffffff, 0x80000000, 0x00000000, 0x7f800000, 0xff800000, 0x00000001, 0x807fffff];
  const length = chunks[index]!.ids.length * CROPS * DIM;
  return Array.from({ length }, (_, i) => specials[i] ?? (Math.imul(i + 1 + 7919 * index, 2654435761) ^ Math.imul(seed, 40503)) >>> 0);
}

/** The files of chunks 0 and 2 as they were encoded; chunk 1 is written without (a run from before stamps). */
const stamps = (index: number) => (index === 1 ? undefined : chunks[index]!.ids.map((id, i) => ({ id, size: 1_000 + i, lastModified: 1_700_000_000_000 + index })));

/** Opens the run (chunks of 4) and writes the three chunks; returns each chunk's byte length. */
async function writeChunks(page: Page, seed: number): Promise<number[]> {
  return page.evaluate(
    async ({ url, run, meta, chunks }) => {
      const { openEmbeddingStore } = (await import(url)) as StoreModule;
      const store = openEmbeddingStore();
      await store.openRun(run, meta, 4);
      const sizes: number[] = [];
      for (const [index, { bits, stamps, ...chunk }] of chunks.entries()) {
        const embeddings = new Float32Array(Uint32Array.from(bits).buffer);
        await store.writeChunk(run, index, { ...chunk, embeddings, ...(stamps ? { stamps } : {}) });
        sizes.push(embeddings.byteLength);
      }
      return sizes;
    },
    { url: STORE_URL, run: RUN, meta, chunks: chunks.map((chunk, index) => ({ ...chunk, bits: chunkBits(index, seed), stamps: stamps(index) })) },
  );
}

test('chunks written before a reload read back bit-identical, with their progress', async ({ page }) => {
  await openApp(page);
  const sizes = await writeChunks(page, 1);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'CDUL Lab' })).toBeVisible();

  const after = await page.evaluate(
    async ({ url, run }) => {
      const { openEmbeddingStore } = (await import(url)) as StoreModule;
      const store = openEmbeddingStore();
      const read = [];
      for await (const chunk of store.readChunks(run)) read.push({ ...chunk, embeddings: Array.from(new Uint32Array(chunk.embeddings.buffer)) });
      const stamps = [...(await store.chunkStamps(run)).entries()];
      return { read, finished: await store.finishedChunks(run), run: await store.getRun(run), runs: await store.listRuns(), stamps };
    },
    { url: STORE_URL, run: RUN },
  );

  expect(after.finished).toEqual([0, 1, 2]);
  // Each chunk's files' sizes and times, kept beside it (read without its embeddings).
  expect(after.stamps).toEqual([
    [0, stamps(0)],
    [2, stamps(2)],
  ]);
  expect(after.read).toEqual(
    chunks.map((chunk, index) => ({ index, ...chunk, shape: [chunk.ids.length, CROPS, DIM], embeddings: chunkBits(index, 1) })),
  );
  expect(after.run).toMatchObject({ key: RUN, meta, chunkSize: 4, totalChunks: 3, skipped: chunks[1]!.skipped });
  expect(after.runs).toHaveLength(1);
  expect(after.runs[0]!.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
  expect(sizes[0]).toBe(4 * CROPS * DIM * 4);
});

test('a resumed run keeps its chunk size, refuses other images and rejects a malformed chunk without storing it', async ({ page }) => {
  await openApp(page);
  await writeChunks(page, 2);
  const outcome = await page.evaluate(
    async ({ url, run, meta }) => {
      const { openEmbeddingStore } = (await import(url)) as StoreModule;
      const store = openEmbeddingStore();
      const message = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: Error) => error.message);
      const reopened = await store.openRun(run, meta, 8);
      const otherImages = await message(store.openRun(run, { ...meta, ids: meta.ids.slice(1) }, 4));
      const wrongSize = await message(store.writeChunk(run, 2, { ids: ['a'], skipped: [], embeddings: new Float32Array(3) }));
      const outside = await message(store.writeChunk(run, 3, { ids: [], skipped: [], embeddings: new Float32Array(0) }));
      const unknownRun = await message(store.writeChunk('nope', 0, { ids: [], skipped: [], embeddings: new Float32Array(0) }));
      const chunk2 = await store.readChunk(run, 2);
      return { chunkSize: reopened.chunkSize, otherImages, wrongSize, outside, unknownRun, chunk2Ids: chunk2.ids };
    },
    { url: STORE_URL, run: RUN, meta },
  );
  expect(outcome.chunkSize).toBe(4);
  expect(outcome.otherImages).toMatch(/stored with other images/);
  expect(outcome.wrongSize).toMatch(/3 values, expected 1 × 5 × 16 = 80/);
  expect(outcome.outside).toMatch(/chunk 3 is outside run/);
  expect(outcome.unknownRun).toMatch(/no run .* in the browser's storage/);
  expect(outcome.chunk2Ids).toEqual(chunks[2]!.ids);
});

test('text embeddings round trip per model and prompt set; deleting a run removes its chunks and keeps them', async ({ page }) => {
  await openApp(page);
  await writeChunks(page, 3);
  const outcome = await page.evaluate(
    async ({ url, run, prompts }) => {
      const { openEmbeddingStore } = (await import(url)) as StoreModule;
      const store = openEmbeddingStore();
      const text = Float32Array.from({ length: prompts.length * 8 }, (_, i) => Math.sin(i) / 3);
      await store.putTextEmbeddings('tiny-vit', prompts, text);
      const same = await store.getTextEmbeddings('tiny-vit', [...prompts]);
      const otherPrompts = await store.getTextEmbeddings('tiny-vit', [...prompts].reverse());
      const otherModel = await store.getTextEmbeddings('demo-clip', prompts);
      await store.deleteRun(run);
      const readAfterDelete = await store.readChunk(run, 0).then(
        () => 'found',
        (error: Error) => error.message,
      );
      return {
        sameEqual: same !== undefined && same.length === text.length && same.every((value, i) => Object.is(value, text[i])),
        otherPrompts: otherPrompts === undefined,
        otherModel: otherModel === undefined,
        runAfterDelete: (await store.getRun(run)) ?? null,
        finishedAfterDelete: await store.finishedChunks(run),
        runsAfterDelete: await store.listRuns(),
        readAfterDelete,
        stampsAfterDelete: (await store.chunkStamps(run)).size,
        textAfterDelete: (await store.getTextEmbeddings('tiny-vit', prompts))?.length ?? 0,
      };
    },
    { url: STORE_URL, run: RUN, prompts: meta.prompts },
  );
  expect(outcome).toEqual({
    sameEqual: true,
    otherPrompts: true,
    otherModel: true,
    runAfterDelete: null,
    finishedAfterDelete: [],
    runsAfterDelete: [],
    readAfterDelete: expect.stringMatching(/chunk 0 of run .* is no longer in the browser's storage/),
    stampsAfterDelete: 0,
    textAfterDelete: meta.prompts.length * 8,
  });
});

test('storage usage is reported in numbers, and persistence is asked for once', async ({ page }) => {
  await openApp(page);
  const outcome = await page.evaluate(async (url) => {
    const { storageUsage, requestPersistence } = (await import(url)) as StoreModule;
    const first = requestPersistence();
    const second = requestPersistence();
    return { usage: await storageUsage(), persistence: await first, samePromise: first === second };
  }, STORE_URL);
  expect(Number.isFinite(outcome.usage.usage)).toBe(true);
  expect(outcome.usage.quota).toBeGreaterThan(0);
  expect(typeof outcome.usage.persisted).toBe('boolean');
  expect(['granted', 'denied']).toContain(outcome.persistence);
  expect(outcome.samePromise).toBe(true);
});

test('a full quota rejects with StorageFullError, keeps every chunk, and deleting an old run makes room to resume', async ({ page, baseURL }) => {
  await openApp(page);
  // A real QuotaExceededError: DevTools' per-origin quota override (what Chromium's own quota tests use).
  // navigator.storage.estimate() still reports the unmodified quota under it; only enforcement changes.
  const cdp = await page.context().newCDPSession(page);
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: used + 3_000_000 });

  const outcome = await page.evaluate(
    async ({ url, run, oldRun, meta }) => {
      const { openEmbeddingStore, storageUsage, StorageFullError } = (await import(url)) as StoreModule;
      const store = openEmbeddingStore();
      // One image per chunk, 5 crops × 16 384 floats = 328 kB, so about nine chunks fit in 3 MB.
      const big = { ...meta, model: { ...meta.model, embedDim: 16_384 }, ids: Array.from({ length: 40 }, (_, i) => `img${i}`) };
      const write = (key: string, index: number) => {
        // Incompressible, as Chromium compresses IndexedDB values; the first value names the chunk.
        const words = new Uint32Array(5 * 16_384);
        for (let i = 0; i < words.length; i++) words[i] = Math.imul(i + 1 + 7919 * index, 2654435761) ^ key.length;
        const embeddings = new Float32Array(words.buffer);
        embeddings[0] = index;
        return store.writeChunk(key, index, { ids: [`img${index}`], skipped: [], embeddings });
      };
      const intact = async (key: string) => {
        const ok = [];
        for await (const chunk of store.readChunks(key)) ok.push(chunk.embeddings[0] === chunk.index && chunk.embeddings.length === 5 * 16_384);
        return ok;
      };
      await store.openRun(oldRun, big, 1);
      for (const index of [0, 1, 2]) await write(oldRun, index);
      await store.openRun(run, big, 1);
      let written = 0;
      const failure = await (async () => {
        for (; written < 40; written++) await write(run, written);
      })().then(() => undefined, (error: unknown) => error);
      const error = failure as Error & { cause?: { name?: string }; usage?: number; quota?: number };
      const full = {
        written,
        isStorageFull: failure instanceof StorageFullError,
        message: error?.message,
        causeName: error?.cause?.name,
        finished: await store.finishedChunks(run),
        intact: await intact(run),
        oldIntact: await intact(oldRun),
      };
      const usageBefore = (await storageUsage()).usage;
      await store.deleteRun(oldRun);
      const usageAfter = (await storageUsage()).usage;
      const resumed = await write(run, written);
      return { full, usageBefore, usageAfter, resumedFinished: resumed.finishedChunks.length };
    },
    { url: STORE_URL, run: RUN, oldRun: RUN.replace('split:train', 'split:val'), meta },
  );

  const { full } = outcome;
  expect(full.isStorageFull).toBe(true);
  expect(full.written).toBeGreaterThan(0);
  expect(full.message).toMatch(
    /^the browser's storage for this site is full \(\d+(\.\d)? MB used of \d+(\.\d)? MB\): free space or clear old runs; everything computed so far is kept$/,
  );
  expect(full.causeName).toBe('QuotaExceededError');
  expect(full.finished).toEqual(Array.from({ length: full.written }, (_, i) => i));
  expect(full.intact).toEqual(full.finished.map(() => true));
  expect(full.oldIntact).toEqual([true, true, true]);
  // The old run's ~1 MB is given back at once, and the failed chunk now fits under the same quota.
  expect(outcome.usageBefore - outcome.usageAfter).toBeGreaterThan(900_000);
  expect(outcome.resumedFinished).toBe(full.written + 1);
});

test('a quota error wrapped in a cause, an aborted transaction or an event is still recognised', async ({ page }) => {
  await openApp(page);
  const outcome = await page.evaluate(
    async ({ storeUrl, failureUrl }) => {
      const { createEmbeddingStore, StorageFullError } = (await import(storeUrl)) as StoreModule;
      const { isQuotaExceeded } = (await import(failureUrl)) as FailureModule;
      const quota = new DOMException('quota', 'QuotaExceededError');
      const asTransaction = { error: quota };
      const recognised = [
        isQuotaExceeded(quota),
        isQuotaExceeded(new Error('write failed', { cause: quota })),
        isQuotaExceeded(asTransaction),
        isQuotaExceeded({ type: 'abort', target: asTransaction }),
        isQuotaExceeded(new DOMException('other', 'AbortError')),
        isQuotaExceeded(new Error('x', { cause: new Error('y') })),
      ];
      // Text embeddings go through idb-keyval's own set(): a store whose transactions fail like a full disk.
      const full = () => Promise.reject(new DOMException('The transaction was aborted.', 'QuotaExceededError'));
      const store = createEmbeddingStore(full, full);
      const error = await store.putTextEmbeddings('m', ['a'], new Float32Array(4)).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      return { recognised, isStorageFull: error instanceof StorageFullError, message: (error as Error | null)?.message };
    },
    { storeUrl: STORE_URL, failureUrl: FAILURE_URL },
  );
  expect(outcome.recognised).toEqual([true, true, true, true, false, false]);
  expect(outcome.isStorageFull).toBe(true);
  expect(outcome.message).toMatch(/^the browser's storage for this site is full \(\d+(\.\d)? MB used of \d+ MB\)/);
});

test('a module worker writes through the same store the page reads', async ({ page, baseURL }) => {
  await openApp(page);
  const outcome = await page.evaluate(
    async ({ moduleUrl, run, meta }) => {
      // A Blob worker imports the store by absolute URL: the dev server compiles it like any module.
      const source = `
        const { openEmbeddingStore, storageUsage, requestPersistence } = await import(${JSON.stringify(moduleUrl)});
        self.onmessage = async ({ data }) => {
          try {
            const store = openEmbeddingStore();
            await store.openRun(data.run, data.meta, 4);
            await store.writeChunk(data.run, 0, { ids: data.meta.ids.slice(0, 4), skipped: [], embeddings: new Float32Array(4 * 5 * 16).fill(0.25) });
            await store.putTextEmbeddings('tiny-vit', data.meta.prompts, new Float32Array(32).fill(-1));
            self.postMessage({ usage: await storageUsage(), persistence: await requestPersistence() });
          } catch (error) {
            self.postMessage({ error: String(error) });
          }
        };
        self.postMessage('ready');`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const reply = (): Promise<unknown> =>
        new Promise((resolve, reject) => {
          worker.onmessage = ({ data }) => resolve(data);
          worker.onerror = (event) => reject(new Error(event.message));
        });
      await reply();
      const result = reply();
      worker.postMessage({ run, meta });
      const fromWorker = await result;
      worker.terminate();
      const { openEmbeddingStore } = (await import(moduleUrl)) as StoreModule;
      const store = openEmbeddingStore();
      const chunk = await store.readChunk(run, 0);
      const text = await store.getTextEmbeddings('tiny-vit', meta.prompts);
      return { fromWorker, finished: await store.finishedChunks(run), allQuarter: chunk.embeddings.every((v) => v === 0.25), textLength: text?.length };
    },
    { moduleUrl: new URL(STORE_URL, baseURL).href, run: RUN, meta },
  );
  expect(outcome.fromWorker).toMatchObject({ usage: { usage: expect.any(Number), quota: expect.any(Number) }, persistence: 'unavailable' });
  expect(outcome.finished).toEqual([0]);
  expect(outcome.allQuarter).toBe(true);
  expect(outcome.textLength).toBe(32);
});
