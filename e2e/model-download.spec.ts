import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { DownloadProgress } from '../src/worker/models/model-download';
import { HubServer } from './support/hub-server';

/**
 * The real download code in the real browser, against a local server in the hub's layout (no mocks):
 * the app page imports the TypeScript modules through the Vite dev server.
 */
type CatalogModule = typeof import('../src/core/clip/model-catalog');
type DownloadModule = typeof import('../src/worker/models/model-download');
type CacheModule = typeof import('../src/worker/models/model-cache');
type LocalModule = typeof import('../src/worker/models/local-model-files');

const MODULES = {
  catalog: '/src/core/clip/model-catalog.ts',
  download: '/src/worker/models/model-download.ts',
  cache: '/src/worker/models/model-cache.ts',
  local: '/src/worker/models/local-model-files.ts',
};

const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));
const TINY_DIR = path.join(MODELS_DIR, 'tiny-vit');
const REPO = 'cdul-lab/tiny-vit';
const TINY_PATHS = [
  'onnx/vision_model.onnx',
  'onnx/text_model.onnx',
  'tokenizer.json',
  'config.json',
  'preprocessor_config.json',
  'tokenizer_config.json',
];

interface FileDigest {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

function diskDigests(dir: string, paths: readonly string[]): FileDigest[] {
  return paths.map((p) => {
    const data = readFileSync(path.join(dir, p));
    return { path: p, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
  });
}

const TINY = diskDigests(TINY_DIR, TINY_PATHS);
const TINY_BYTES = TINY.reduce((sum, file) => sum + file.bytes, 0);
const urlPath = (repoPath: string) => `/${REPO}/resolve/main/${repoPath}`;

let hub: HubServer;

test.beforeAll(async () => {
  hub = await HubServer.start({ [REPO]: TINY_DIR });
});

test.afterAll(async () => {
  await hub.close();
});

test.beforeEach(async ({ page }) => {
  hub.reset();
  await page.goto('/');
  // The app page is cross-origin isolated (COOP + COEP require-corp): what the downloads must live with.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

/** Downloads a catalog model in the page; returns the progress events and every file's size and SHA-256. */
async function downloadInPage(page: Page, id: string, baseUrl: string | null) {
  return page.evaluate(
    async ({ modules, id, baseUrl }) => {
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { downloadModel } = (await import(modules.download)) as DownloadModule;
      const events: DownloadProgress[] = [];
      const options = { onProgress: (progress: DownloadProgress) => events.push(progress) };
      const files = await downloadModel(catalogEntry(id), 'fp32', baseUrl === null ? options : { ...options, baseUrl });
      const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
      const digests = await Promise.all(
        files.paths.map(async (p) => ({
          path: p,
          bytes: files.get(p).byteLength,
          sha256: hex(await crypto.subtle.digest('SHA-256', files.get(p))),
        })),
      );
      return { events, digests, notes: files.notes };
    },
    { modules: MODULES, id, baseUrl },
  );
}

function expectMonotoneToCompletion(events: readonly DownloadProgress[], totalBytes: number, filesTotal: number): void {
  expect(events.length).toBeGreaterThan(1);
  for (const [i, event] of events.entries()) {
    expect(event.loadedBytes).toBeLessThanOrEqual(event.totalBytes);
    expect(event.filesTotal).toBe(filesTotal);
    if (i === 0) continue;
    expect(event.loadedBytes).toBeGreaterThanOrEqual(events[i - 1]!.loadedBytes);
    expect(event.filesDone).toBeGreaterThanOrEqual(events[i - 1]!.filesDone);
  }
  expect(events.at(-1)).toMatchObject({
    loadedBytes: totalBytes,
    totalBytes,
    filesDone: filesTotal,
    etaSeconds: 0,
    approximateSizes: [],
    done: true,
  });
}

test('downloads tiny-vit from a hub-layout server: one monotone progress to 100 %, bytes identical to the files', async ({ page }) => {
  const { events, digests, notes } = await downloadInPage(page, 'tiny-vit', hub.url);

  expect(digests).toEqual(TINY);
  expectMonotoneToCompletion(events, TINY_BYTES, TINY.length);
  expect(events.every((event) => !event.fromCache)).toBe(true);
  expect(events.at(-1)!.missingContentLength).toEqual([]);
  expect(notes).toEqual([]);
  for (const file of TINY) expect(hub.requestCount(urlPath(file.path))).toBe(1);
  expect(hub.requestCount()).toBe(TINY.length);
  expect(hub.maxInFlight).toBeLessThanOrEqual(3);
});

test('a second load comes from Cache Storage with no request; usage is the stored bytes; clearing empties it', async ({ page }) => {
  await downloadInPage(page, 'tiny-vit', hub.url);
  const requestsAfterFirst = hub.requestCount();

  const second = await downloadInPage(page, 'tiny-vit', hub.url);
  expect(second.digests).toEqual(TINY);
  expect(hub.requestCount()).toBe(requestsAfterFirst);
  expect(second.events.every((event) => event.fromCache)).toBe(true);
  expectMonotoneToCompletion(second.events, TINY_BYTES, TINY.length);
  expect(second.events.at(-1)).toMatchObject({ filesFromCache: TINY.length, bytesPerSecond: 0 });

  const cache = await page.evaluate(
    async ({ modules, base }) => {
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { modelCacheUsage, clearModelCache, isModelCached } = (await import(modules.cache)) as CacheModule;
      const tiny = catalogEntry('tiny-vit');
      const before = { usage: await modelCacheUsage(), cached: await isModelCached(tiny, 'fp32', base) };
      await clearModelCache();
      const after = { usage: await modelCacheUsage(), cached: await isModelCached(tiny, 'fp32', base) };
      return { before, after };
    },
    { modules: MODULES, base: hub.url },
  );
  expect(cache.before.cached).toBe(true);
  expect(cache.before.usage.bytes).toBe(TINY_BYTES);
  expect([...cache.before.usage.entries].sort((a, b) => a.url.localeCompare(b.url))).toEqual(
    TINY.map((file) => ({ url: hub.url + urlPath(file.path), bytes: file.bytes })).sort((a, b) => a.url.localeCompare(b.url)),
  );
  expect(cache.after).toEqual({ usage: { bytes: 0, entries: [] }, cached: false });
});

test('a missing file fails naming its URL and the 404; a precision the catalog lacks is refused unasked', async ({ page }) => {
  const attempt = (claimQuantized: boolean) =>
    page.evaluate(
      async ({ modules, base, claimQuantized }) => {
        const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
        const { downloadModel } = (await import(modules.download)) as DownloadModule;
        const { modelCacheUsage } = (await import(modules.cache)) as CacheModule;
        const tiny = catalogEntry('tiny-vit');
        // A catalog that promises more than the server has: the hub's real-world 404.
        const entry = claimQuantized ? { ...tiny, variants: { ...tiny.variants, quantized: { vision: 1, text: 1 } } } : tiny;
        try {
          await downloadModel(entry, 'quantized', { baseUrl: base });
          return null;
        } catch (error) {
          const cachedUrls = (await modelCacheUsage()).entries.map((e) => e.url);
          return error instanceof Error ? { name: error.name, message: error.message, cachedUrls } : null;
        }
      },
      { modules: MODULES, base: hub.url, claimQuantized },
    );

  const refused = await attempt(false);
  expect(refused?.message).toBe('tiny-vit has no quantized variant in the catalog (available: fp32)');
  expect(hub.requestCount()).toBe(0);

  const missing = await attempt(true);
  expect(missing?.name).toBe('ModelDownloadError');
  const file = `onnx/(vision|text)_model_quantized\\.onnx`;
  expect(missing?.message).toMatch(
    new RegExp(`^Downloading ${file} failed: ${hub.url}/${REPO}/resolve/main/${file} returned 404 Not Found`),
  );
  expect(hub.requestCount(urlPath('onnx/vision_model_quantized.onnx'))).toBe(1);
  expect(missing?.cachedUrls.filter((url) => url.includes('quantized'))).toEqual([]);
});

test('aborting midway rejects with AbortError, keeps only complete files, and the next load resumes from them', async ({ page }) => {
  hub.throttle = { chunkBytes: 64 * 1024, delayMs: 20 }; // ~3 MB/s a file: the text tower takes ~2 s
  const aborted = await page.evaluate(
    async ({ modules, base }) => {
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { downloadModel } = (await import(modules.download)) as DownloadModule;
      const { modelCacheUsage } = (await import(modules.cache)) as CacheModule;
      const controller = new AbortController();
      let abortedAt: DownloadProgress | null = null;
      const onProgress = (progress: DownloadProgress) => {
        // Once a file is complete and others are mid-stream.
        if (abortedAt === null && progress.filesDone >= 1 && progress.loadedBytes < progress.totalBytes) {
          abortedAt = progress;
          controller.abort();
        }
      };
      const started = performance.now();
      let error: { name: string; message: string } | null = null;
      try {
        await downloadModel(catalogEntry('tiny-vit'), 'fp32', { baseUrl: base, signal: controller.signal, onProgress });
      } catch (caught) {
        error = caught instanceof Error ? { name: caught.name, message: caught.message } : null;
      }
      const usage = await modelCacheUsage();
      return { error, abortedAt, settledMs: performance.now() - started, entries: usage.entries };
    },
    { modules: MODULES, base: hub.url },
  );
  expect(aborted.error?.name).toBe('AbortError');
  expect(aborted.abortedAt).not.toBeNull();
  expect(hub.maxInFlight).toBeGreaterThanOrEqual(2);
  expect(hub.maxInFlight).toBeLessThanOrEqual(3);
  // Every stored entry is a whole file; the text tower (mid-stream at the abort) is not stored at all.
  const bytesOf = new Map(TINY.map((file) => [hub.url + urlPath(file.path), file.bytes]));
  expect(aborted.entries.length).toBeGreaterThanOrEqual(1);
  for (const entry of aborted.entries) expect(entry.bytes).toBe(bytesOf.get(entry.url));
  expect(aborted.entries.map((entry) => entry.url)).not.toContain(hub.url + urlPath('onnx/text_model.onnx'));

  hub.throttle = null;
  const countsBefore = new Map(TINY.map((file) => [file.path, hub.requestCount(urlPath(file.path))]));
  const resumed = await downloadInPage(page, 'tiny-vit', hub.url);
  expect(resumed.digests).toEqual(TINY);
  expectMonotoneToCompletion(resumed.events, TINY_BYTES, TINY.length);
  expect(resumed.events.at(-1)).toMatchObject({ fromCache: false, filesFromCache: aborted.entries.length });
  for (const file of TINY) {
    const stored = aborted.entries.some((entry) => entry.url.endsWith(urlPath(file.path)));
    expect(hub.requestCount(urlPath(file.path))).toBe(countsBefore.get(file.path)! + (stored ? 0 : 1));
  }
});

test('without Content-Length the catalog size stands in, says so, and the total still ends exact', async ({ page }) => {
  hub.omitContentLength.add('tokenizer.json');
  const tokenizer = TINY.find((file) => file.path === 'tokenizer.json')!;
  const events = await page.evaluate(
    async ({ modules, base }) => {
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { downloadModel } = (await import(modules.download)) as DownloadModule;
      const tiny = catalogEntry('tiny-vit');
      // An estimate well below the real 1.6 MB, so using it (and growing past it) shows in the totals.
      const sharedFiles = tiny.sharedFiles.map((f) => (f.path === 'tokenizer.json' ? { ...f, approxBytes: 1_000_000 } : f));
      const seen: DownloadProgress[] = [];
      await downloadModel({ ...tiny, sharedFiles }, 'fp32', { baseUrl: base, onProgress: (p) => seen.push(p) });
      return seen;
    },
    { modules: MODULES, base: hub.url },
  );
  expect(events[0]!.totalBytes).toBe(TINY_BYTES - tokenizer.bytes + 1_000_000);
  const estimated = (e: DownloadProgress) =>
    e.missingContentLength.includes('tokenizer.json') && e.approximateSizes.includes('tokenizer.json');
  expect(events.some(estimated)).toBe(true);
  expectMonotoneToCompletion(events, TINY_BYTES, TINY.length);
  expect(events.at(-1)!.missingContentLength).toEqual(['tokenizer.json']);
});

test('an unreachable server or one without CORS headers gives an error naming the file and what to do', async ({ page }) => {
  const dead = await HubServer.start({});
  await dead.close(); // a port nobody listens on: connection refused
  hub.cors = false;
  const outcome = await page.evaluate(
    async ({ modules, deadBase, base, probe }) => {
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { downloadModel } = (await import(modules.download)) as DownloadModule;
      const message = async (baseUrl: string) => {
        try {
          await downloadModel(catalogEntry('tiny-vit'), 'fp32', { baseUrl });
          return 'no error';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      };
      const outcomeOf = (request: Promise<Response>) => request.then((r) => `status ${r.status}`, (e: Error) => e.name);
      return {
        unreachable: await message(deadBase),
        noCors: await message(base),
        // Under COEP require-corp a cross-origin file needs CORS (or, for no-cors, a CORP header) to load at all.
        corsFetch: await outcomeOf(fetch(probe)),
        noCorsFetch: await outcomeOf(fetch(probe, { mode: 'no-cors' })),
      };
    },
    { modules: MODULES, deadBase: dead.url, base: hub.url, probe: hub.url + urlPath('config.json') },
  );
  const advice = /Check the internet connection, or load the model from local files instead/;
  const from = (base: string) => new RegExp(`^Could not download \\S+ from ${base}/${REPO}/resolve/main/\\S+ \\(Failed to fetch\\)`);
  expect(outcome.unreachable).toMatch(from(dead.url));
  expect(outcome.unreachable).toMatch(advice);
  expect(outcome.noCors).toMatch(from(hub.url));
  expect(outcome.noCors).toMatch(advice);
  expect(outcome.corsFetch).toBe('TypeError');
  expect(outcome.noCorsFetch).toBe('TypeError');
});

test('works the same inside a dedicated module Worker, sharing the Cache Storage with the page', async ({ page }) => {
  const result = await page.evaluate(
    async ({ modules, base }) => {
      const source = `
        self.onmessage = async ({ data }) => {
          try {
            const { catalogEntry } = await import(data.catalog);
            const { downloadModel } = await import(data.download);
            const events = [];
            const onProgress = (p) => events.push(p);
            const files = await downloadModel(catalogEntry('tiny-vit'), 'fp32', { baseUrl: data.base, onProgress });
            self.postMessage({ bytes: files.totalBytes, last: events.at(-1), inWorker: typeof document === 'undefined' });
          } catch (error) {
            self.postMessage({ error: String(error) });
          }
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const reply = new Promise<{ bytes?: number; last?: DownloadProgress; inWorker?: boolean; error?: string }>((resolve) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve({ error: event.message });
      });
      const absolute = (url: string) => new URL(url, location.href).href;
      worker.postMessage({ catalog: absolute(modules.catalog), download: absolute(modules.download), base });
      const fromWorker = await reply;
      worker.terminate();
      const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
      const { isModelCached } = (await import(modules.cache)) as CacheModule;
      return { fromWorker, cachedForPage: await isModelCached(catalogEntry('tiny-vit'), 'fp32', base) };
    },
    { modules: MODULES, base: hub.url },
  );
  expect(result.fromWorker.error).toBeUndefined();
  expect(result.fromWorker).toMatchObject({ bytes: TINY_BYTES, inWorker: true, last: { loadedBytes: TINY_BYTES, done: true } });
  expect(result.cachedForPage).toBe(true);
});

test("the app's own demo-clip comes from /models/demo-clip/ on the app's origin", async ({ page, baseURL }) => {
  const demoDir = path.join(MODELS_DIR, 'demo-clip');
  const { events, digests } = await downloadInPage(page, 'demo-clip', null);
  expect(digests).toEqual(diskDigests(demoDir, TINY_PATHS));
  const total = digests.reduce((sum, file) => sum + file.bytes, 0);
  expectMonotoneToCompletion(events, total, TINY_PATHS.length);
  const urls = await page.evaluate(async (modules) => {
    const { modelCacheUsage } = (await import(modules.cache)) as CacheModule;
    return (await modelCacheUsage()).entries.map((entry) => entry.url).sort();
  }, MODULES);
  expect(urls).toEqual(TINY_PATHS.map((p) => `${baseURL}/models/demo-clip/${p}`).sort());

  // Vite answers a file it lacks with 200 and index.html (its SPA fallback): refused, not stored as a model.
  const fallback = await page.evaluate(async (modules) => {
    const { catalogEntry } = (await import(modules.catalog)) as CatalogModule;
    const { downloadModel } = (await import(modules.download)) as DownloadModule;
    const { modelCacheUsage } = (await import(modules.cache)) as CacheModule;
    const demo = catalogEntry('demo-clip');
    const promising = { ...demo, variants: { ...demo.variants, fp16: { vision: 1, text: 1 } } };
    const message = await downloadModel(promising, 'fp16').then(
      () => 'no error',
      (error: Error) => error.message,
    );
    return { message, urls: (await modelCacheUsage()).entries.map((entry) => entry.url) };
  }, MODULES);
  const file = 'onnx/(vision|text)_model_fp16\\.onnx';
  expect(fallback.message).toMatch(
    new RegExp(`^Downloading ${file} failed: ${baseURL}/models/demo-clip/${file} returned a web page instead of the file`),
  );
  expect(fallback.urls.filter((url) => url.includes('fp16'))).toEqual([]);
});

/** Picks files through a real <input type=file>, as the app will: a folder (webkitdirectory) or single files. */
async function pickLocal(page: Page, paths: string | string[], folder: boolean) {
  await page.evaluate((folder) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'model-pick';
    input.multiple = true;
    input.webkitdirectory = folder;
    document.body.append(input);
  }, folder);
  await page.setInputFiles('#model-pick', paths);
  return page.evaluate(async (modules) => {
    const { modelFilesFromLocal, readLocalModelFiles } = (await import(modules.local)) as LocalModule;
    const input = document.querySelector<HTMLInputElement>('#model-pick')!;
    const selection = modelFilesFromLocal(input.files!);
    input.remove();
    const mapped = [...selection.files].map(([hubPath, file]) => ({ hubPath, picked: file.webkitRelativePath || file.name }));
    const { problem, missing, ignored, variant } = selection;
    if (problem !== null) return { problem, missing, ignored, variant, mapped, sizes: null };
    const files = await readLocalModelFiles(selection);
    return { problem, missing, ignored, variant, mapped, sizes: files.paths.map((p) => [p, files.get(p).byteLength] as const) };
  }, MODULES);
}

test('a picked model folder maps to the hub layout by relative path and reads byte for byte', async ({ page }) => {
  const picked = await pickLocal(page, TINY_DIR, true);
  expect(picked.problem).toBeNull();
  expect(picked.variant).toBe('fp32');
  expect([...picked.mapped].sort((a, b) => a.hubPath.localeCompare(b.hubPath))).toEqual(
    TINY_PATHS.map((p) => ({ hubPath: p, picked: `tiny-vit/${p}` })).sort((a, b) => a.hubPath.localeCompare(b.hubPath)),
  );
  expect([...picked.ignored].sort()).toEqual(['tiny-vit/LICENSE-openai-clip', 'tiny-vit/SOURCE.md']);
  expect(new Map(picked.sizes)).toEqual(new Map(TINY.map((file) => [file.path, file.bytes])));
});

test('a folder without the text tower, or loose files without the tokenizer, says exactly what is missing', async ({ page }) => {
  const incomplete = path.join(mkdtempSync(path.join(tmpdir(), 'cdul-model-')), 'my-clip');
  try {
    cpSync(TINY_DIR, incomplete, { recursive: true });
    rmSync(path.join(incomplete, 'onnx/text_model.onnx'));
    const folder = await pickLocal(page, incomplete, true);
    expect(folder.problem).toBe('missing onnx/text_model.onnx');
    expect(folder.sizes).toBeNull();

    const loose = ['onnx/vision_model.onnx', 'config.json', 'preprocessor_config.json', 'tokenizer_config.json'];
    const files = await pickLocal(page, loose.map((p) => path.join(incomplete, p)), false);
    expect(files.problem).toBe('missing onnx/text_model.onnx, tokenizer.json');
    expect(files.mapped.map((m) => m.hubPath).sort()).toEqual([...loose].sort());
  } finally {
    rmSync(path.dirname(incomplete), { recursive: true, force: true });
  }
});
