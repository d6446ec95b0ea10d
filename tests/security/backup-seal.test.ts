import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { buildBackup, readBackup, restoreBackup, UNSEALED_BACKUP_ADVICE } from '../../electron/core/data/backup';
import { openCipherDatabase } from '../../electron/core/db/database';
import { type AppError } from '../../electron/core/errors';
import { openJournalApp } from '../helpers/journalApp';
import { PASSPHRASE, fastVault, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L2: a backup's header (the key file inside it, its dates) was not authenticated. A
 * one-bit flip in the recovery wrap restored silently — and the recovery key no longer worked
 * afterwards; a flipped year was reported as "the backup made 2126-…". The header is now sealed
 * with an HMAC under a key derived from the data key, checked before anything on disk changes.
 */

afterAll(removeTempDirs);

const MAGIC_BYTES = 'AXIS-JOURNAL-BACKUP\n'.length;

/** The backup with its JSON header edited in place (same length, so the layout stays valid). */
function withHeader(bytes: Buffer, edit: (header: any) => void): Buffer {
  const length = bytes.readUInt32BE(MAGIC_BYTES);
  const start = MAGIC_BYTES + 4;
  const header = JSON.parse(bytes.subarray(start, start + length).toString('utf8'));
  edit(header);
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  expect(text.length).toBe(length);
  return Buffer.concat([bytes.subarray(0, start), text, bytes.subarray(start + length)]);
}

/** Flips the lowest bit of the first byte of a base64 value. */
function flipBit(base64: string): string {
  const raw = Buffer.from(base64, 'base64');
  raw[0]! ^= 1;
  return raw.toString('base64');
}

async function vaultWithBackup() {
  const dir = tempDir('axis-seal-');
  const vault = fastVault(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  vault.db.exec(`CREATE TABLE marker (note TEXT); INSERT INTO marker VALUES ('before the backup')`);
  const backup = buildBackup(vault, 'test', new Date('2026-12-06T10:00:00Z')).bytes;
  vault.db.exec(`INSERT INTO marker VALUES ('after the backup')`);
  return { dir, vault, backup, recovery: normalizeRecoveryKey(recoveryKey) };
}

const TAMPERING: [string, (header: any) => void][] = [
  [
    'one bit of the recovery wrap',
    (h) => (h.keyFile.recovery.wrapped.ciphertext = flipBit(h.keyFile.recovery.wrapped.ciphertext)),
  ],
  ['one bit of the recovery tag', (h) => (h.keyFile.recovery.wrapped.tag = flipBit(h.keyFile.recovery.wrapped.tag))],
  ['the recovery salt', (h) => (h.keyFile.recovery.kdf.salt = flipBit(h.keyFile.recovery.kdf.salt))],
  ['the year it was made', (h) => (h.createdAt = h.createdAt.replace('2026', '2126'))],
  ['the key file creation date', (h) => (h.keyFile.createdAt = h.keyFile.createdAt.replace('20', '21'))],
  ['the app version', (h) => (h.appVersion = 'tset')],
];

describe('L2: a backup header changed after it was made is refused, and the journal is untouched', () => {
  for (const [what, edit] of TAMPERING) {
    it(`restoring with the passphrase: ${what}`, async () => {
      const { dir, vault, backup } = await vaultWithBackup();
      vault.lock();
      const before = snapshot(dir);
      const error = (await restoreBackup(dir, withHeader(backup, edit), { passphrase: PASSPHRASE }, new Date()).catch(
        (e: unknown) => e,
      )) as AppError;
      expect(error.code).toBe('BACKUP_DAMAGED');
      expect(error.message).toMatch(/changed or damaged since it was made .* not restored\. Nothing was changed/);
      expect(snapshot(dir)).toEqual(before);
      expect(existsSync(join(dir, 'journal.db.restoring'))).toBe(false);
    });
  }

  it('restoring with the recovery key: one bit of the passphrase wrap', async () => {
    const { dir, vault, backup, recovery } = await vaultWithBackup();
    vault.lock();
    const before = snapshot(dir);
    const tampered = withHeader(backup, (h) => {
      h.keyFile.passphrase.wrapped.ciphertext = flipBit(h.keyFile.passphrase.wrapped.ciphertext);
    });
    await expect(restoreBackup(dir, tampered, { recoveryKey: recovery }, new Date())).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('an untouched backup restores, and both its credentials work afterwards', async () => {
    const { dir, vault, backup, recovery } = await vaultWithBackup();
    vault.lock();
    const result = await restoreBackup(dir, backup, { passphrase: PASSPHRASE }, new Date());
    expect(result.sealed).toBe(true);
    expect(result.info.createdAt).toBe('2026-12-06T10:00:00.000Z');
    const reopened = fastVault(dir);
    await reopened.recover(recovery, 'a new passphrase after restore');
    expect(reopened.db.prepare('SELECT note FROM marker').pluck().all()).toEqual(['before the backup']);
    reopened.lock();
  });
});

describe('L2: backups made before seals (version 1)', () => {
  /** A version 1 file: the same header without a seal, around `journal`. */
  function unsealed(sealedBackup: Buffer, journal: Buffer, keyFileEdit: (keyFile: any) => void = () => {}): Buffer {
    const parsed = readBackup(sealedBackup);
    keyFileEdit(parsed.keyFile);
    const header = Buffer.from(
      JSON.stringify({
        format: 'axis-journal-backup',
        version: 1,
        createdAt: parsed.createdAt,
        appVersion: parsed.appVersion,
        schemaVersion: parsed.schemaVersion,
        keyFile: parsed.keyFile,
        journalBytes: journal.length,
        journalSha256: createHash('sha256').update(journal).digest('hex'),
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    return Buffer.concat([sealedBackup.subarray(0, MAGIC_BYTES), length, header, journal]);
  }

  it('the app says so too: restoring an old backup answers with the advice the page shows', async () => {
    const app = await openJournalApp();
    try {
      const { bytes: backup } = buildBackup(app.backend.vault, 'test', new Date('2026-06-15T10:00:00Z'));
      const dataKey = await app.backend.vault.revealDataKey(PASSPHRASE);
      const oldJournal = join(tempDir('axis-old-'), 'journal.db');
      writeFileSync(oldJournal, readBackup(backup).journal);
      const db = openCipherDatabase(oldJournal, dataKey, { create: false });
      db.exec('DROP TABLE IF EXISTS journal_binding; PRAGMA user_version = 8');
      db.close();
      const old = unsealed(backup, readFileSync(oldJournal), (keyFile) => delete keyFile.binding);
      const status = await app.call('data.restore', {
        dataBase64: old.toString('base64'),
        passphrase: PASSPHRASE,
        currentPassphrase: PASSPHRASE,
      });
      expect(status).toMatchObject({ state: 'locked', advice: UNSEALED_BACKUP_ADVICE });
      await app.call('vault.unlock', { passphrase: PASSPHRASE });
      const sealed = await app.call('data.restore', {
        dataBase64: (await app.call('data.backup')).dataBase64,
        passphrase: PASSPHRASE,
        currentPassphrase: PASSPHRASE,
      });
      expect(sealed.state).toBe('locked');
      expect(sealed).not.toHaveProperty('advice');
    } finally {
      app.close();
    }
  });

  it('a genuine old backup (its journal from before seals) restores, with advice to make a new recovery key', async () => {
    const { dir, vault, backup } = await vaultWithBackup();
    const dataKey = await vault.revealDataKey(PASSPHRASE);
    vault.lock();
    // The journal as an older app made it: no record of its key file.
    const oldJournal = join(tempDir('axis-old-'), 'journal.db');
    writeFileSync(oldJournal, readBackup(backup).journal);
    const db = openCipherDatabase(oldJournal, dataKey, { create: false });
    db.exec('DROP TABLE IF EXISTS journal_binding; PRAGMA user_version = 8');
    db.close();
    const result = await restoreBackup(
      dir,
      // …and its key file, which had no binding either.
      unsealed(backup, readFileSync(oldJournal), (keyFile) => delete keyFile.binding),
      { passphrase: PASSPHRASE },
      new Date(),
    );
    expect(result.sealed).toBe(false);
    expect(UNSEALED_BACKUP_ADVICE).toMatch(/Make a new recovery key in Security/);
    const reopened = fastVault(dir);
    await reopened.unlock(PASSPHRASE);
    expect(reopened.db.prepare('SELECT note FROM marker').pluck().all()).toEqual(['before the backup']);
    reopened.lock();
  });

  it('a new backup with its seal cut off (to slip a changed header past it) is refused', async () => {
    const { dir, vault, backup } = await vaultWithBackup();
    vault.lock();
    const before = snapshot(dir);
    const stripped = withHeader(unsealed(backup, readBackup(backup).journal), (h) => {
      h.keyFile.recovery.wrapped.ciphertext = flipBit(h.keyFile.recovery.wrapped.ciphertext);
    });
    const error = (await restoreBackup(dir, stripped, { passphrase: PASSPHRASE }, new Date()).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe('BACKUP_DAMAGED');
    expect(error.message).toMatch(/seal was removed/);
    expect(snapshot(dir)).toEqual(before);
  });
});
