// `npm run dist [-- electron-builder options]`: builds the app, renders the icons, builds the
// database module for Electron's ABI and stages it at build/native/, then runs electron-builder
// with electron-builder.yml (e.g. `npm run dist -- --linux AppImage`). Installers land in dist/.
// Needs Electron's headers and runtime from the internet once; without them it stops with one
// sentence and exit code 1.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildIfNeeded, root } from './lib/build.mjs';
import { electronVersion, ensureElectronNativeModule } from './electron-native.mjs';
import { makeIcons } from './make-icons.mjs';

const require = createRequire(import.meta.url);

/** Where electron-builder.yml's extraResources takes the Electron build of the database module from. */
export const STAGED_NATIVE_MODULE = join(root, 'build', 'native', 'better_sqlite3.node');

/** A failure the user can act on: its message is the one sentence printed. */
export class DistError extends Error {}

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|certificate|download/i;

/**
 * Reads the extra arguments exactly as the electron-builder command line would, so
 * `npm run dist -- --linux AppImage` means what `electron-builder --linux AppImage` means.
 */
export function builderOptions(args) {
  const { configureBuildCommand, createYargs, normalizeOptions } = require('electron-builder/out/builder.js');
  const parser = configureBuildCommand(createYargs())
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw new DistError(`Unknown electron-builder option: ${message ?? error?.message}.`);
    });
  const options = normalizeOptions(parser.parse(args));
  options.projectDir = root;
  // The app never updates itself: nothing is uploaded unless asked for with --publish.
  options.publish ??= 'never';
  return options;
}

/**
 * The database module is compiled for this computer's system and processor only, so an installer
 * for another one would carry a module that cannot load.
 */
export function checkTargetsMatchThisMachine(options) {
  const { Arch, archFromString } = require('electron-builder');
  const systemName = (nodeName) => ({ darwin: 'macOS', win32: 'Windows', linux: 'Linux' })[nodeName] ?? nodeName;
  const here = archFromString(process.arch);
  for (const [platform, archs] of options.targets) {
    if (platform.nodeName !== process.platform) {
      const wanted = systemName(platform.nodeName);
      throw new DistError(
        `Build the ${wanted} installer on ${wanted}: the database module is compiled for this computer's system (${systemName(process.platform)}) only.`,
      );
    }
    for (const arch of archs.keys()) {
      if (arch !== here) {
        throw new DistError(
          `Build the ${Arch[arch]} installer on a computer with that processor: the database module is compiled for this one (${process.arch}) only.`,
        );
      }
    }
  }
}

/** Builds (or reuses) the Electron build of better-sqlite3 and copies it where electron-builder takes it from. */
export function stageNativeModule() {
  const built = ensureElectronNativeModule({ quiet: true });
  if (!built) {
    throw new DistError(
      `Could not build the database module for Electron ${electronVersion()}: it needs the Electron headers from electronjs.org (internet access, once) and a C++ toolchain; run \`node scripts/electron-native.mjs\` to see the details.`,
    );
  }
  mkdirSync(dirname(STAGED_NATIVE_MODULE), { recursive: true });
  copyFileSync(built, STAGED_NATIVE_MODULE);
  return STAGED_NATIVE_MODULE;
}

/** Runs electron-builder through its API, turning its failures into one sentence. */
export async function runElectronBuilder(options) {
  const { build } = require('electron-builder');
  try {
    return await build(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NETWORK_FAILURE.test(message) || NETWORK_FAILURE.test(String(error?.code ?? ''))) {
      throw new DistError(
        `Could not package Axis Journal: electron-builder could not download the Electron ${electronVersion()} runtime it packages (internet access is needed once; the download is cached afterwards).`,
      );
    }
    throw new DistError(`electron-builder failed: ${message.trim()}`);
  }
}

export async function dist(args = []) {
  const options = builderOptions(args); // first, so a mistyped option fails before any work
  checkTargetsMatchThisMachine(options);
  buildIfNeeded();
  await makeIcons();
  stageNativeModule();
  const artifacts = await runElectronBuilder(options);
  return artifacts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const artifacts = await dist(process.argv.slice(2));
    console.log(`Done: ${artifacts.map((path) => relative(root, path)).join(', ') || 'nothing to build'}.`);
  } catch (error) {
    if (!(error instanceof DistError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
