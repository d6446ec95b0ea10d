import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { openCipherDatabase } from '../../electron/core/db/database';
import { AppError } from '../../electron/core/errors';
import { readKeyFile } from '../../electron/core/vault/keyFile';
import type { Vault } from '../../electron/core/vault/vault';
import { interruptRekey } from '../helpers/interruptedRekey';
import { FAST_SCRYPT, PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Re-key (issue 13): a new data key for the whole journal. These tests put the vault folder in
 * each state a crash can leave it in (the new key recorded next to the old one in vault.json,
 * with journal.db still under the old key or already under the new one) and check that every
 * credential then opens the journal with nothing lost, and that the key file is settled.
 */

const NEW_PASSPHRASE = 'granite meadow violin 58';
const opened: Vault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.lock();
});
afterAll(removeTempDirs);

function track(vault: Vault): Vault {
  opened.push(vault);
  return vault;
}

function notes(vault: Vault): string[] {
  return vault.db.prepare('SELECT text FROM rekey_notes ORDER BY rowid').pluck().all() as string[];
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** A journal with one note, left as a crash mid re-key leaves it (see interruptRekey). */
async function interruptedRekey(journalMoved: boolean) {
  const dir = tempDir('axis-rekey-crash-');
  const vault = fastVault(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  vault.db.exec(`CREATE TABLE rekey_notes(text TEXT); INSERT INTO rekey_notes VALUES ('before the re-key')`);
  const oldKey = await vault.revealDataKey(PASSPHRASE);
  vault.lock();
  const { newRecovery } = await interruptRekey(dir, oldKey, {
    journalMoved,
    newPassphrase: NEW_PASSPHRASE,
    scryptCost: FAST_SCRYPT,
  });
  return { dir, oldRecovery: normalizeRecoveryKey(recoveryKey), newRecovery };
}

describe('re-key', () => {
  it('re-encrypts the journal under a new key; old credentials fail, new ones work, nothing is lost', async () => {
    const dir = tempDir('axis-rekey-');
    const vault = track(fastVault(dir));
    const { recoveryKey } = await vault.create(PASSPHRASE);
    vault.db.exec(`CREATE TABLE rekey_notes(text TEXT); INSERT INTO rekey_notes VALUES ('one'), ('two')`);
    const oldKey = Buffer.from(await vault.revealDataKey(PASSPHRASE));
    const journalBefore = readFileSync(join(dir, 'journal.db'));

    await expectCode(vault.rekey('not my passphrase', NEW_PASSPHRASE), 'WRONG_PASSPHRASE');
    const newRecovery = await vault.rekey(PASSPHRASE, NEW_PASSPHRASE);
    expect(notes(vault)).toEqual(['one', 'two']); // still open, same data
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(readKeyFile(dir).rekey).toBeUndefined();
    const newKey = await vault.revealDataKey(NEW_PASSPHRASE);
    expect(newKey.equals(oldKey)).toBe(false);
    vault.lock();
    expect(readFileSync(join(dir, 'journal.db')).equals(journalBefore)).toBe(false);

    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await expectCode(vault.recover(normalizeRecoveryKey(recoveryKey), 'anything at all 1'), 'WRONG_RECOVERY_KEY');
    expect(() => openCipherDatabase(join(dir, 'journal.db'), oldKey, { create: false })).toThrow();
    await vault.recover(normalizeRecoveryKey(newRecovery), 'yet another passphrase');
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(notes(vault)).toEqual(['one', 'two']);
  });

  it('a re-keyed copy left by a crash is thrown away on the next open', async () => {
    const { dir } = await interruptedRekey(false);
    writeFileSync(join(dir, 'journal.db.rekeying'), randomBytes(8192));
    writeFileSync(join(dir, 'journal.db.rekeying-journal'), randomBytes(4096));
    const vault = track(fastVault(dir));
    await vault.unlock(PASSPHRASE);
    expect(notes(vault)).toEqual(['before the re-key']);
    expect(existsSync(join(dir, 'journal.db.rekeying'))).toBe(false);
    expect(existsSync(join(dir, 'journal.db.rekeying-journal'))).toBe(false);
  });

  it('refuses when the copy cannot be written, and changes nothing', async () => {
    const dir = tempDir('axis-rekey-busy-');
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    vault.db.exec(`CREATE TABLE rekey_notes(text TEXT); INSERT INTO rekey_notes VALUES ('kept')`);
    mkdirSync(join(dir, 'journal.db.rekeying', 'in the way'), { recursive: true }); // a folder where the copy goes
    const keyFileBefore = readFileSync(join(dir, 'vault.json'), 'utf8');
    const rekeyed = vault.rekey(PASSPHRASE, null);
    await expectCode(rekeyed, 'STORAGE_FAILED');
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toBe(keyFileBefore);
    expect(notes(vault)).toEqual(['kept']);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(notes(vault)).toEqual(['kept']);
  });

  describe('a crash after journal.db took the new key, before its recovery key was shown', () => {
    it('the next unlock says so and makes a new recovery key; the old and the never-shown ones open nothing', async () => {
      const { dir, oldRecovery, newRecovery } = await interruptedRekey(true);
      const vault = track(fastVault(dir));
      const status = await vault.unlock(PASSPHRASE);
      expect(status.state).toBe('unlocked');
      const made = status.state === 'unlocked' ? status.interruptedRekey?.recoveryKey : undefined;
      expect(made).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}$/);
      expect(vault.status()).not.toHaveProperty('interruptedRekey'); // shown once, never in status polls
      expect(notes(vault)).toEqual(['before the re-key']);
      vault.lock();

      await expectCode(vault.recover(oldRecovery, 'a passphrase after this'), 'WRONG_RECOVERY_KEY');
      await expectCode(vault.recover(newRecovery, 'a passphrase after this'), 'WRONG_RECOVERY_KEY');
      const again = await vault.recover(normalizeRecoveryKey(made!), 'a passphrase after this');
      expect(again).not.toHaveProperty('interruptedRekey');
      expect(notes(vault)).toEqual(['before the re-key']);
      vault.lock();
      // Settled: an ordinary unlock from now on.
      expect(await vault.unlock('a passphrase after this')).not.toHaveProperty('interruptedRekey');
    });

    it('coming in with the old recovery key also gets a new one', async () => {
      const { dir, oldRecovery } = await interruptedRekey(true);
      const vault = track(fastVault(dir));
      const status = await vault.recover(oldRecovery, 'chosen after the crash');
      const made = status.state === 'unlocked' ? status.interruptedRekey?.recoveryKey : undefined;
      expect(made).toBeTruthy();
      vault.lock();
      await expectCode(vault.recover(oldRecovery, 'chosen after the crash'), 'WRONG_RECOVERY_KEY');
      await vault.recover(normalizeRecoveryKey(made!), 'chosen after the crash');
      expect(notes(vault)).toEqual(['before the re-key']);
    });

    it('a crash before the switch needs no new recovery key: the old one still opens it', async () => {
      const { dir, oldRecovery } = await interruptedRekey(false);
      const vault = track(fastVault(dir));
      expect(await vault.unlock(PASSPHRASE)).not.toHaveProperty('interruptedRekey');
      vault.lock();
      await vault.recover(oldRecovery, 'chosen after the crash');
      expect(notes(vault)).toEqual(['before the re-key']);
    });
  });

  for (const journalMoved of [false, true]) {
    const state = journalMoved ? 'after journal.db took the new key' : 'before journal.db took the new key';
    describe(`a crash ${state}`, () => {
      it('the old passphrase opens it, and is kept', async () => {
        const { dir } = await interruptedRekey(journalMoved);
        const vault = track(fastVault(dir));
        await vault.unlock(PASSPHRASE);
        expect(notes(vault)).toEqual(['before the re-key']);
        expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(readKeyFile(dir).rekey).toBeUndefined();
        vault.lock();
        await vault.unlock(PASSPHRASE);
        expect(notes(vault)).toEqual(['before the re-key']);
      });

      it('the new passphrase opens it, and is kept', async () => {
        const { dir } = await interruptedRekey(journalMoved);
        const vault = track(fastVault(dir));
        await vault.unlock(NEW_PASSPHRASE);
        expect(notes(vault)).toEqual(['before the re-key']);
        expect(readKeyFile(dir).rekey).toBeUndefined();
        vault.lock();
        await vault.unlock(NEW_PASSPHRASE);
        expect(notes(vault)).toEqual(['before the re-key']);
      });

      it('the recovery key of the side journal.db is on opens it', async () => {
        const { dir, oldRecovery, newRecovery } = await interruptedRekey(journalMoved);
        const vault = track(fastVault(dir));
        await expectCode(vault.unlock('not my passphrase'), 'WRONG_PASSPHRASE');
        await vault.recover(journalMoved ? newRecovery : oldRecovery, 'chosen after the crash');
        expect(notes(vault)).toEqual(['before the re-key']);
        vault.lock();
        await vault.unlock('chosen after the crash');
        expect(existsSync(join(dir, 'journal.db-journal'))).toBe(false);
      });
    });
  }
});
