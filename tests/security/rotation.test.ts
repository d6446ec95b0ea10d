import { createDecipheriv, hkdfSync, scryptSync } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackup, restoreBackup } from '../../electron/core/data/backup';
import { normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { decryptSqlcipher4, PAGE_SIZE } from '../helpers/sqlcipher4';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, H1: someone rotates a credential because it leaked. An attacker who holds the old
 * passphrase, the old recovery key, the old data key (`axis db-key`) or an old backup, and later
 * gets a copy of the vault folder, must not be able to read anything in it.
 *
 * The attacker here is independent code: node:crypto for scrypt, HKDF and AES-GCM (the key file
 * format), and the SQLCipher 4 page format for every database-looking file. It does not use the
 * app's own decryption, so a shortcut in the app cannot make the test pass.
 */

afterAll(removeTempDirs);

interface Wrap {
  iv: string;
  tag: string;
  ciphertext: string;
}

function gcmOpen(wrap: Wrap, key: Buffer, purpose: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrap.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

type Credential = { passphrase: string } | { recoveryKey: string };

/** Every data key a credential unwraps from any wrap found in a JSON document (key file or backup header). */
function keysFromJson(json: unknown, credential: Credential): Buffer[] {
  const found: Buffer[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const value = node as Record<string, unknown>;
    const kdf = value.kdf as Record<string, unknown> | undefined;
    const wrapped = value.wrapped as Wrap | undefined;
    if (kdf && wrapped) {
      if ('passphrase' in credential && kdf.name === 'scrypt') {
        const { N, r, p, salt } = kdf as { N: number; r: number; p: number; salt: string };
        const key = scryptSync(Buffer.from(credential.passphrase.normalize('NFC')), Buffer.from(salt, 'base64'), 32, {
          N,
          r,
          p,
          maxmem: 256 * N * r * p,
        });
        const dataKey = gcmOpen(wrapped, key, 'axis-journal/v1/passphrase');
        if (dataKey) found.push(dataKey);
      }
      if ('recoveryKey' in credential && kdf.name === 'hkdf-sha256') {
        const key = Buffer.from(
          hkdfSync(
            'sha256',
            Buffer.from(credential.recoveryKey, 'ascii'),
            Buffer.from(kdf.salt as string, 'base64'),
            'axis-journal/recovery-key-wrap/v1',
            32,
          ),
        );
        const dataKey = gcmOpen(wrapped, key, 'axis-journal/v1/recovery');
        if (dataKey) found.push(dataKey);
      }
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(json);
  return found;
}

/** The JSON header of a backup file, or of a key file. */
function jsonIn(bytes: Buffer): unknown {
  const magic = 'AXIS-JOURNAL-BACKUP\n';
  try {
    if (bytes.subarray(0, magic.length).toString('latin1') === magic) {
      const length = bytes.readUInt32BE(magic.length);
      return JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + length).toString('utf8'));
    }
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * What an attacker holding `credentials` (and data keys learnt earlier) reads in `dir`: for each
 * file, the keys its JSON yields and whether any known key decrypts any of its pages.
 */
function attack(dir: string, credentials: Credential[], knownKeys: Buffer[]): string[] {
  const opened: string[] = [];
  const keys = [...knownKeys];
  const files = filesUnder(dir);
  for (const file of files) {
    const json = jsonIn(readFileSync(file));
    for (const credential of credentials) {
      const found = keysFromJson(json, credential);
      if (found.length) opened.push(`${relative(dir, file)} unwraps a data key with ${Object.keys(credential)[0]}`);
      keys.push(...found);
    }
  }
  for (const file of files) {
    const bytes = readFileSync(file);
    const name = relative(dir, file);
    // A database (or a backup's embedded snapshot): try every page boundary we can align on.
    const candidates = [bytes];
    const json = jsonIn(bytes);
    if (json && typeof json === 'object' && 'journalBytes' in json)
      candidates.push(bytes.subarray(bytes.length - (json as { journalBytes: number }).journalBytes));
    for (const candidate of candidates) {
      const whole = candidate.subarray(0, candidate.length - (candidate.length % PAGE_SIZE));
      if (whole.length < PAGE_SIZE) continue;
      for (const key of keys) {
        if (decryptSqlcipher4(whole, key).some((page) => page.hmacValid))
          opened.push(`${name} decrypts with a known data key`);
      }
    }
  }
  return opened;
}

async function journalWithNote(dir: string) {
  const vault = fastVault(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  vault.db.exec(
    `CREATE TABLE IF NOT EXISTS attack_notes(text TEXT); INSERT INTO attack_notes VALUES ('written before rotation')`,
  );
  const dataKey = Buffer.from(await vault.revealDataKey(PASSPHRASE));
  return { vault, recoveryKey: normalizeRecoveryKey(recoveryKey), dataKey };
}

describe('H1: a rotated credential opens nothing in the vault folder', () => {
  it('after "someone knows my passphrase or recovery key" (re-key with a new passphrase)', async () => {
    const dir = tempDir('axis-h1-rekey-');
    const { vault, recoveryKey: oldRecovery, dataKey: oldDataKey } = await journalWithNote(dir);
    // The attacker took a copy of the folder and a backup before the rotation.
    const stolenCopy = tempDir('axis-h1-stolen-');
    vault.lock();
    cpSync(dir, stolenCopy, { recursive: true });
    await vault.unlock(PASSPHRASE);
    const oldBackup = buildBackup(vault, 'test', new Date()).bytes;
    expect(attack(stolenCopy, [{ passphrase: PASSPHRASE }], []).length).toBeGreaterThan(0); // the attacker's code works

    const newPassphrase = 'granite meadow violin 58';
    const newRecovery = normalizeRecoveryKey(await vault.rekey(PASSPHRASE, newPassphrase));
    vault.db.exec(`INSERT INTO attack_notes VALUES ('written after rotation')`);
    vault.lock();

    const oldCredentials: Credential[] = [{ passphrase: PASSPHRASE }, { recoveryKey: oldRecovery }];
    // Keys the attacker learnt earlier: db-key output, and whatever the old backup gives with the old credentials.
    const learnt = [oldDataKey, ...oldCredentials.flatMap((credential) => keysFromJson(jsonIn(oldBackup), credential))];
    expect(learnt.length).toBe(3);
    expect(attack(dir, oldCredentials, learnt)).toEqual([]);

    // Control: the new credentials do open it, and the note written after rotation is there.
    const fresh = attack(dir, [{ passphrase: newPassphrase }, { recoveryKey: newRecovery }], []);
    expect(fresh).toEqual(
      expect.arrayContaining([
        'vault.json unwraps a data key with passphrase',
        'vault.json unwraps a data key with recoveryKey',
        'journal.db decrypts with a known data key',
      ]),
    );
    await vault.unlock(newPassphrase);
    expect(vault.db.prepare('SELECT text FROM attack_notes ORDER BY rowid').pluck().all()).toEqual([
      'written before rotation',
      'written after rotation',
    ]);
    vault.lock();
  });

  it('after making a new recovery key (which re-keys, keeping the passphrase)', async () => {
    const dir = tempDir('axis-h1-recovery-');
    const { vault, recoveryKey: oldRecovery, dataKey: oldDataKey } = await journalWithNote(dir);
    const newRecovery = normalizeRecoveryKey(await vault.newRecoveryKey(PASSPHRASE));
    vault.db.exec(`INSERT INTO attack_notes VALUES ('written after rotation')`);
    vault.lock();
    expect(attack(dir, [{ recoveryKey: oldRecovery }], [oldDataKey])).toEqual([]);
    await vault.recover(newRecovery, 'granite meadow violin 58');
    expect(vault.db.prepare('SELECT count(*) FROM attack_notes').pluck().get()).toBe(2);
    vault.lock();
  });

  it('after changing the passphrase: no vault.json.bak, no key file kept aside opens with the old one', async () => {
    const dir = tempDir('axis-h1-passphrase-');
    const { vault } = await journalWithNote(dir);
    // A journal kept aside by an earlier restore of its own backup.
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();
    await restoreBackup(dir, backup, { passphrase: PASSPHRASE }, new Date());
    expect(readdirSync(dir).some((name) => name.startsWith('before-restore-'))).toBe(true);
    await vault.unlock(PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, 'granite meadow violin 58');
    vault.lock();
    expect(attack(dir, [{ passphrase: PASSPHRASE }], [])).toEqual([]);
    expect(readdirSync(dir)).not.toContain('vault.json.bak');
  });

  it('a re-key removes journals kept aside by restores: they are under the retired key', async () => {
    const dir = tempDir('axis-h1-aside-');
    const { vault, dataKey: oldDataKey } = await journalWithNote(dir);
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();
    await restoreBackup(dir, backup, { passphrase: PASSPHRASE }, new Date());
    await vault.unlock(PASSPHRASE);
    await vault.rekey(PASSPHRASE, null);
    vault.lock();
    expect(readdirSync(dir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
    expect(attack(dir, [], [oldDataKey])).toEqual([]);
  });

  it('an old backup still opens with the credentials of its day (as the docs say), but not the re-keyed journal', async () => {
    const dir = tempDir('axis-h1-backup-');
    const { vault } = await journalWithNote(dir);
    const oldBackup = buildBackup(vault, 'test', new Date()).bytes;
    await vault.rekey(PASSPHRASE, 'granite meadow violin 58');
    vault.lock();
    const backupDir = tempDir('axis-h1-backup-file-');
    writeFileSync(join(backupDir, 'old.axisbackup'), oldBackup);
    expect(attack(backupDir, [{ passphrase: PASSPHRASE }], [])).toEqual([
      'old.axisbackup unwraps a data key with passphrase',
      'old.axisbackup decrypts with a known data key',
    ]);
    const learnt = keysFromJson(jsonIn(oldBackup), { passphrase: PASSPHRASE });
    expect(attack(dir, [], learnt)).toEqual([]);
  });
});
