import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page, type Request } from '@playwright/test';
import { createNodeFileSource } from '../src/cli/node-file-source';
import { loadVocDataset } from '../src/core/voc';
import { loadedDataset } from '../src/worker/file-sources/__fixtures__/loaded-dataset';
import type { LoadedSummary } from '../src/worker/file-sources/__fixtures__/load-in-worker';
import {
  CONTRACT_TREE,
  observeSource,
  type Observations,
} from '../src/worker/file-sources/__fixtures__/source-contract';

/**
 * The browser FileSource adapters in Chromium itself: the page imports them from the Vite dev server
 * (which compiles TypeScript on request) and drives them over real OPFS folders, real `File`s, a real
 * `<input webkitdirectory>` and real HTTP. The Node adapter and the Node VOC reader are the reference.
 */

// Module URLs as the dev server serves them, passed into the page (the page cannot resolve TS paths).
const MODULES = {
  sources: '/src/worker/file-sources/index.ts',
  voc: '/src/core/voc/index.ts',
  dataError: '/src/core/data-error.ts',
  contract: '/src/worker/file-sources/__fixtures__/source-contract.ts',
  loaded: '/src/worker/file-sources/__fixtures__/loaded-dataset.ts',
  worker: '/src/worker/file-sources/__fixtures__/load-in-worker.ts',
} as const;
type Sources = typeof import('../src/worker/file-sources');
type Voc = typeof import('../src/core/voc');
type DataErrors = typeof import('../src/core/data-error');
type Contract = typeof import('../src/worker/file-sources/__fixtures__/source-contract');
type Loaded = typeof import('../src/worker/file-sources/__fixtures__/loaded-dataset');

const VOC_MINI = 'e2e/fixtures/voc-mini';
const DEMO = 'public/demo/voc-demo';
/** The OPFS folder the tests build (removed first, so every test starts clean). */
const OPFS_ROOT = 'cdul-e2e';
/** A handful of voc-mini images: a copy of them is a real VOC folder in OPFS. */
const OPFS_IDS = ['2007_000027', '2007_000032', '2007_000033', '2007_000039', '2007_000042'];

/**
 * A blank page on the dev server's origin, served by the test rather than the app: the app page loads
 * Vite's HMR client, and any edit to a module it uses (or the dependency optimiser finishing a late
 * bundle) reloads it, destroying a running page.evaluate. Module imports still go to Vite.
 */
async function openBlankPage(page: Page): Promise<void> {
  await page.route('**/file-sources-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>file sources</title>' }),
  );
  await page.goto('/file-sources-test.html');
  // The first import after the server starts may meet the dependency optimiser re-bundling (Vite then
  // answers 504 "Outdated Optimize Dep" for the old bundle): that happens here, and a fresh page retries.
  const warmUp = () =>
    page.evaluate(async (modules) => {
      await Promise.all([import(modules.sources), import(modules.voc)]);
    }, MODULES);
  await warmUp().catch(async () => {
    await page.reload();
    await warmUp();
  });
}

type TreeFile = { readonly text: string } | { readonly url: string };

/** Writes files into OPFS under `root` (emptied first), each from text or fetched from the dev server. */
async function buildOpfsTree(page: Page, root: string, files: Record<string, TreeFile>): Promise<void> {
  await page.evaluate(
    async ({ root, files }) => {
      const storage = await navigator.storage.getDirectory();
      await storage.removeEntry(root, { recursive: true }).catch(() => undefined);
      const write = async (path: string, content: TreeFile) => {
        const names = [root, ...path.split('/')];
        const name = names.pop()!;
        let dir = storage;
        for (const folder of names) dir = await dir.getDirectoryHandle(folder, { create: true });
        const data = 'text' in content ? content.text : await (await fetch(content.url)).arrayBuffer();
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(data);
        await writable.close();
      };
      await Promise.all(Object.entries(files).map(([path, content]) => write(path, content)));
    },
    { root, files },
  );
}

/** The voc-mini subset as VOCdevkit/VOC2012 beside a decoy folder, as users unpack VOC. */
function vocDevkitTree(): Record<string, TreeFile> {
  const tree: Record<string, TreeFile> = { 'notes/readme.txt': { text: 'not VOC' } };
  for (const id of OPFS_IDS) {
    tree[`VOCdevkit/VOC2012/Annotations/${id}.xml`] = { url: `/${VOC_MINI}/Annotations/${id}.xml` };
    tree[`VOCdevkit/VOC2012/JPEGImages/${id}.jpg`] = { url: `/${VOC_MINI}/JPEGImages/${id}.jpg` };
  }
  return tree;
}

/** A real `<input type=file webkitdirectory>` given a folder by Playwright (≥ 1.45 can). */
async function pickFolder(page: Page, folder: string): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('#pick-folder')?.remove();
    const input = Object.assign(document.createElement('input'), { type: 'file', webkitdirectory: true });
    input.id = 'pick-folder';
    document.body.append(input);
  });
  await page.setInputFiles('#pick-folder', folder);
}

async function nodeContract(): Promise<Observations> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cdul-contract-'));
  try {
    for (const [file, text] of Object.entries(CONTRACT_TREE)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    return await observeSource(createNodeFileSource(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One blank page per Playwright worker, not one per test: a new browser context and the ~80 module
 * requests of the first imports cost more than most tests here. Each test rebuilds what it uses (its
 * OPFS folder, its file input) and its routes are removed after it; after a failure Playwright starts
 * a fresh worker, so a broken page is not inherited.
 */
const test = base.extend<Record<never, never>, { blankPage: Page }>({
  blankPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await openBlankPage(page);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ blankPage }, use) => {
    await use(blankPage);
    await blankPage.unrouteAll({ behavior: 'ignoreErrors' });
  },
});

test('each adapter lists, reads and refuses exactly as the Node adapter does', async ({ page }) => {
  const reference = await nodeContract();
  expect(reference["readText('Annotations/zzz.xml')"]).toEqual({
    file: '<root>/Annotations/zzz.xml',
    problem: 'file not found',
  });
  // The HTTP adapter needs the tree on a server, with its files.json: the test serves it (only here).
  const served: Record<string, string> = {
    ...CONTRACT_TREE,
    'files.json': JSON.stringify({ files: Object.keys(CONTRACT_TREE).sort() }),
  };
  await page.route('**/contract-tree/**', (route) => {
    const file = decodeURIComponent(new URL(route.request().url()).pathname.replace('/contract-tree/', ''));
    const body = served[file];
    return route.fulfill(body === undefined ? { status: 404 } : { body, contentType: 'text/plain' });
  });
  const textTree = Object.fromEntries(Object.entries(CONTRACT_TREE).map(([file, text]) => [file, { text }]));
  await buildOpfsTree(page, OPFS_ROOT, textTree);

  const observed = await page.evaluate(
    async ({ modules, root, tree }) => {
      const sources = (await import(modules.sources)) as Sources;
      const { observeSource } = (await import(modules.contract)) as Contract;
      const handle = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
      const files = Object.entries(tree).map(([path, text]) => {
        const file = new File([text], path.split('/').pop()!);
        // Read-only on File.prototype; an own property shadows the getter (and is not cloned).
        Object.defineProperty(file, 'webkitRelativePath', { value: `picked/${path}` });
        return file;
      });
      return {
        handle: await observeSource(sources.createDirectoryHandleSource(handle)),
        files: await observeSource(sources.createFileListSource(files)),
        http: await observeSource(sources.createHttpIndexSource('/contract-tree/')),
      };
    },
    { modules: MODULES, root: OPFS_ROOT, tree: CONTRACT_TREE },
  );
  expect(observed.handle).toEqual(reference);
  expect(observed.files).toEqual(reference);
  expect(observed.http).toEqual(reference);
});

test('stamps: a folder handle, a FileList and Node give a file\'s size and time, and an overwrite changes them', async ({ page }) => {
  await buildOpfsTree(page, OPFS_ROOT, { 'JPEGImages/a.jpg': { text: 'one' } });
  const observed = await page.evaluate(
    async ({ modules, root }) => {
      const sources = (await import(modules.sources)) as Sources;
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
      const source = sources.subSource(sources.createDirectoryHandleSource(folder), 'JPEGImages');
      const before = await source.stamp!('a.jpg');
      await new Promise((resolve) => setTimeout(resolve, 20)); // a later lastModified
      const writable = await (await (await folder.getDirectoryHandle('JPEGImages')).getFileHandle('a.jpg')).createWritable();
      await writable.write('three!');
      await writable.close();
      const after = await source.stamp!('a.jpg');
      const file = Object.assign(new File(['four'], 'b.jpg', { lastModified: 1_234 }));
      Object.defineProperty(file, 'webkitRelativePath', { value: 'picked/b.jpg' });
      const list = sources.createFileListSource([file]);
      return {
        before,
        after,
        missing: await source.stamp!('zzz.jpg'),
        listed: await list.stamp!('b.jpg'),
        unlisted: await list.stamp!('c.jpg'),
      };
    },
    { modules: MODULES, root: OPFS_ROOT },
  );
  expect(observed.before?.size).toBe(3);
  expect(observed.after?.size).toBe(6);
  expect(observed.after!.lastModified).toBeGreaterThan(observed.before!.lastModified);
  expect(observed.missing).toBeNull();
  expect(observed.listed).toEqual({ size: 4, lastModified: 1_234 });
  expect(observed.unlisted).toBeNull();
  // The Node adapter, the CLI's: fs.stat.
  const dir = await mkdtemp(path.join(tmpdir(), 'cdul-stamp-'));
  try {
    await writeFile(path.join(dir, 'a.jpg'), 'one');
    const node = createNodeFileSource(dir);
    expect((await node.stamp!('a.jpg'))?.size).toBe(3);
    expect(await node.stamp!('zzz.jpg')).toBeNull();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('directory handle: detectLayout finds VOC one and two levels down, then the VOC reader', async ({ page }) => {
  await buildOpfsTree(page, OPFS_ROOT, vocDevkitTree());
  const result = await page.evaluate(
    async ({ modules, root }) => {
      const { createDirectoryHandleSource, detectLayout } = (await import(modules.sources)) as Sources;
      const { loadVocDataset } = (await import(modules.voc)) as Voc;
      const { DataError } = (await import(modules.dataError)) as DataErrors;
      const { loadedDataset } = (await import(modules.loaded)) as Loaded;
      const picked = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
      const devkit = await picked.getDirectoryHandle('VOCdevkit');
      const rootPath = async (handle: FileSystemDirectoryHandle) =>
        (await detectLayout(createDirectoryHandleSource(handle)))?.path ?? null;
      const paths = {
        twoDown: await rootPath(picked),
        oneDown: await rootPath(devkit),
        itself: await rootPath(await devkit.getDirectoryHandle('VOC2012')),
        none: await rootPath(await picked.getDirectoryHandle('notes')),
      };

      const voc = (await detectLayout(createDirectoryHandleSource(picked)))!.source;
      const loaded = loadedDataset(await loadVocDataset(voc));
      const missing = await voc.readText('Annotations/2099_000001.xml').then(String, (error: unknown) =>
        error instanceof DataError ? error.message : `not a DataError: ${String(error)}`,
      );
      const jpeg = await voc.readBytes('JPEGImages/2007_000027.jpg');
      return { paths, loaded, missing, jpeg: { bytes: jpeg.byteLength, start: [jpeg[0], jpeg[1]] } };
    },
    { modules: MODULES, root: OPFS_ROOT },
  );

  expect(result.paths).toEqual({ twoDown: 'VOCdevkit/VOC2012', oneDown: 'VOC2012', itself: '', none: null });
  const reference = loadedDataset(await loadVocDataset(createNodeFileSource(VOC_MINI)), OPFS_IDS);
  expect(result.loaded).toEqual({
    ...reference,
    root: `${OPFS_ROOT}/VOCdevkit/VOC2012`,
    warnings: [`no ImageSets/Main: images listed from Annotations/ (${OPFS_IDS.length} files)`],
  });
  expect(result.loaded.ids).toEqual(OPFS_IDS);
  expect(result.loaded.classes).toHaveLength(20);
  expect(result.loaded.rows['2007_000027']![result.loaded.classes.indexOf('person')]).toBe(1);
  expect(result.missing).toBe(`${OPFS_ROOT}/VOCdevkit/VOC2012/Annotations/2099_000001.xml: file not found`);
  const onDisk = await readFile(path.join(VOC_MINI, 'JPEGImages/2007_000027.jpg'));
  expect(result.jpeg).toEqual({ bytes: onDisk.byteLength, start: [0xff, 0xd8] });
});

test('file list: a real <input webkitdirectory> given voc-mini reads as a VOC folder', async ({ page }) => {
  await pickFolder(page, VOC_MINI);
  const result = await page.evaluate(
    async ({ modules }) => {
      const { createFileListSource, detectLayout } = (await import(modules.sources)) as Sources;
      const { loadVocDataset } = (await import(modules.voc)) as Voc;
      const { loadedDataset } = (await import(modules.loaded)) as Loaded;
      const files = document.querySelector<HTMLInputElement>('#pick-folder')!.files!;
      const source = createFileListSource(files);
      const jpegs = await source.listFiles('JPEGImages');
      return {
        picked: files.length,
        label: source.label,
        rootFiles: await source.listFiles(''),
        rootDirs: await source.listDirs(''),
        jpegs: jpegs.filter((name) => name.endsWith('.jpg')).length,
        xmls: (await source.listFiles('Annotations')).filter((name) => name.endsWith('.xml')).length,
        vocRoot: (await detectLayout(source))?.path ?? null,
        loaded: loadedDataset(await loadVocDataset(source)),
        firstJpegBytes: (await source.readBytes(`JPEGImages/${jpegs[0]!}`)).byteLength,
      };
    },
    { modules: MODULES },
  );

  expect(result).toMatchObject({ picked: 202, label: 'voc-mini', jpegs: 100, xmls: 100, vocRoot: '' });
  expect(result.rootFiles).toEqual(['MANIFEST.sha256', 'SOURCE.md']);
  expect(result.rootDirs).toEqual(['Annotations', 'JPEGImages']);
  expect(result.loaded.ids).toHaveLength(100);
  expect(result.loaded.classes).toHaveLength(20);
  const reference = loadedDataset(await loadVocDataset(createNodeFileSource(VOC_MINI)));
  expect(result.loaded).toEqual({ ...reference, root: 'voc-mini' });
  const firstJpeg = await readFile(path.join(VOC_MINI, 'JPEGImages', `${reference.ids[0]!}.jpg`));
  expect(result.firstJpegBytes).toBe(firstJpeg.byteLength);
});

test('file list: VOC trainval-sized (11,540 images, 23,080 files) indexes in well under 100 ms', async ({
  page,
}) => {
  const timing = await page.evaluate(
    async ({ modules }) => {
      const { createFileListSource } = (await import(modules.sources)) as Sources;
      // `new File` costs ~0.2 ms each here (4 s for 23,080); clones of one File are real Files too.
      const empty = new File([], 'empty');
      const files: File[] = [];
      for (let i = 11_539; i >= 0; i--) {
        const id = `2008_${String(i).padStart(6, '0')}`;
        for (const relative of [`VOC2012/JPEGImages/${id}.jpg`, `VOC2012/Annotations/${id}.xml`]) {
          const file = structuredClone(empty);
          Object.defineProperty(file, 'webkitRelativePath', { value: relative });
          files.push(file);
        }
      }
      // The best of three: one number that a busy machine's pauses do not inflate.
      const runs: number[] = [];
      let listing: string[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        listing = await createFileListSource(files).listFiles('Annotations');
        runs.push(performance.now() - start);
      }
      return { runs, count: listing.length, first: listing[0], last: listing.at(-1) };
    },
    { modules: MODULES },
  );
  const description = `index + first sorted listing: ${timing.runs.map((ms) => ms.toFixed(1)).join(', ')} ms`;
  test.info().annotations.push({ type: 'timing', description });
  expect(timing).toMatchObject({ count: 11_540, first: '2008_000000.xml', last: '2008_011539.xml' });
  expect(Math.min(...timing.runs)).toBeLessThan(100);
});

test('http index: the shipped demo dataset reads lazily (files.json once, no image fetched)', async ({
  page,
  baseURL,
}) => {
  const requested: string[] = [];
  const record = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/demo/voc-demo/')) requested.push(pathname.slice('/demo/voc-demo/'.length));
  };
  page.on('request', record);
  const result = await page.evaluate(
    async ({ modules }) => {
      const { createHttpIndexSource } = (await import(modules.sources)) as Sources;
      const { loadVocDataset } = (await import(modules.voc)) as Voc;
      const { loadedDataset } = (await import(modules.loaded)) as Loaded;
      const source = createHttpIndexSource('/demo/voc-demo/');
      const loaded = loadedDataset(await loadVocDataset(source, { split: 'val' }));
      return {
        label: source.label,
        rootDirs: await source.listDirs(''),
        rootFiles: await source.listFiles(''),
        loaded,
      };
    },
    { modules: MODULES },
  );
  page.off('request', record);
  const demoUrl = new URL('/demo/voc-demo/', baseURL).href;
  expect(result.label).toBe(demoUrl);
  expect(result.rootDirs).toEqual(['Annotations', 'ImageSets', 'JPEGImages']);
  expect(result.rootFiles).toEqual(['SOURCE.md']);
  expect(result.loaded.ids).toHaveLength(100);
  expect(result.loaded.classes).toHaveLength(20);
  const reference = loadedDataset(await loadVocDataset(createNodeFileSource(DEMO), { split: 'val' }));
  expect(result.loaded).toEqual({ ...reference, root: demoUrl });

  expect(requested.filter((file) => file === 'files.json')).toHaveLength(1);
  expect(requested.filter((file) => file.startsWith('JPEGImages/'))).toEqual([]);
  expect(requested.filter((file) => file.startsWith('Annotations/'))).toHaveLength(100);
});

test('http index: a missing file is a DataError naming its URL (unlisted, 404, SPA fallback, no index)', async ({
  page,
  baseURL,
}) => {
  // Vite, like most single-page-app servers, never says 404: a missing path gets index.html and 200.
  // One listed file is made a real 404 here; the fallback page is the dev server's own answer.
  await page.route('**/demo/voc-demo/JPEGImages/demo_000003.jpg', (route) => route.fulfill({ status: 404 }));
  await page.route('**/e2e/fixtures/voc-mini/files.json', (route) =>
    route.fulfill({ json: { files: ['Annotations/2007_000027.xml', 'Annotations/gone.xml'] } }),
  );
  const messages = await page.evaluate(
    async ({ modules }) => {
      const { createHttpIndexSource } = (await import(modules.sources)) as Sources;
      const { DataError } = (await import(modules.dataError)) as DataErrors;
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          () => 'resolved',
          (error: unknown) => (error instanceof DataError ? error.message : `not a DataError: ${String(error)}`),
        );
      const demo = createHttpIndexSource('/demo/voc-demo'); // no trailing '/': still the folder
      const mini = createHttpIndexSource('/e2e/fixtures/voc-mini/');
      return {
        unlisted: await failure(demo.readText('Annotations/demo_999999.xml')),
        notFound: await failure(demo.readBytes('JPEGImages/demo_000003.jpg')),
        fallbackPage: await failure(mini.readText('Annotations/gone.xml')),
        listedAndThere: (await mini.readText('Annotations/2007_000027.xml')).includes('<annotation>'),
        noIndex: await failure(createHttpIndexSource('/e2e/fixtures/').listFiles('voc-mini')),
      };
    },
    { modules: MODULES },
  );
  const url = (file: string) => new URL(file, baseURL).href;
  const webPage = 'file not found (the server sent a web page instead)';
  expect(messages).toEqual({
    unlisted: `${url('/demo/voc-demo/Annotations/demo_999999.xml')}: file not found (not in files.json)`,
    notFound: `${url('/demo/voc-demo/JPEGImages/demo_000003.jpg')}: file not found (HTTP 404)`,
    fallbackPage: `${url('/e2e/fixtures/voc-mini/Annotations/gone.xml')}: ${webPage}`,
    listedAndThere: true,
    noIndex: `${url('/e2e/fixtures/files.json')}: ${webPage}`,
  });
});

test('in a dedicated worker: a folder handle, a FileList and a URL each load as VOC', async ({
  page,
  baseURL,
}) => {
  await buildOpfsTree(page, OPFS_ROOT, vocDevkitTree());
  await pickFolder(page, VOC_MINI);
  const summaries = await page.evaluate(
    async ({ modules, root }) => {
      const handle = await (await navigator.storage.getDirectory()).getDirectoryHandle(root);
      const files = document.querySelector<HTMLInputElement>('#pick-folder')!.files!;
      const worker = new Worker(modules.worker, { type: 'module' });
      try {
        return await new Promise<unknown>((resolve, reject) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
          // Handles and Files are structured-cloneable: the worker gets them, not their contents.
          worker.postMessage({ handle, files, url: '/demo/voc-demo/' });
        });
      } finally {
        worker.terminate();
      }
    },
    { modules: MODULES, root: OPFS_ROOT },
  );
  const summary = (adapter: string, root: string, rootPath: string, images: number): LoadedSummary => ({
    adapter,
    root,
    rootPath,
    images,
    classes: 20,
    skipped: 0,
  });
  expect(summaries).toEqual([
    summary('directory handle', `${OPFS_ROOT}/VOCdevkit/VOC2012`, 'VOCdevkit/VOC2012', OPFS_IDS.length),
    summary('file list', 'voc-mini', '', 100),
    summary('http index', new URL('/demo/voc-demo/', baseURL).href, '', 100),
  ]);
});
