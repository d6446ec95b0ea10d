import { afterEach, expect, it } from 'vitest';
import { writeSetting } from '../../electron/core/db/settings';
import { saveScore } from '../../electron/core/poem/scores';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

afterEach(removeTempDirs);

it('every row the core writes is stamped by the clock the vault was given, not the machine’s', async () => {
  let now = Date.UTC(2031, 4, 6, 7, 8, 9);
  const vault = fastVault(tempDir(), { now: () => now });
  await vault.create(PASSPHRASE);
  const db = vault.db;
  // Written while the journal was made (migration 0002's built-in conditions).
  expect(db.prepare('SELECT DISTINCT created_at FROM conditions').pluck().all()).toEqual(['2031-05-06T07:08:09.000Z']);

  now += 60_000;
  writeSetting(db, 'theme', { choice: 'dark' });
  expect(db.prepare("SELECT updated_at FROM settings WHERE key = 'theme'").pluck().get()).toBe(
    '2031-05-06T07:09:09.000Z',
  );

  now += 60_000;
  saveScore(db, { date: '2031-05-06', answers: [1, 1, 1, 1, 1, 1, 1] }, '2031-05-06');
  expect(db.prepare('SELECT created_at, updated_at FROM poem_scores').get()).toEqual({
    created_at: '2031-05-06T07:10:09.000Z',
    updated_at: '2031-05-06T07:10:09.000Z',
  });
  vault.lock();
});
