import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { readBackup, restoreBackup, writeBackup } from '../../electron/core/data/backup';
import { checkVault } from '../../electron/core/data/check';
import { openCipherDatabase } from '../../electron/core/db/database';
import { emptyDay } from '../../electron/core/day/days';
import { Vault } from '../../electron/core/vault/vault';
import { journalAppsClosedAfterEach, TODAY_MS } from '../helpers/journalApp';
import { FAST_SCRYPT, PASSPHRASE, snapshot, tempDir } from '../helpers/tempVault';

const openApp = journalAppsClosedAfterEach();
const NOW = new Date(TODAY_MS);

async function journalWithDays(count: number) {
  const app = await openApp();
  for (let i = 1; i <= count; i++) {
    await app.call('day.save', {
      ...emptyDay(`2026-05-${String(i).padStart(2, '0')}`),
      notes: `day ${i}`,
      lifestyle: { ...emptyDay('x').lifestyle, stress: i % 11 },
    });
  }
  return app;
}

const notesOf = (dir: string, key: Buffer) => {
  const db = openCipherDatabase(join(dir, 'journal.db'), key, { create: false });
  try {
    return db.prepare('SELECT notes FROM days ORDER BY date').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('encrypted backup and restore', () => {
  it('holds the key file and an encrypted snapshot, and restores into a new folder with the passphrase', async () => {
    const app = await journalWithDays(5);
    const file = join(tempDir(), 'journal.axisbackup');
    const info = writeBackup(app.backend.vault, file, 'test', NOW);
    expect(info).toMatchObject({ createdAt: NOW.toISOString(), appVersion: 'test', schemaVersion: expect.any(Number) });
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('day 3'))).toBe(false);
    expect(readBackup(file).keyFile).toEqual(JSON.parse(readFileSync(join(app.dir, 'vault.json'), 'utf8')));

    const target = join(tempDir(), 'restored');
    const restored = await restoreBackup(target, file, { passphrase: PASSPHRASE }, NOW);
    expect(restored.previous).toBeNull();
    const vault = new Vault(target, { scryptCost: FAST_SCRYPT });
    await vault.unlock(PASSPHRASE);
    expect(vault.db.prepare('SELECT notes FROM days ORDER BY date').pluck().all()).toEqual([
      'day 1',
      'day 2',
      'day 3',
      'day 4',
      'day 5',
    ]);
    vault.lock();
  });

  it('checks the passphrase or recovery key before replacing anything, and keeps the previous journal aside', async () => {
    const source = await openApp();
    await source.call('day.save', { ...emptyDay('2026-06-01'), notes: 'from the backup' });
    const file = join(tempDir(), 'b.axisbackup');
    writeBackup(source.backend.vault, file, 'test', NOW);

    const target = await journalWithDays(2);
    await target.call('vault.lock');
    const before = snapshot(target.dir);
    await expect(restoreBackup(target.dir, file, { passphrase: 'not the passphrase' }, NOW)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(restoreBackup(target.dir, file, { recoveryKey: 'A'.repeat(30) }, NOW)).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    expect(snapshot(target.dir)).toEqual(before);

    const { previous } = await restoreBackup(
      target.dir,
      file,
      { recoveryKey: normalizeRecoveryKey(source.recoveryKey) },
      NOW,
    );
    expect(previous).toMatch(/before-restore-2026-06-15T/);
    expect(readdirSync(previous!).sort()).toEqual(['journal.db', 'vault.json']);
    expect(await target.dispatch('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect((await target.call('day.get', { date: '2026-06-01' })).entry.notes).toBe('from the backup');
    expect((await target.call('day.get', { date: '2026-05-01' })).saved).toBe(false);
  });

  it('refuses to restore over a journal that is open, and refuses a damaged backup, changing nothing', async () => {
    const app = await journalWithDays(2);
    const file = join(tempDir(), 'c.axisbackup');
    writeBackup(app.backend.vault, file, 'test', NOW);
    const before = snapshot(app.dir);
    await expect(restoreBackup(app.dir, file, { passphrase: PASSPHRASE }, NOW)).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
    });
    const damaged = readFileSync(file);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 100) ^ 0xff, damaged.length - 100);
    writeFileSync(file, damaged);
    await app.call('vault.lock');
    const locked = snapshot(app.dir);
    await expect(restoreBackup(app.dir, file, { passphrase: PASSPHRASE }, NOW)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    expect(snapshot(app.dir)).toEqual(locked);
    writeFileSync(file, 'hello');
    await expect(restoreBackup(app.dir, file, { passphrase: PASSPHRASE }, NOW)).rejects.toThrow(
      /is not an Axis Journal backup, or it is damaged/,
    );
    expect(Object.keys(before)).toContain('journal.db');
  });

  it('takes a consistent snapshot while another connection keeps writing', async () => {
    const app = await journalWithDays(1);
    const key = await app.backend.vault.revealDataKey(PASSPHRASE);
    // A separate process writes a day and its skin score in one transaction, over and over.
    const writer = spawn(process.execPath, ['-e', WRITER], {
      env: {
        ...process.env,
        DB: join(app.dir, 'journal.db'),
        KEY: key.toString('hex'),
        MODULE: resolve('node_modules/better-sqlite3-multiple-ciphers'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready) => writer.stdout!.once('data', () => ready()));
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      const file = join(tempDir(), `during-${i}.axisbackup`);
      writeBackup(app.backend.vault, file, 'test', NOW);
      files.push(file);
      await new Promise((wait) => setTimeout(wait, 30));
    }
    writer.kill();
    const counts: number[] = [];
    for (const file of files) {
      const target = join(tempDir(), 'restored');
      await restoreBackup(target, file, { passphrase: PASSPHRASE }, NOW);
      const db = openCipherDatabase(join(target, 'journal.db'), key, { create: false });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // Every day the writer committed came with its skin score: never one without the other.
        const days = db.prepare("SELECT count(*) FROM days WHERE notes = 'writer'").pluck().get() as number;
        const scores = db
          .prepare("SELECT count(*) FROM skin_scores s JOIN days d ON d.date = s.date WHERE d.notes = 'writer'")
          .pluck()
          .get() as number;
        expect(scores).toBe(days);
        counts.push(days);
      } finally {
        db.close();
      }
    }
    expect(counts.at(-1)).toBeGreaterThan(counts[0]!);
    key.fill(0);
  }, 30_000);
});

describe('check and the database key', () => {
  it('checks a healthy journal, then names a damaged one without changing it', async () => {
    const app = await journalWithDays(30);
    await app.call('vault.lock');
    const vault = new Vault(app.dir, { scryptCost: FAST_SCRYPT });
    const report = await checkVault(vault, PASSPHRASE);
    expect(report.ok).toBe(true);
    expect(report.lines).toContain('Integrity check: ok.');
    await expect(checkVault(vault, 'wrong passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });

    const path = join(app.dir, 'journal.db');
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(4096 * 2 + 500) ^ 0xff, 4096 * 2 + 500); // one byte inside the third page
    writeFileSync(path, bytes);
    const before = snapshot(app.dir);
    const damaged = await checkVault(vault, PASSPHRASE);
    expect(damaged.ok).toBe(false);
    expect(damaged.lines).toContainEqual(expect.stringMatching(/^Integrity check: FAILED — .*damaged/));
    expect(snapshot(app.dir)).toEqual(before);
  });

  it('reveals the raw key, with which a plain SQLCipher connection opens journal.db', async () => {
    const app = await journalWithDays(3);
    await app.call('vault.lock');
    const key = await new Vault(app.dir).revealDataKey(PASSPHRASE);
    expect(key).toHaveLength(32);
    expect(notesOf(app.dir, key)).toEqual(['day 1', 'day 2', 'day 3']);
    await expect(new Vault(app.dir).revealDataKey('nope')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});

const WRITER = `
const Database = require(process.env.MODULE);
const db = new Database(process.env.DB);
db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma('key = "x\\'' + process.env.KEY + '\\'"');
db.pragma('busy_timeout = 5000');
const condition = db.prepare('SELECT id FROM conditions LIMIT 1').pluck().get();
const now = new Date().toISOString();
const day = db.prepare("INSERT INTO days (date, notes, created_at, updated_at) VALUES (?, 'writer', ?, ?)");
const score = db.prepare('INSERT INTO skin_scores (date, condition_id, severity) VALUES (?, ?, 5)');
const write = db.transaction((date) => { day.run(date, now, now); score.run(date, condition); });
let n = 0;
process.stdout.write('ready\\n');
for (;;) {
  const d = new Date(Date.UTC(2000, 0, 1 + n++)).toISOString().slice(0, 10);
  write(d);
}
`;
