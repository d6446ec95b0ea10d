import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const PLAIN_NODE_FOLDERS = ['electron/core', 'electron/contract', 'electron/web'];
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs|svelte)$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('core, contract and web host never import electron (they must run under plain Node)', () => {
    const offenders = PLAIN_NODE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('the check itself recognises every form of importing electron', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { BrowserWindow } from "electron";',
      "const { app } = require('electron');",
      "await import('electron')",
      "import 'electron';",
      "import { ipcRenderer } from 'electron/renderer';",
    ]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import x from 'electron-vite';")).toBe(false);
  });

  it('the renderer reaches the backend only through lib/api.ts and never renders HTML from data', () => {
    const files = sourceFiles(join(root, 'renderer/src'));
    const usesBridge = files.filter((file) => !file.endsWith('lib/api.ts') && /window\.axis\b/.test(readFileSync(file, 'utf8')));
    expect(usesBridge.map((file) => relative(root, file))).toEqual([]);
    const usesFetch = files.filter((file) => !file.endsWith('lib/api.ts') && /\bfetch\(/.test(readFileSync(file, 'utf8')));
    expect(usesFetch.map((file) => relative(root, file))).toEqual([]);
    const html = files.filter((file) => /\{@html|innerHTML/.test(readFileSync(file, 'utf8')));
    expect(html.map((file) => relative(root, file))).toEqual([]);
  });
});
