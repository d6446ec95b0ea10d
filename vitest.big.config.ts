import { defineConfig } from 'vitest/config';

/** `npm run test:big`: the slow tests on generated files of hundreds of MB, kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/big/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
  },
});
