import { defineConfig } from '@playwright/test';

// End-to-end journeys of the browser extension in Debian's Chromium (see tests/extension/support).
// One worker: the machine's two cores are shared, and every spec shares one browser.
export default defineConfig({
  // The extension's journeys, and the security specs that run the built extension in a browser.
  testDir: 'tests',
  testMatch: ['extension/**/*.spec.ts', 'security/**/*.spec.ts'],
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/extension',
  use: { trace: 'retain-on-failure' },
});
