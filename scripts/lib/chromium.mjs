// Which Chromium the browser tests, the screenshots and the benchmarks launch — one answer for all.
//
// Looked for in this order (docs/testing.md):
//   1. AXIS_CHROMIUM, a path to a Chromium or Chrome binary;
//   2. Playwright's own browser, if `npx playwright install chromium` has been run;
//   3. a system Chrome or Chromium (/usr/bin/chromium, google-chrome, …, or one on PATH);
//   4. the Chromium inside the @sparticuz/chromium dev dependency (Linux x64). It ships as brotli
//      archives in node_modules; the first use unpacks it, offline, into
//      node_modules/.cache/axis-chromium/<version>/ (about 200 MB, once per install);
// otherwise nothing, and `npm test` stops before building with one sentence saying how to get one.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Flags every launch uses: no sandbox (CI runs as root), nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const NO_CHROMIUM =
  'No Chromium for the browser tests: on Linux x64 run `npm install` (it brings @sparticuz/chromium), ' +
  'elsewhere run `npx playwright install chromium` or install Chrome, or set AXIS_CHROMIUM to a Chromium binary.';

const SYSTEM_PATHS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(
      process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      'Google',
      'Chrome',
      'Application',
      'chrome.exe',
    ),
    join(process.env.LOCALAPPDATA ?? '', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

function systemChromium() {
  const known = SYSTEM_PATHS[process.platform] ?? [];
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => PATH_NAMES.map((name) => join(dir, name)));
  return [...known, ...onPath].find(isExecutable) ?? null;
}

/** Where the packaged Chromium is (or would be) unpacked; null where the package cannot serve. */
function packaged() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let packageJson;
  try {
    // The package's exports hide its package.json: walk up from its entry point.
    let dir = dirname(require.resolve('@sparticuz/chromium'));
    while (
      !existsSync(join(dir, 'package.json')) ||
      !readFileSync(join(dir, 'package.json'), 'utf8').includes('"@sparticuz/chromium"')
    ) {
      if (dirname(dir) === dir) return null;
      dir = dirname(dir);
    }
    packageJson = join(dir, 'package.json');
  } catch {
    return null;
  }
  const packageDir = dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const dir = join(root, 'node_modules', '.cache', 'axis-chromium', version);
  return { packageDir, dir, binary: join(dir, 'chromium'), libs: join(dir, 'al2023', 'lib') };
}

/** The launch environment the packaged build needs: its own NSS libraries, and fonts if the system has none. */
function packagedEnv(pack) {
  const env = { LD_LIBRARY_PATH: [pack.libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  if (!existsSync('/etc/fonts/fonts.conf') && !process.env.FONTCONFIG_FILE)
    env.FONTCONFIG_FILE = join(pack.dir, 'fonts.conf');
  return env;
}

/**
 * Unpacks the packaged Chromium with the package's own code (it writes into os.tmpdir(), so it runs
 * with TMPDIR pointed at a private staging folder), then moves the result into place in one rename,
 * so a half-unpacked browser is never used.
 */
export async function unpackPackagedChromium() {
  const pack = packaged();
  if (!pack) return null;
  if (isExecutable(pack.binary)) return pack.binary;
  const staging = `${pack.dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    await Chromium.executablePath();
    // The NSS, NSPR and expat libraries the binary links against, for machines without them.
    const tarFs = createRequire(join(pack.packageDir, 'package.json'))('tar-fs');
    const { createReadStream } = await import('node:fs');
    const { createBrotliDecompress } = await import('node:zlib');
    await new Promise((resolve, reject) => {
      const target = tarFs.extract(join(staging, 'al2023'));
      target.once('finish', resolve).once('error', reject);
      createReadStream(join(pack.packageDir, 'bin', 'al2023.tar.br'))
        .once('error', reject)
        .pipe(createBrotliDecompress())
        .once('error', reject)
        .pipe(target);
    });
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(pack.dir, 'fonts')}</dir>\n` +
        `  <cachedir>${join(pack.dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    rmSync(pack.dir, { recursive: true, force: true });
    renameSync(staging, pack.dir);
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(staging, { recursive: true, force: true });
  }
  return isExecutable(pack.binary) ? pack.binary : null;
}

/**
 * The Chromium to launch, as `{ executablePath, source, env }`, or null when there is none. `env` is
 * what the launch must add to the environment. With `unpack: true` the packaged Chromium is unpacked
 * first if needed (in a child process, so this stays synchronous for the Playwright configs).
 */
export function findChromium({ unpack = true } = {}) {
  const fromEnv = process.env.AXIS_CHROMIUM;
  if (fromEnv) return isExecutable(fromEnv) ? { executablePath: fromEnv, source: 'AXIS_CHROMIUM', env: {} } : null;
  const playwright = playwrightChromium();
  if (playwright) return { executablePath: playwright, source: "Playwright's browser", env: {} };
  const system = systemChromium();
  if (system) return { executablePath: system, source: 'system', env: {} };
  const pack = packaged();
  if (!pack) return null;
  if (!isExecutable(pack.binary) && unpack) {
    spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--unpack'], { stdio: 'inherit' });
  }
  if (!isExecutable(pack.binary)) return null;
  return { executablePath: pack.binary, source: '@sparticuz/chromium', env: packagedEnv(pack) };
}

/** The one sentence for when findChromium() finds nothing. */
export function noChromiumSentence() {
  const fromEnv = process.env.AXIS_CHROMIUM;
  if (fromEnv)
    return `AXIS_CHROMIUM is set to ${fromEnv}, which is not a program that can be run: correct it or unset it.`;
  return NO_CHROMIUM;
}

/** Playwright `launchOptions` for the Chromium found; throws the one-sentence advice when there is none. */
export function chromiumLaunchOptions(extraArgs = []) {
  const found = findChromium();
  if (!found) throw new Error(noChromiumSentence());
  const options = { executablePath: found.executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] };
  if (Object.keys(found.env).length > 0) options.env = { ...process.env, ...found.env };
  return options;
}

// `node scripts/lib/chromium.mjs --unpack` unpacks the packaged build; `--check` is npm test's
// pre-check: it prints which Chromium the tests will use, or the one sentence, and exits 1.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--unpack')) {
    try {
      await unpackPackagedChromium();
    } catch (error) {
      console.error(`Could not unpack @sparticuz/chromium: ${error.message}`);
      process.exitCode = 1;
    }
  } else {
    const found = findChromium();
    if (!found) {
      console.error(noChromiumSentence());
      process.exitCode = 1;
    } else if (process.argv.includes('--check')) {
      console.log(`Browser tests use Chromium from ${found.source}: ${found.executablePath}`);
    } else {
      console.log(found.executablePath);
    }
  }
}
