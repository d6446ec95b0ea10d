import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyConnectionSettings, openCipherDatabase, type Db } from '../../electron/core/db/database';
import { latestVersion, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { readSetting, writeSetting } from '../../electron/core/db/settings';
import { AppError } from '../../electron/core/errors';
import { PASSPHRASE, fastVault, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';

afterEach(removeTempDirs);

function freshDb(): { db: Db; path: string; key: Buffer } {
  const path = join(tempDir(), 'journal.db');
  const key = randomBytes(32);
  const db = openCipherDatabase(path, key, { create: true });
  applyConnectionSettings(db);
  return { db, path, key };
}

/** A stand-in history of three schema versions, to exercise the runner step by step. */
const steps: Migration[] = [
  { version: 1, name: 'days', up: (db) => db.exec('CREATE TABLE days (date TEXT PRIMARY KEY)') },
  { version: 2, name: 'severity', up: (db) => db.exec('ALTER TABLE days ADD COLUMN severity INTEGER') },
  {
    version: 3,
    name: 'index',
    up: (db) =>
      db.exec('UPDATE days SET severity = coalesce(severity, 0); CREATE INDEX days_severity ON days (severity)'),
  },
];

describe('migrations', () => {
  it('the real list is numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('migrate a real journal step by step to the latest version, keeping data', () => {
    const { db } = freshDb();
    expect(schemaVersion(db)).toBe(0);
    for (let target = 1; target <= latestVersion(); target++) {
      expect(migrate(db, MIGRATIONS, target)).toBe(target);
    }
    writeSetting(db, 'theme', { choice: 'dark' });
    expect(readSetting(db, 'theme')).toEqual({ choice: 'dark' });
    expect(migrate(db)).toBe(latestVersion()); // running again is a no-op
    db.close();
  });

  it('applies each version in order and data written at one version survives the next', () => {
    const { db } = freshDb();
    migrate(db, steps, 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare('INSERT INTO days (date) VALUES (?)').run('2026-11-01');

    migrate(db, steps, 2);
    expect(schemaVersion(db)).toBe(2);
    db.prepare('INSERT INTO days (date, severity) VALUES (?, ?)').run('2026-11-02', 4);

    migrate(db, steps);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT date, severity FROM days ORDER BY date').all()).toEqual([
      { date: '2026-11-01', severity: 0 },
      { date: '2026-11-02', severity: 4 },
    ]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT date FROM days WHERE severity = 4').all() as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('days_severity');
    db.close();
  });

  it('a failing migration rolls back completely and leaves the previous version', () => {
    const { db } = freshDb();
    const broken: Migration[] = [
      steps[0]!,
      {
        version: 2,
        name: 'broken',
        up: (d) => d.exec('ALTER TABLE days ADD COLUMN half; SELECT * FROM no_such_table'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    const columns = (db.prepare('PRAGMA table_info(days)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['date']);
    db.close();
  });

  it('refuses a list whose numbers do not go up one by one', () => {
    const { db } = freshDb();
    expect(() => migrate(db, [steps[0]!, steps[2]!])).toThrow(/expected 2/);
    db.close();
  });

  it('refuses a journal from a newer version with a clear message and leaves every byte as it was', async () => {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.db.pragma(`user_version = ${latestVersion() + 5}`);
    vault.lock();
    const before = snapshot(dir);

    const again = fastVault(dir);
    const error = await again.unlock(PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VAULT_TOO_NEW');
    expect((error as AppError).message).toMatch(/newer version of Axis Journal/);
    expect(again.status().state).toBe('locked');
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'journal.db')).equals(Buffer.from(before['journal.db']!, 'base64'))).toBe(true);
  });
});
