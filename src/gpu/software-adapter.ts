/** What an adapter says of itself (GPUAdapterInfo plus the fallback flag), as far as choosing a backend needs. */
export interface AdapterIdentity {
  readonly vendor: string;
  readonly architecture: string;
  readonly description?: string;
  readonly isFallbackAdapter: boolean;
}

/**
 * A software adapter: the browser's fallback adapter, or SwiftShader (Chromium's CPU renderer, which
 * reports vendor 'google', architecture 'swiftshader' and, in headless Chromium, isFallbackAdapter).
 * Correct, but a CLIP image encoder runs on it tens of times slower than on WebAssembly.
 */
export function isSoftwareAdapter(adapter: AdapterIdentity): boolean {
  return adapter.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software/i.test(`${adapter.vendor} ${adapter.architecture} ${adapter.description ?? ''}`);
}

/** "google · swiftshader" (what the GPU panel shows too). */
export function adapterName(adapter: AdapterIdentity): string {
  return [adapter.vendor || 'unknown vendor', adapter.architecture || 'unknown architecture'].join(' · ');
}
