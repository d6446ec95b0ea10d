import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.mjs';

/** `npm run screenshots`: a PNG of every view, light and dark, in screenshots/ (git-ignored). */
export default defineConfig({
  testDir: 'tests/screenshots',
  outputDir: 'test-results/screenshots',
  timeout: 120_000,
  // As in playwright.config.ts: unlocking (scrypt, 128 MiB) takes seconds on a busy machine.
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions(), viewport: { width: 1180, height: 820 } },
});
