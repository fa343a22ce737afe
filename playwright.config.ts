import { defineConfig } from '@playwright/test';

// End-to-end journeys of the browser extension in Debian's Chromium (see tests/extension/support).
// One worker: the machine's two cores are shared, and every spec shares one browser.
export default defineConfig({
  testDir: 'tests/extension',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/extension',
  use: { trace: 'retain-on-failure' },
});
