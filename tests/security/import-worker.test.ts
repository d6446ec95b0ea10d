import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { readJournalExport } from '../../electron/core/data/importRunner';
import { emptyDay } from '../../electron/core/day/days';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';
import { EMPTY_EXPORT } from '../helpers/importFile';

/*
 * Issue 13, M1: the JSON import was parsed and validated on the thread that holds the open
 * journal (the Electron main process, the web host): a crafted file froze it and could abort it.
 * Now the file is read and checked in a worker thread whose heap is capped (resourceLimits); the
 * host's own thread only waits for the answer.
 */

const WORKER = resolve(import.meta.dirname, '../../out/main/jsonImportWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/jsonImportWorker.js is missing: run `npm run build` first.');
});
afterAll(removeTempDirs);

const header = { ...EMPTY_EXPORT, appVersion: 'attack' };

async function hostWithWorker() {
  const app = createApp({
    vaultDir: tempDir(),
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
    jsonImportWorker: pathToFileURL(WORKER),
  });
  expect((await app.dispatch('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
  expect((await app.dispatch('day.save', { ...emptyDay('2026-06-01'), notes: 'mine' })).ok).toBe(true);
  return app;
}

describe('M1: the JSON import is checked off the thread that holds the journal', () => {
  it('a million photo entries: refused with a clear message while the host keeps answering, its heap bounded', async () => {
    const { backend, dispatch } = await hostWithWorker();
    try {
      const content = `${JSON.stringify(header).slice(0, -1)},"photos":[${'{},'.repeat(999_999)}{}]}`;
      expect(content.length).toBeLessThan(4 * 1024 * 1024); // well inside what the page may send
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);

      let importSettled = false;
      const importing = dispatch('data.import', { content, dryRun: true }).finally(() => (importSettled = true));
      // The host answers other requests while the file is being checked.
      const status = await dispatch('vault.status');
      expect(status.ok && (status.value as { state: string }).state).toBe('unlocked');
      const day = await dispatch('day.get', { date: '2026-06-01' });
      expect(day.ok && (day.value as { entry: { notes: string } }).entry.notes).toBe('mine');
      expect(importSettled).toBe(false);

      const refused = await importing;
      clearInterval(sampler);
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'IMPORT_INVALID',
          message:
            'The file does not have the expected shape (at photos): A file can hold at most 20,000 photos. Nothing was changed.',
        },
      });
      // The million parsed objects never lived on this thread (they took hundreds of MB here before).
      expect(peak - heapBefore).toBeLessThan(64 * 1024 * 1024);
    } finally {
      backend.dispose();
    }
  }, 60_000);

  it('a file that would need more memory than the worker may have stops the worker alone, with a clear refusal', async () => {
    // Valid in shape, but parsing it takes more than the 16 MB heap this test allows.
    const days = Array.from({ length: 3_000 }, (_, i) => ({
      ...emptyDay(new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)),
      notes: 'n'.repeat(1_900),
    }));
    const text = JSON.stringify({ ...header, days });
    await expect(readJournalExport({ text }, pathToFileURL(WORKER), 16)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: 'This file is too large or too deeply nested to be an Axis Journal export. Nothing was changed.',
    });
    // This process is unharmed, and the same file passes with the normal limit.
    const file = await readJournalExport({ text }, pathToFileURL(WORKER));
    expect(file.days).toHaveLength(3_000);
  }, 60_000);
});
