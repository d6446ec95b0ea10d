import { defineConfig } from '@playwright/test';

/** Debian's Chromium (apt install chromium); Playwright's own browser download cannot work offline. */
export const chromiumLaunch = {
  executablePath: process.env.AXIS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};

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
