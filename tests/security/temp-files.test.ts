import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, M2: SQLite3 Multiple Ciphers does not encrypt SQLite's temporary files, and a sort
 * larger than the page cache (the JSON export's meditation query on a big journal) spilled into
 * SQLITE_TMPDIR in plaintext. Every connection now keeps temporary data in memory. The real CLI
 * runs as a separate process with SQLITE_TMPDIR pointing at a watched folder; while it exports,
 * backs up and checks a journal holding ~23 MB of notes, nothing may appear in that folder, and
 * no file it holds open there may contain a note.
 */

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const MARKER = 'AXIS-TEMP-MARKER-5d1e';

afterAll(removeTempDirs);

let vaultDir = '';
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  vaultDir = join(tempDir('axis-temp-'), 'vault');
  const vault = fastVault(vaultDir);
  await vault.create(PASSPHRASE);
  const insert = vault.db.prepare(
    `INSERT INTO meditation_sessions (date, started_at, type, planned_seconds, actual_seconds, note, created_at)
     VALUES (?, ?, 'silent', 600, 600, ?, ?)`,
  );
  vault.db.transaction(() => {
    for (let i = 0; i < 12_000; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
      insert.run(
        date,
        `${date}T07:${String(i % 60).padStart(2, '0')}:00.000Z`,
        `${MARKER} ${i} ${'calm breathing '.repeat(125)}`,
        `${date}T08:00:00.000Z`,
      );
    }
  })();
  vault.lock();
}, 120_000);

/** Runs the CLI with SQLITE_TMPDIR watched; returns what appeared there and what it held open. */
async function runWatched(
  args: string[],
): Promise<{ code: number; stderr: string; created: string[]; markers: string[] }> {
  const tmp = tempDir('axis-sqlite-tmp-');
  mkdirSync(tmp, { recursive: true });
  const created: string[] = [];
  const watcher = watch(tmp, (_, name) => created.push(String(name)));
  const markers: string[] = [];
  const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE, SQLITE_TMPDIR: tmp, TMPDIR: tmp };
  const child = execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // SQLite unlinks its temp files at once; read them through the process's open descriptors.
  const poll = setInterval(() => {
    const fds = `/proc/${child.pid}/fd`;
    try {
      for (const fd of readdirSync(fds)) {
        let target = '';
        try {
          target = readlinkSync(join(fds, fd));
        } catch {
          continue;
        }
        if (!target.startsWith(tmp)) continue;
        created.push(target);
        try {
          if (readFileSync(join(fds, fd)).includes(MARKER)) markers.push(target);
        } catch {
          // closed in between
        }
      }
    } catch {
      // the process has exited
    }
  }, 5);
  const code = await new Promise<number>((done) => child.once('exit', (exit) => done(exit ?? 1)));
  clearInterval(poll);
  watcher.close();
  return { code, stderr, created: [...new Set(created)], markers };
}

describe('M2: no plaintext SQLite temporary files', () => {
  it('a JSON export of a journal bigger than the page cache writes nothing to SQLITE_TMPDIR', async () => {
    const out = join(tempDir('axis-temp-out-'), 'export.json');
    const run = await runWatched(['export', '--vault', vaultDir, '--format', 'json', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(MARKER); // the export itself is plaintext by design
    expect(run.markers).toEqual([]);
    expect(run.created).toEqual([]);
  }, 120_000);

  it('a backup and a check write nothing to SQLITE_TMPDIR', async () => {
    const out = join(tempDir('axis-temp-out-'), 'journal.axisbackup');
    const backup = await runWatched(['backup', '--vault', vaultDir, '--out', out]);
    expect(backup.stderr).toBe('');
    expect(backup.created).toEqual([]);
    const check = await runWatched(['check', '--vault', vaultDir]);
    expect(check.code).toBe(0);
    expect(check.created).toEqual([]);
  }, 120_000);
});
