/**
 * The layer boundaries are ESLint rules (eslint.config.js, run by `npm run lint`). This test makes
 * sure those rules keep catching what they are for — feeding ESLint small files placed in each
 * layer — so a config change cannot switch the architecture checks off silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer boundaries (lint rules)', () => {
  it('core, contract and web never import electron, in any form', async () => {
    for (const file of ['electron/core/x.ts', 'electron/contract/x.ts', 'electron/web/x.ts']) {
      for (const code of [
        "import { app } from 'electron';\nvoid app;",
        "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;",
        "import 'electron';",
        "import { ipcRenderer } from 'electron/renderer';\nvoid ipcRenderer;",
        "export const e = await import('electron');",
        "export const e = require('electron');",
      ]) {
        const ids = await ruleIds(file, code);
        expect(
          ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax'),
          `${file}: ${code}`,
        ).toBe(true);
      }
    }
    expect(await ruleIds('electron/core/x.ts', "import { build } from 'electron-vite';\nvoid build;")).toEqual([]);
    expect(await ruleIds('electron/main/x.ts', "import { app } from 'electron';\nvoid app;")).toEqual([]);
  });

  it('core and the contract never import a host or the renderer', async () => {
    expect(await ruleIds('electron/core/x.ts', "import { x } from '../main/index';\nvoid x;")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('electron/contract/x.ts', "import { x } from '../core/backend';\nvoid x;")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('the renderer reaches the backend only through lib/api.ts and never renders HTML from data', async () => {
    const view = 'renderer/src/views/X/x.ts';
    expect(await ruleIds(view, 'export const bridge = window.axis;')).toContain('no-restricted-syntax');
    expect(await ruleIds(view, "export const r = fetch('/api/vault.status');")).toContain('no-restricted-syntax');
    expect(await ruleIds(view, 'const m = "x";\nexport const r = fetch(`/api/${m}`);')).toContain(
      'no-restricted-syntax',
    );
    expect(await ruleIds(view, "document.body.innerHTML = 'x';")).toContain('no-restricted-syntax');
    expect(
      await ruleIds(view, "import { openJournal } from '../../../../electron/core/backend';\nvoid openJournal;"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await ruleIds('renderer/src/views/X/X.svelte', '<script lang="ts">const h = \'<b>\';</script>\n{@html h}'),
    ).toContain('svelte/no-at-html-tags');
    // What the renderer may do: fetch its own assets, use the contract, and lib/api.ts may use the bridge.
    expect(await ruleIds(view, "export const r = fetch('./sounds/bell.wav');")).toEqual([]);
    expect(await ruleIds(view, "import { METHODS } from '$contract';\nvoid METHODS;")).toEqual([]);
    expect(await ruleIds(view, "import { METHODS } from '../../../../electron/contract';\nvoid METHODS;")).toEqual([]);
    // The `$contract` alias resolves for the layer rules: it cannot be used to step out of the contract.
    expect(
      await ruleIds(view, "import { openJournal } from '$contract/../core/backend';\nvoid openJournal;"),
    ).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('renderer/src/lib/api.ts', 'export const bridge = window.axis;')).toEqual([]);
  });
});

describe('import cycles (lint rule)', () => {
  const dir = mkdtempSync(join(root, 'electron/core/.cycle-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a cycle between two modules is an error', async () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() + 1;\n");
    const [result] = await eslint.lintFiles([relative(root, join(dir, 'a.ts'))]);
    expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });
});
