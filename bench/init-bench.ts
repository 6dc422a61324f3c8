import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview, type Plugin } from 'vite';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import type { Figures } from './init/bench-protocol';
import { VOC_MINI_PATH } from './init/bench-setup';
import { freePort } from './built-page';

/**
 * `init.*`: the browser pipeline measured in Debian's Chromium (the e2e tests' binary and flags).
 * The bench page (bench/init/index.html) is built with the app's Vite config into a temporary folder
 * and served by `vite preview`: a production build is what users run, and there a worker is one
 * script, while the dev server makes every new prepare worker fetch and revalidate dozens of modules
 * (hundreds of ms per run, not the pipeline's cost). A private server on a free port also cannot be
 * reloaded by edits elsewhere in the tree. voc-mini and the models are served from the source tree.
 */
export async function initBench(): Promise<Figures> {
  const outDir = mkdtempSync(join(tmpdir(), 'cdul-bench-init-'));
  try {
    process.stderr.write('[init-bench] building the bench page\n');
    await build({
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, copyPublicDir: false, rolldownOptions: { input: resolve('bench/init/index.html') } },
    });
    const port = await freePort();
    const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true }, plugins: [sourceFiles()] });
    try {
      return await measureInChromium(`http://localhost:${port}/bench/init/index.html`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function measureInChromium(url: string): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[init-bench]') || message.type() === 'error') process.stderr.write(`${message.text()}\n`);
    });
    page.on('pageerror', (error) => process.stderr.write(`[init-bench] page error: ${error.message}\n`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.cdulInitBench === 'function', undefined, { timeout: 60_000 });
    return await page.evaluate(() => window.cdulInitBench!());
  } finally {
    await browser.close();
  }
}

const CONTENT_TYPES: Record<string, string> = { '.json': 'application/json', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.onnx': 'application/octet-stream' };

/** voc-mini (with the files.json index the HTTP dataset source needs) and models/, from the source tree. */
function sourceFiles(): Plugin {
  const vocMini = `.${VOC_MINI_PATH}`;
  return {
    name: 'cdul-bench-source-files',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
        if (path === `${VOC_MINI_PATH}files.json`) {
          const files = ['Annotations', 'JPEGImages'].flatMap((sub) => readdirSync(join(vocMini, sub)).map((name) => `${sub}/${name}`));
          response.setHeader('Content-Type', 'application/json');
          return response.end(JSON.stringify({ files: files.sort() }));
        }
        const file = join('.', path);
        const served = (path.startsWith(VOC_MINI_PATH) || path.startsWith('/models/')) && !path.includes('..');
        if (!served || !existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        response.end(readFileSync(file));
      });
    },
  };
}
