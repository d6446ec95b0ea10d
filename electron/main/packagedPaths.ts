import { join } from 'node:path';

export interface NativeBindingContext {
  isPackaged: boolean;
  /** `process.resourcesPath`: the folder that holds app.asar and the extraResources. */
  resourcesPath: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Where the main process finds better-sqlite3 built for Electron's ABI. An installed app carries it
 * in resources/native/ (electron-builder.yml, extraResources); `npm start` builds it into
 * .cache/electron-native/ and passes the path in AXIS_NATIVE_BINDING (scripts/electron-native.mjs).
 * Undefined lets better-sqlite3 look in node_modules, which holds the Node build.
 */
export function electronNativeBinding({ isPackaged, resourcesPath, env }: NativeBindingContext): string | undefined {
  if (isPackaged) return join(resourcesPath, 'native', 'better_sqlite3.node');
  return env.AXIS_NATIVE_BINDING;
}

/**
 * A file that electron-builder.yml unpacks (asarUnpack), addressed in app.asar.unpacked rather
 * than inside app.asar. The insights worker is started from there: a worker thread then runs from
 * plain files whatever Electron's asar support in ES-module workers does.
 */
export function outsideAsar(url: URL): URL {
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}
