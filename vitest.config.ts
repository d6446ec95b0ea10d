import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's `$contract` alias (electron.vite.config.ts), for tests that import renderer modules.
  resolve: { alias: { $contract: resolve(import.meta.dirname, 'electron/contract') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
    environment: 'node',
    // Key derivation (scrypt, 128 MiB) is deliberately slow; give crypto-heavy tests room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
