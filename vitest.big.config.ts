import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** `npm run test:big`: the slow tests on generated files of hundreds of MB, kept out of `npm test`. */
export default defineConfig({
  // The renderer's `$contract` alias (electron.vite.config.ts), for tests that import renderer modules.
  resolve: { alias: { $contract: resolve(import.meta.dirname, 'electron/contract') } },
  test: {
    include: ['tests/big/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
  },
});
