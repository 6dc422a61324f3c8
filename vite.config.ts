import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use multi-threaded WASM (SharedArrayBuffer).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const ORT_DIST = 'node_modules/onnxruntime-web/dist';
const ORT_FILE = /^ort-wasm-simd-threaded.*\.(wasm|mjs)$/;

/**
 * onnxruntime-web loads its WebAssembly (and the worker glue) by URL at run time. Serve those files at
 * /ort/ in development and emit them there in the build, so `env.wasm.wasmPaths = '/ort/'` works in both
 * (the dependency optimiser would otherwise move the module away from its .wasm files).
 */
function onnxRuntimeAssets(): Plugin {
  return {
    name: 'cdul-onnxruntime-assets',
    configureServer(server) {
      server.middlewares.use('/ort/', (request, response, next) => {
        const name = (request.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!ORT_FILE.test(name)) return next();
        response.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        // onnxruntime starts its WASM threads as workers from these files: in a cross-origin-isolated
        // page, a worker script needs the isolation headers itself, or the browser blocks it.
        for (const [header, value] of Object.entries(isolationHeaders)) response.setHeader(header, value);
        createReadStream(join(ORT_DIST, name)).pipe(response);
      });
    },
    async generateBundle() {
      for (const name of readdirSync(ORT_DIST).filter((file) => ORT_FILE.test(file))) {
        this.emitFile({ type: 'asset', fileName: `ort/${name}`, source: await readFile(join(ORT_DIST, name)) });
      }
    },
  };
}

/** The app's own models (models/tiny-vit, models/demo-clip): what the build must carry besides public/. */
const BUILT_IN_MODELS = ['tiny-vit', 'demo-clip'];

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? filesBelow(dir, path) : [path];
  });
}

/**
 * In development Vite serves the project root, so /models/<id>/ is the models/ folder itself. A build
 * copies only public/, so the built-in models are emitted at the same URLs (the catalog's appPath).
 */
function builtInModels(): Plugin {
  return {
    name: 'cdul-built-in-models',
    apply: 'build',
    async generateBundle() {
      for (const model of BUILT_IN_MODELS) {
        for (const path of filesBelow(join('models', model))) {
          this.emitFile({ type: 'asset', fileName: `models/${model}/${path}`, source: await readFile(join('models', model, path)) });
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), onnxRuntimeAssets(), builtInModels()],
  server: { port: 5173, strictPort: false, headers: isolationHeaders },
  preview: { port: 4173, headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
});
