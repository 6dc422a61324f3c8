import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build, preview, type Plugin } from 'vite';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';

/**
 * Builds `html` (a page of this repo) with the app's Vite config into a temporary folder, serves it
 * with `vite preview` on a free port (a production build: what users run, and no dev server that edits
 * elsewhere could reload), opens it in Debian's Chromium (the e2e tests' binary and flags) and runs
 * `measure` on the page at `path`. Everything is torn down afterwards.
 */
export async function withBuiltPage<T>(
  html: string,
  path: string,
  measure: (page: Page) => Promise<T>,
  plugins: Plugin[] = [],
  options: { readonly persistentProfile?: boolean } = {},
): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'cdul-bench-page-'));
  try {
    process.stderr.write(`[bench] building ${html}\n`);
    await build({
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { input: resolve(html) } },
    });
    const port = await freePort();
    const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true }, plugins });
    const browser = await openBrowser(options.persistentProfile ?? false);
    try {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`[bench] page error: ${error.message}\n`));
      await page.goto(`http://localhost:${port}${path}`);
      return await measure(page);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * A browser context: a fresh incognito one, or (`persistent`) a profile on disk in a temporary folder —
 * what a user has, and the only kind whose IndexedDB holds gigabytes (an incognito context's storage
 * lives in memory: headless Chromium refused writes past ~1.5 GB in it, whatever the quota said).
 */
async function openBrowser(persistent: boolean): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const launch = { executablePath: chromiumPath, args: chromiumArgs };
  const viewport = { width: 1280, height: 800 };
  if (!persistent) {
    const browser = await chromium.launch(launch);
    return { context: await browser.newContext({ viewport }), close: () => browser.close() };
  }
  const profile = mkdtempSync(join(tmpdir(), 'cdul-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launch, viewport });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
