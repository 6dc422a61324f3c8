import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview, type Plugin } from 'vite';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { HubServer } from '../e2e/support/hub-server';
import type { Figures } from './init/bench-protocol';
import { VOC_MINI_PATH } from './init/bench-setup';
import { PEER_ORT_PATH, PEER_REPO } from './init/transformersjs-setup';
import { freePort } from './built-page';

/**
 * `init.*`: the browser pipeline measured in Debian's Chromium (the e2e tests' binary and flags).
 * The bench page (bench/init/index.html) is built with the app's Vite config into a temporary folder
 * and served by `vite preview`: a production build is what users run, and there a worker is one
 * script, while the dev server makes every new prepare worker fetch and revalidate dozens of modules
 * (hundreds of ms per run, not the pipeline's cost). A private server on a free port also cannot be
 * reloaded by edits elsewhere in the tree. voc-mini and the models are served from the source tree;
 * the peer, transformers.js, gets tiny-vit from a local stand-in for the Hugging Face hub (the e2e
 * tests' HubServer, serving models/tiny-vit in the hub layout) and nothing from the network.
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
    const hub = await HubServer.start({ [PEER_REPO]: 'models/tiny-vit' });
    try {
      const figures = await measureInChromium(`http://localhost:${port}/bench/init/index.html`, hub.url);
      return { ...figures, 'init.peer_transformersjs_hub_requests': hub.requestCount() };
    } finally {
      await Promise.all([server.close(), hub.close()]);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function measureInChromium(url: string, hubUrl: string): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[init-bench]') || message.type() === 'error') process.stderr.write(`${message.text()}\n`);
    });
    page.on('pageerror', (error) => process.stderr.write(`[init-bench] page error: ${error.message}\n`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.cdulInitBench === 'function', undefined, { timeout: 60_000 });
    return await page.evaluate((hub) => window.cdulInitBench!(hub), hubUrl);
  } finally {
    await browser.close();
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.onnx': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript',
};
/** Served from the source tree as they are. */
const SOURCE_FOLDERS = [VOC_MINI_PATH, '/models/', '/e2e/fixtures/pillow-decode/'];
/** transformers.js's own onnxruntime-web (a version of its choosing, nested under it unless it matches the lab's). */
const PEER_ORT_DIST = ['node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist', 'node_modules/onnxruntime-web/dist'].find((dir) =>
  existsSync(join(dir, 'ort-wasm-simd-threaded.asyncify.wasm')),
);

/**
 * voc-mini (with the files.json index the HTTP dataset source needs), models/ and the Pillow crops,
 * from the source tree; transformers.js's onnxruntime files at PEER_ORT_PATH, with the cross-origin
 * isolation headers its threads' worker scripts need (vite.config.ts does the same for the lab's).
 */
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
        const peerOrt = path.startsWith(PEER_ORT_PATH) && PEER_ORT_DIST !== undefined;
        const file = peerOrt ? join(PEER_ORT_DIST, path.slice(PEER_ORT_PATH.length)) : join('.', path);
        const served = (peerOrt || SOURCE_FOLDERS.some((folder) => path.startsWith(folder))) && !path.includes('..');
        if (!served || !existsSync(file) || !statSync(file).isFile()) return next();
        response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
        response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
        response.end(readFileSync(file));
      });
    },
  };
}
