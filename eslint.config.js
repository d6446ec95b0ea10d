// ESLint: correctness rules for TypeScript and Svelte, plus the project's architecture as rules
// (docs/architecture.md): which layer may import what, how the renderer reaches the backend, and no
// import cycles. Formatting is Prettier's (eslint-config-prettier switches off ESLint's style rules).
import { join } from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** `import … from 'electron'` in any form, for the layers that must run under plain Node. */
const NO_ELECTRON = {
  paths: [{ name: 'electron', message: 'core, contract and web run under plain Node: no Electron here.' }],
  patterns: [{ group: ['electron/*'], message: 'core, contract and web run under plain Node: no Electron here.' }],
};
const NO_ELECTRON_DYNAMIC = [
  {
    selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]',
    message: 'core, contract and web run under plain Node: no Electron here.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\u002F|$)/]",
    message: 'core, contract and web run under plain Node: no Electron here.',
  },
];

/** The renderer talks to the backend only through lib/api.ts: no bridge, no /api calls. */
const BACKEND_ONLY_THROUGH_API = [
  {
    selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='axis']",
    message: 'Reach the backend through lib/api.ts, not window.axis.',
  },
  {
    selector: "CallExpression[callee.name='fetch'] > Literal[value=/^\\u002Fapi/]",
    message: 'Reach the backend through lib/api.ts, not fetch("/api/…").',
  },
  {
    selector: "CallExpression[callee.name='fetch'] > TemplateLiteral > TemplateElement[value.raw=/^\\u002Fapi/]",
    message: 'Reach the backend through lib/api.ts, not fetch(`/api/…`).',
  },
];

/** Never render user text as HTML (Svelte's {@html} is svelte/no-at-html-tags). */
const NO_HTML = [
  {
    selector: 'AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Never render text as HTML: set textContent, or let Svelte escape it.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never render text as HTML: set textContent, or let Svelte escape it.',
  },
];

export default ts.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'build/**',
      'node_modules/**',
      'screenshots/**',
      'test-results/**',
      'playwright-report/**',
      '.vault-dev/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.mts', '.mjs', '.js', '.svelte', '.json'],
          // The renderer's `$contract` alias (electron.vite.config.ts), so the layer rules see through it.
          alias: { $contract: [join(import.meta.dirname, 'electron/contract')] },
        }),
      ],
      'import-x/extensions': ['.ts', '.mts', '.mjs', '.js'],
      // Read imported modules as TypeScript even when the importer is a Svelte component.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.mjs', '.js'] },
      // Svelte components are leaves as far as cycles go (they import code, code never imports them
      // except App/main); parsing them for the cycle graph would need the Svelte parser there too.
      'import-x/ignore': ['\\.svelte$', 'node_modules'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Playwright fixtures take `{}` as their first parameter when they use no other fixture.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      // Off: every Set/Map it flags is deliberately not reactive (the before-lock and forget-on-lock
      // registries, caches of loaded views and requested thumbnails, locals built inside a $derived);
      // the rule cannot tell those from state that should be a SvelteSet/SvelteMap.
      'svelte/prefer-svelte-reactivity': 'off',
      // Off: `{' · '}` and `{' → '}` keep the spaces around separators in inline text visible and
      // safe from reformatting; that is what those mustaches are for.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Functions passed to page.evaluate() run in the page.
    files: ['scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // cssString drops control characters on purpose: that is what the range matches.
    files: ['renderer/src/views/Report/pageStyle.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read untyped JSON answers back from the API.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['electron/core/**', 'electron/contract/**', 'electron/web/**'],
    rules: {
      'no-restricted-imports': ['error', NO_ELECTRON],
      'no-restricted-syntax': ['error', ...NO_ELECTRON_DYNAMIC],
    },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/contract',
              from: [
                './electron/core',
                './electron/main',
                './electron/preload',
                './electron/web',
                './electron/cli',
                './renderer',
              ],
              message: 'The contract is shared by every host: it imports nothing from them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/core',
              from: ['./electron/main', './electron/preload', './electron/web', './electron/cli', './renderer'],
              message: 'core is the bottom layer: the hosts import it, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-syntax': ['error', ...BACKEND_ONLY_THROUGH_API, ...NO_HTML],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: ['./electron/core', './electron/main', './electron/preload', './electron/web', './electron/cli'],
              message:
                'The renderer knows only the contract (electron/contract) and reaches the backend through lib/api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // lib/api.ts is the one place that talks to the bridge or the web host's /api.
    files: ['renderer/src/lib/api.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML] },
  },
  prettier,
);
