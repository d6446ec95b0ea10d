import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { emptyDay } from '../../electron/core/day/days';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13: a re-key "shows progress". The re-key re-encrypts a snapshot of the journal in a
 * worker thread; the pages done are read from the rollback journal it writes page by page, and
 * the host keeps answering vault.status (with those pages) while everything else waits.
 */

const OUT = resolve(import.meta.dirname, '../../out/main');
beforeAll(() => {
  if (!existsSync(join(OUT, 'rekeyWorker.js')))
    throw new Error('out/main/rekeyWorker.js is missing: run `npm run build` first.');
});
afterAll(removeTempDirs);

async function bigJournal(dir = tempDir('axis-rekey-progress-')) {
  const app = createApp({
    vaultDir: dir,
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
    rekeyWorker: pathToFileURL(join(OUT, 'rekeyWorker.js')),
  });
  expect((await app.dispatch('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
  // About 8 MB of notes (some 2,000 pages), so the re-key takes long enough to be watched.
  const db = app.backend.vault.db;
  db.exec('CREATE TABLE padding (text TEXT)');
  const insert = db.prepare('INSERT INTO padding VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4_000; i++) insert.run(`${i} ${'x'.repeat(2_000)}`);
  })();
  return { ...app, dir };
}

describe('re-key progress', () => {
  it('reports pages done of all pages while it runs; other requests wait, then succeed', async () => {
    const { backend, dispatch } = await bigJournal();
    try {
      const seen: { pagesDone: number; pagesTotal: number }[] = [];
      let done = false;
      const rekeying = dispatch('vault.rekey', { currentPassphrase: PASSPHRASE }).finally(() => (done = true));
      let saveAnswered = false;
      let saving: Promise<unknown> | null = null;
      while (!done) {
        const status = await dispatch('vault.status');
        const value = status.ok ? (status.value as { rekey?: { pagesDone: number; pagesTotal: number } }) : {};
        if (value.rekey) {
          seen.push(value.rekey);
          // A save during the re-key waits for it (it would be lost in the snapshot otherwise).
          saving ??= dispatch('day.save', { ...emptyDay('2026-06-01'), notes: 'saved during the re-key' }).then(
            (answer) => {
              saveAnswered = true;
              return answer;
            },
          );
          if (!done) expect(saveAnswered).toBe(false);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      const result = await rekeying;
      expect(result.ok).toBe(true);
      expect(seen.length).toBeGreaterThan(0);
      const total = seen[0]!.pagesTotal;
      expect(total).toBeGreaterThan(1_500);
      expect(seen.every((p) => p.pagesTotal === total && p.pagesDone >= 0 && p.pagesDone <= total)).toBe(true);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.pagesDone).toBeGreaterThanOrEqual(seen[i - 1]!.pagesDone);
      // Real progress: pages part-way through were reported, not only "started" and "finished".
      expect(seen.some((p) => p.pagesDone > 0 && p.pagesDone < total)).toBe(true);
      // The waiting save went through after the re-key, under the new key.
      expect(await saving).toMatchObject({ ok: true });
      const day = await dispatch('day.get', { date: '2026-06-01' });
      expect(day.ok && (day.value as { entry: { notes: string } }).entry.notes).toBe('saved during the re-key');
      expect((await dispatch('vault.status')).ok).toBe(true);
      expect(backend.vault.rekeyProgress).toBeNull();
    } finally {
      backend.dispose();
    }
  }, 120_000);

  it('axis rekey prints its progress on stderr and the new recovery key on stdout', async () => {
    const { backend, dir } = await bigJournal();
    backend.dispose();
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(
        process.execPath,
        [join(OUT, 'cli.js'), 'rekey', '--vault', dir],
        { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } },
        (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
      ),
    );
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Re-encrypting your journal: page 0 of [\d,]+ \(0%\)$/);
    expect(lines.at(-1)).toMatch(/^Re-encrypting your journal: page ([\d,]+) of \1 \(100%\)$/);
    expect(run.stdout).toMatch(/new recovery key[^\n]*\n\n {4}([A-Z2-7]{5}-){5}[A-Z2-7]{5}\n/);
  }, 120_000);
});
