/** The package.json version, injected at build time by electron.vite.config.ts. */
declare const __APP_VERSION__: string;
