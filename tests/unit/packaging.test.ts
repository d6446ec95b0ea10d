import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { electronNativeBinding, outsideAsar } from '../../electron/main/packagedPaths';
// @ts-expect-error -- a plain .mjs script; it has no type declarations
import { makeIcons, PNG_SIZES } from '../../scripts/make-icons.mjs';

const root = join(import.meta.dirname, '../..');

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  npmRebuild: boolean;
  extraResources: FileSet[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; category: string; hardenedRuntime: boolean };
  nsis: Record<string, unknown>;
  [key: string]: unknown;
}

const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder matches file patterns with minimatch and `dot: true` (app-builder-lib/out/fileMatcher.js). */
const matches = (path: string, pattern: string) => minimatch(path, pattern, { dot: true });
const isUnpacked = (path: string) => config.asarUnpack.some((pattern) => matches(path, pattern));
const isExcluded = (path: string) =>
  config.files.filter((pattern) => pattern.startsWith('!')).some((pattern) => matches(path, pattern.slice(1)));

describe('electron-builder.yml', () => {
  it('is valid against the schema electron-builder 26 validates with (app-builder-lib/scheme.json)', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    // The same Ajv settings as app-builder-lib's schemaValidator, minus type coercion.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    for (const key of Object.keys(config)) expect(schema.properties, key).toHaveProperty(key);
  });

  it('flips every security fuse the build relies on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('names the app and builds AppImage, deb, NSIS and dmg', () => {
    expect(config.appId).toBe('org.axisjournal.app');
    expect(config.productName).toBe('Axis Journal');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    expect([config.linux.icon, config.win.icon, config.mac.icon]).toEqual([
      'build/icons',
      'build/icon.ico',
      'build/icon.icns',
    ]);
  });

  it('packs the app into asar and unpacks the native modules', () => {
    expect(config.asar).toBe(true);
    for (const path of [
      'node_modules/better-sqlite3-multiple-ciphers/lib/database.js',
      'node_modules/sharp/lib/sharp.js',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so',
      'node_modules/@img/sharp-win32-x64/lib/sharp-win32-x64.node',
    ]) {
      expect(isUnpacked(path), path).toBe(true);
    }
    expect(isUnpacked('out/main/index.js')).toBe(false);
    expect(isUnpacked('out/renderer/index.html')).toBe(false);
  });

  it('never rebuilds node_modules and ships the staged Electron build of the database module', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: 'build/native/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    expect(isExcluded('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(true);
    expect(isExcluded('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(true);
    expect(isExcluded('node_modules/better-sqlite3-multiple-ciphers/lib/database.js')).toBe(false);
  });
});

/** Relative and bare imports of one built ES module. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [
    ...source.matchAll(
      /(?:^|[;\n])\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((match) => (match[1] ?? match[2])!);
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const outMain = join(root, 'out/main');
const built = existsSync(join(outMain, 'insightsWorker.js'));

describe.skipIf(!built)('electron-builder.yml against the built app (needs npm run build)', () => {
  it('unpacks the insights, JSON-import and re-key workers, every chunk they import and every package those import', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
        else if (!specifier.startsWith('node:')) packages.add(packageName(specifier));
      }
    };
    visit(join(outMain, 'insightsWorker.js'));
    visit(join(outMain, 'jsonImportWorker.js'));
    visit(join(outMain, 'rekeyWorker.js'));

    const files = [...seen].map((file) => relative(root, file).split('\\').join('/'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(isUnpacked(file), file).toBe(true);
    for (const name of packages) expect(isUnpacked(posix.join('node_modules', name, 'package.json')), name).toBe(true);
  });

  it('ships every package the main process, web host and CLI import', () => {
    const mainFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? mainFiles(path) : path.endsWith('.js') ? [path] : [];
      });
    const packages = new Set(
      mainFiles(outMain)
        .flatMap(importsOf)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && specifier !== 'electron')
        .map(packageName),
    );
    expect([...packages].sort()).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'sharp', 'zod']));
    for (const name of packages) {
      expect(isExcluded(posix.join('node_modules', name, 'package.json')), name).toBe(false);
      expect(isExcluded(posix.join('node_modules', name, 'index.js')), name).toBe(false);
    }
  });
});

describe('electronNativeBinding', () => {
  it('uses the module in resources/native when packaged, whatever the environment says', () => {
    expect(
      electronNativeBinding({
        isPackaged: true,
        resourcesPath: '/opt/Axis Journal/resources',
        env: { AXIS_NATIVE_BINDING: '/elsewhere.node' },
      }),
    ).toBe(join('/opt/Axis Journal/resources', 'native', 'better_sqlite3.node'));
  });

  it('uses AXIS_NATIVE_BINDING from npm start otherwise, and nothing when it is unset', () => {
    const env = { AXIS_NATIVE_BINDING: '/repo/.cache/electron-native/45.4.1-linux-x64/better_sqlite3.node' };
    expect(electronNativeBinding({ isPackaged: false, resourcesPath: '/unused', env })).toBe(env.AXIS_NATIVE_BINDING);
    expect(electronNativeBinding({ isPackaged: false, resourcesPath: '/unused', env: {} })).toBeUndefined();
  });
});

describe('outsideAsar', () => {
  it('points a file inside app.asar at its unpacked copy, and leaves a development path alone', () => {
    expect(outsideAsar(new URL('file:///opt/Axis%20Journal/resources/app.asar/out/main/insightsWorker.js')).href).toBe(
      'file:///opt/Axis%20Journal/resources/app.asar.unpacked/out/main/insightsWorker.js',
    );
    expect(outsideAsar(new URL('file:///repo/out/main/insightsWorker.js')).href).toBe(
      'file:///repo/out/main/insightsWorker.js',
    );
  });

  it('the unpacked worker finds package.json ("type": "module") beside it, so Node reads it as an ES module', () => {
    expect(isUnpacked('package.json')).toBe(true);
  });
});

describe('scripts/make-icons.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'axis-icons-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('renders the PNG sizes, an ICO with 16–256 px and a well-formed ICNS', async () => {
    await makeIcons({ outDir: out });

    expect(PNG_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of PNG_SIZES as number[]) {
      const metadata = await sharp(join(out, 'icons', `${size}x${size}.png`)).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha], `${size}`).toEqual([
        'png',
        size,
        size,
        true,
      ]);
    }
    const main = await sharp(join(out, 'icon.png')).metadata();
    expect([main.width, main.height]).toEqual([1024, 1024]);

    // ICONDIR: reserved 0, type 1 (icon), count; then 16-byte entries whose width/height byte 0 means 256.
    const ico = readFileSync(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const width = ico[6 + i * 16]! || 256;
      const height = ico[7 + i * 16]! || 256;
      expect(width).toBe(height);
      return width;
    });
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
    expect(Math.min(...sizes)).toBe(16);
    expect(Math.max(...sizes)).toBe(256);

    // ICNS: 'icns', the file length (big-endian), then chunks of type + length; ic10 is 1024 px.
    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4))
      types.push(icns.toString('latin1', offset, offset + 4));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });
});
