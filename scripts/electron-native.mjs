// Builds better-sqlite3-multiple-ciphers for Electron's ABI into a separate folder, so the Node
// build in node_modules (used by tests, the CLI and the web host) is never replaced. The Electron
// main process loads it through better-sqlite3's `nativeBinding` option (AXIS_NATIVE_BINDING).
// Needs the Electron headers, so it runs only when starting or packaging Electron.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './lib/build.mjs';

const require = createRequire(import.meta.url);

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

export function electronNativeBindingPath(version = electronVersion()) {
  return join(
    root,
    '.cache',
    'electron-native',
    `${version}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
}

function nodeGypScript() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  // npm ships node-gyp; find it next to the npm that runs this script.
  const npmCli = process.env.npm_execpath;
  if (npmCli) {
    const candidate = join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (existsSync(candidate)) return candidate;
  }
  return require.resolve('node-gyp/bin/node-gyp.js');
}

/** Returns the path of the Electron build, building it first if needed; null if that fails. */
export function ensureElectronNativeModule({ quiet = true } = {}) {
  const version = electronVersion();
  const target = electronNativeBindingPath(version);
  if (existsSync(target)) return target;

  const work = join(dirname(target), 'src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  cpSync(source, work, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });

  const env = { ...process.env, npm_config_nodedir: '' };
  delete env.npm_config_nodedir;
  const result = spawnSync(
    process.execPath,
    [
      nodeGypScript(),
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) return null;
  cpSync(built, target);
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = ensureElectronNativeModule({ quiet: false });
  if (!path) {
    console.error('Could not build the database module for Electron (the Electron headers must be downloadable).');
    process.exit(1);
  }
  console.log(path);
}
