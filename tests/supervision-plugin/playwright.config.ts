import { defineConfig } from '@playwright/test';

// Real-VS-Code journeys: code-server (from scripts/ensure-code-server.sh) driven in Debian's
// Chromium. One worker: each journey starts its own code-server, and the machine has two cores.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '../../test-results/supervision-plugin',
  use: {
    viewport: { width: 1400, height: 900 },
    actionTimeout: 30_000,
  },
});
