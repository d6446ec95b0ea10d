import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './scripts/lib/chromium.mjs';

/** The Chromium found by scripts/lib/chromium.mjs (AXIS_CHROMIUM, Playwright's, the system's, or @sparticuz/chromium). */
export const chromiumLaunch = chromiumLaunchOptions();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // One retry: these machines are shared and noisy. A test that passes only on its retry is still
  // reported as flaky in the output, so it gets looked at rather than hidden.
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1180, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
