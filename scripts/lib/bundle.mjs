// Bundles a TypeScript entry that uses the core into one Node ESM file (Vite, SSR mode), for
// scripts that run core code outside the app: npm run bench and npm run calibrate.
import { join } from 'node:path';
import { root } from './build.mjs';

/** Bundles `entry` into .cache/NAME/NAME.mjs (inside the project, so package imports resolve); returns its path. */
export async function bundleForNode(entry, name) {
  const { build } = await import('vite');
  const outDir = join(root, '.cache', name);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
    ssr: { external: ['better-sqlite3-multiple-ciphers', 'sharp', 'zod', 'saxes', 'csv-parse', 'fflate'] },
  });
  return join(outDir, `${name}.mjs`);
}
