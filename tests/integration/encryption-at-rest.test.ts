import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

afterEach(removeTempDirs);

const MARKER = 'AXIS-MARKER-7f3c1e9a-only-in-the-database';

function filesContaining(dir: string, needle: string): string[] {
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return readdirSync(dir).filter((name) => {
    const bytes = readFileSync(join(dir, name));
    return variants.some((variant) => bytes.includes(variant));
  });
}

describe('encryption at rest', () => {
  it('no byte of a written marker appears in any file of the vault folder, while open or after locking', async () => {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.db.exec('CREATE TABLE notes (text TEXT)');
    const insert = vault.db.prepare('INSERT INTO notes (text) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(`${MARKER} #${i}`);

    // While unlocked the WAL and shared-memory files exist too: all of them are checked.
    const whileOpen = readdirSync(dir);
    expect(whileOpen).toEqual(expect.arrayContaining(['journal.db', 'journal.db-wal', 'vault.json']));
    expect(filesContaining(dir, MARKER)).toEqual([]);
    expect(filesContaining(dir, 'CREATE TABLE notes')).toEqual([]);

    vault.lock();
    expect(filesContaining(dir, MARKER)).toEqual([]);
    expect(filesContaining(dir, 'SQLite format 3')).toEqual([]);

    // And the data really is there: it reads back after unlocking.
    await vault.unlock(PASSPHRASE);
    expect(vault.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 200 });
    vault.lock();
  });

  it('the journal does not open without the key, nor with a wrong one', async () => {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    const path = join(dir, 'journal.db');

    const opensWith = (key: string | null): boolean => {
      const db = new Database(path, { fileMustExist: true });
      try {
        if (key !== null) {
          db.pragma(`cipher = 'sqlcipher'`);
          db.pragma('legacy = 4');
          db.pragma(`key = ${key}`);
        }
        db.prepare('SELECT * FROM sqlite_master').all();
        return true;
      } catch (error) {
        expect((error as Error).message).toMatch(/not a database/);
        return false;
      } finally {
        db.close();
      }
    };
    expect(opensWith(null)).toBe(false);
    expect(opensWith(`"x'${'00'.repeat(32)}'"`)).toBe(false);
    // Nor with the passphrase used directly as an SQLCipher passphrase: only the wrapped raw key works.
    expect(opensWith(`'${PASSPHRASE}'`)).toBe(false);
  });
});
