import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use multi-threaded WASM (SharedArrayBuffer) later on.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false, headers: isolationHeaders },
  preview: { port: 4173, headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: true },
});
