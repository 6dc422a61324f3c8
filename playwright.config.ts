import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 5199);
/** The production build (`vite build` + `vite preview`), for e2e/production-build.spec.ts. */
export const previewPort = port + 1000;
const buildDir = `.test-output/dist-${port}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  // Above Playwright's 5 s: CI shares 2 cores with whatever else runs. Waits on long work (a run, a
  // reopen after reload) follow the app's state with their own limits (e2e/support/workspace-page.ts).
  expect: { timeout: 20_000 },
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: [
    {
      command: `npx vite --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir ${buildDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${buildDir} --port ${previewPort} --strictPort`,
      url: `http://localhost:${previewPort}`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
    },
  ],
});
