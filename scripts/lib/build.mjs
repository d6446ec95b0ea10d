// Builds the app with electron-vite when the sources are newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
const STAMP = join(root, 'out', '.build-stamp');
const SOURCES = ['electron', 'renderer', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function needsBuild() {
  if (!existsSync(STAMP) || !existsSync(join(root, 'out', 'main', 'web.js'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

/** Quiet unless it fails: the start-up line must stay the first thing people see. */
export function buildIfNeeded() {
  if (!needsBuild()) return;
  process.stderr.write('Building Axis Journal…\n');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}\nThe build failed; see above.\n`);
    process.exit(1);
  }
  writeFileSync(STAMP, new Date().toISOString());
}
