import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './playwright.config';

/** `npm run screenshots`: a PNG of every view, light and dark, in screenshots/ (git-ignored). */
export default defineConfig({
  testDir: 'tests/screenshots',
  outputDir: 'test-results/screenshots',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: { browserName: 'chromium', launchOptions: chromiumLaunch, viewport: { width: 1180, height: 820 } },
});
