/**
 * How the end-to-end tests launch Chromium: Debian's build (no Playwright browser download, which is
 * impossible offline), with WebGPU enabled. SwiftShader gives a real, if slow, WebGPU adapter headless.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
