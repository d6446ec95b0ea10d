import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './electron/core/security/csp';

const root = import.meta.dirname;
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/**
 * Writes the app's one CSP into index.html as a meta tag too (defence in depth, and it holds when
 * the file is opened some other way). frame-ancestors is ignored in meta tags, so it is left out.
 */
function cspMetaTag(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'axis-csp-meta',
    transformIndexHtml: (html) => html.replace('%AXIS_CSP%', policy),
  };
}

export default defineConfig({
  // Main-process build also emits the plain-Node web host and CLI: they share
  // the core, and building them here keeps one build command for everything that ships.
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'electron/web/main.ts'),
          cli: resolve(root, 'electron/cli/main.ts'),
          insightsWorker: resolve(root, 'electron/core/insights/worker.ts'),
          importWorker: resolve(root, 'electron/core/importers/worker.ts'),
          jsonImportWorker: resolve(root, 'electron/core/data/importWorker.ts'),
          rekeyWorker: resolve(root, 'electron/core/db/rekeyWorker.ts'),
        },
      },
    },
  },
  // Sandboxed preloads cannot load ES modules or other files: one self-contained CommonJS file.
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    // Icons and bell sounds made by the project live in resources/ and are served as-is.
    publicDir: resolve(root, 'resources'),
    // `$contract` is the one way the renderer names the shared contract (see docs/architecture.md).
    resolve: { alias: { $contract: resolve(root, 'electron/contract') } },
    plugins: [svelte(), cspMetaTag()],
    define,
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Inline assets would need data: URIs in script/style positions; keep every asset a file.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
