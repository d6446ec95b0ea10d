import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { AppError } from '../../electron/core/errors';
import { DEFAULT_SCRYPT_COST } from '../../electron/core/vault/crypto';
import { readKeyFile } from '../../electron/core/vault/keyFile';
import { Vault } from '../../electron/core/vault/vault';
import { temporaryNames } from '../../electron/core/durableFiles';
import { FAST_SCRYPT, PASSPHRASE, fastVault, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';

const open: Vault[] = [];
function track(vault: Vault): Vault {
  open.push(vault);
  return vault;
}

afterEach(() => {
  for (const vault of open.splice(0)) vault.lock();
  removeTempDirs();
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function writeMarker(vault: Vault, text: string): void {
  vault.db.exec('CREATE TABLE IF NOT EXISTS notes (text TEXT)');
  vault.db.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
}

function readMarkers(vault: Vault): string[] {
  return (vault.db.prepare('SELECT text FROM notes').all() as { text: string }[]).map((row) => row.text);
}

describe('creating a vault', () => {
  it('makes an encrypted journal and a key file, unlocked, with a well-formed recovery key', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    expect(vault.status().state).toBe('absent');

    const created = await vault.create(PASSPHRASE);

    expect(created.status.state).toBe('unlocked');
    expect(created.recoveryKey).toMatch(/^([A-Z2-7]{5}-){5}[A-Z2-7]{5}$/);
    expect(existsSync(join(dir, 'journal.db'))).toBe(true);
    const keyFile = readKeyFile(dir);
    expect(keyFile.version).toBe(1);
    expect(keyFile.passphrase.kdf).toMatchObject({ name: 'scrypt', N: FAST_SCRYPT.N, r: 8, p: 1 });
    // The key file holds no secret in the clear.
    const text = readFileSync(join(dir, 'vault.json'), 'utf8');
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(normalizeRecoveryKey(created.recoveryKey));
  });

  it('uses scrypt N=2^17, r=8, p=1 by default', async () => {
    const dir = tempDir();
    const vault = track(new Vault(dir));
    await vault.create(PASSPHRASE);
    expect(readKeyFile(dir).passphrase.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('refuses to create over an existing journal and changes nothing', async () => {
    const dir = tempDir();
    const first = track(fastVault(dir));
    await first.create(PASSPHRASE);
    first.lock();
    const before = snapshot(dir);
    await expectCode(track(fastVault(dir)).create('another passphrase'), 'VAULT_EXISTS');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('unlocking', () => {
  it('opens with the passphrase and keeps what was written', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    writeMarker(vault, 'first entry');
    vault.lock();
    expect(vault.status().state).toBe('locked');
    expect(() => vault.db).toThrow(/locked/);

    const status = await vault.unlock(PASSPHRASE);
    expect(status.state).toBe('unlocked');
    expect(readMarkers(vault)).toEqual(['first entry']);
  });

  it('accepts the same passphrase typed in another Unicode normal form', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create('crème brûlée forever');
    vault.lock();
    const decomposed = 'crème brûlée forever'.normalize('NFD');
    expect(decomposed).not.toBe('crème brûlée forever');
    expect((await vault.unlock(decomposed)).state).toBe('unlocked');
  });

  it('refuses a wrong passphrase with a clear message and changes nothing', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    vault.lock();
    const before = snapshot(dir);
    const error = await expectCode(vault.unlock('not my passphrase'), 'WRONG_PASSPHRASE');
    expect(error.message).toMatch(/not right/);
    expect(vault.status().state).toBe('locked');
    expect(snapshot(dir)).toEqual(before);
  });

  it('makes people wait longer and longer after repeated wrong passphrases', async () => {
    let now = 1_000_000;
    const dir = tempDir();
    const vault = track(fastVault(dir, { now: () => now }));
    await vault.create(PASSPHRASE);
    vault.lock();

    await expectCode(vault.unlock('wrong one 1'), 'WRONG_PASSPHRASE');
    await expectCode(vault.unlock('wrong one 2'), 'WRONG_PASSPHRASE');
    const third = await expectCode(vault.unlock('wrong one 3'), 'WRONG_PASSPHRASE');
    expect(third.retryAfterSeconds).toBe(2);

    // Even the right passphrase waits until the delay is over.
    const blocked = await expectCode(vault.unlock(PASSPHRASE), 'TOO_MANY_ATTEMPTS');
    expect(blocked.retryAfterSeconds).toBe(2);
    expect(vault.status()).toMatchObject({ state: 'locked', retryAfterSeconds: 2 });

    now += 2_000;
    const fourth = await expectCode(vault.unlock('wrong one 4'), 'WRONG_PASSPHRASE');
    expect(fourth.retryAfterSeconds).toBe(4);
    now += 4_000;
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');

    // Success resets the count.
    vault.lock();
    await expectCode(vault.unlock('wrong again'), 'WRONG_PASSPHRASE');
    expect(vault.status()).toMatchObject({ retryAfterSeconds: 0 });
  });

  it('raises a weaker stored key derivation to the current cost on unlock', async () => {
    const dir = tempDir();
    const weak = track(fastVault(dir));
    await weak.create(PASSPHRASE);
    weak.lock();
    const strong = track(new Vault(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }));
    await strong.unlock(PASSPHRASE);
    expect(readKeyFile(dir).passphrase.kdf.N).toBe(2 ** 12);
    strong.lock();
    expect((await strong.unlock(PASSPHRASE)).state).toBe('unlocked');
  });
});

describe('the recovery key', () => {
  it('unlocks and requires a new passphrase, which then replaces the old one', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    const { recoveryKey } = await vault.create(PASSPHRASE);
    writeMarker(vault, 'kept through recovery');
    vault.lock();

    // People type keys in lower case, with spaces, or with 0 for O: all accepted.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('o', '0');
    const status = await vault.recover(normalizeRecoveryKey(typed), 'a brand new passphrase');
    expect(status.state).toBe('unlocked');
    expect(readMarkers(vault)).toEqual(['kept through recovery']);
    vault.lock();

    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    expect((await vault.unlock('a brand new passphrase')).state).toBe('unlocked');
  });

  it('refuses a wrong recovery key and changes nothing', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    vault.lock();
    const before = snapshot(dir);
    await expectCode(vault.recover('A'.repeat(30), 'a brand new passphrase'), 'WRONG_RECOVERY_KEY');
    expect(snapshot(dir)).toEqual(before);
  });

  it('can be replaced; the old key stops working', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    const { recoveryKey: oldKey } = await vault.create(PASSPHRASE);
    await expectCode(vault.newRecoveryKey('wrong passphrase'), 'WRONG_PASSPHRASE');
    const newKey = await vault.newRecoveryKey(PASSPHRASE);
    expect(newKey).not.toBe(oldKey);
    vault.lock();
    await expectCode(vault.recover(normalizeRecoveryKey(oldKey), 'another passphrase'), 'WRONG_RECOVERY_KEY');
    expect((await vault.recover(normalizeRecoveryKey(newKey), 'another passphrase')).state).toBe('unlocked');
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key only: the journal file is not rewritten', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    writeMarker(vault, 'unchanged');
    vault.lock();
    await vault.unlock(PASSPHRASE);
    const journalBefore = readFileSync(join(dir, 'journal.db'));

    await expectCode(vault.changePassphrase('wrong passphrase', 'new passphrase 123'), 'WRONG_PASSPHRASE');
    await vault.changePassphrase(PASSPHRASE, 'new passphrase 123');

    expect(readFileSync(join(dir, 'journal.db')).equals(journalBefore)).toBe(true);
    vault.lock();
    await expectCode(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await vault.unlock('new passphrase 123');
    expect(readMarkers(vault)).toEqual(['unchanged']);
  });

  it('keeps no copy of the old key file (it would still open with the old passphrase) and leaves no temp file', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    const original = readFileSync(join(dir, 'vault.json'), 'utf8');
    writeFileSync(join(dir, 'vault.json.bak'), original); // as an older version left it
    await vault.changePassphrase(PASSPHRASE, 'new passphrase 123');

    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).not.toBe(original);
    expect(Object.keys(snapshot(dir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.bak'))).toEqual([]);
  });

  it('leaves the old key file whole when writing the new one fails', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    const original = readFileSync(join(dir, 'vault.json'), 'utf8');
    const suffix = temporaryNames.suffix;
    // A folder where the temp file should go makes the write fail before anything is replaced.
    temporaryNames.suffix = () => 'in-the-way';
    mkdirSync(join(dir, `vault.json.${process.pid}.in-the-way.tmp`));
    try {
      await expect(vault.changePassphrase(PASSPHRASE, 'new passphrase 123')).rejects.toThrow();
    } finally {
      temporaryNames.suffix = suffix;
    }

    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toBe(original);
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
  });

  it('needs the journal to be unlocked', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    vault.lock();
    await expectCode(vault.changePassphrase(PASSPHRASE, 'new passphrase 123'), 'VAULT_LOCKED');
  });
});

describe('damaged or missing files', () => {
  async function lockedVaultDir(): Promise<string> {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    return dir;
  }

  it('names a damaged vault.json, points to the backup, and touches nothing', async () => {
    const dir = await lockedVaultDir();
    writeFileSync(join(dir, 'vault.json'), '{ "format": "axis-journal-vault", "vers');
    const before = snapshot(dir);
    const vault = track(fastVault(dir));
    expect(vault.status()).toMatchObject({ state: 'unavailable', problem: { code: 'KEY_FILE_DAMAGED' } });
    const error = await expectCode(vault.unlock(PASSPHRASE), 'KEY_FILE_DAMAGED');
    expect(error.message).toContain('vault.json');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names a missing vault.json and never makes a new one', async () => {
    const dir = await lockedVaultDir();
    rmSync(join(dir, 'vault.json'));
    const before = snapshot(dir);
    const vault = track(fastVault(dir));
    expect(vault.status()).toMatchObject({ state: 'unavailable', problem: { code: 'KEY_FILE_MISSING' } });
    await expectCode(vault.unlock(PASSPHRASE), 'KEY_FILE_MISSING');
    await expectCode(vault.create(PASSPHRASE), 'VAULT_EXISTS');
    expect(snapshot(dir)).toEqual(before);
  });

  it('starts again after a creation that was cut off before vault.json existed', async () => {
    // What a crash between "journal.db made" and "vault.json written" leaves: the marker and a journal without a key.
    const dir = await lockedVaultDir();
    rmSync(join(dir, 'vault.json'));
    rmSync(join(dir, 'vault.json.bak'), { force: true });
    writeFileSync(join(dir, 'journal.creating'), '12345\n');
    const vault = track(fastVault(dir));
    expect(vault.status()).toMatchObject({ state: 'absent' });
    await expectCode(vault.unlock(PASSPHRASE), 'VAULT_NOT_FOUND');

    const { recoveryKey } = await vault.create('a brand new passphrase');
    expect(recoveryKey).toBeTruthy();
    expect(existsSync(join(dir, 'journal.creating'))).toBe(false);
    writeMarker(vault, 'first entry');
    vault.lock();
    await vault.unlock('a brand new passphrase');
    expect(readMarkers(vault)).toEqual(['first entry']);
  });

  it('clears temporary files a stopped process left behind when the journal is next opened', async () => {
    const dir = await lockedVaultDir();
    const leftovers = [
      'vault.json.999999.tmp',
      'vault.json.bak.999999.tmp',
      'preferences.json.999999.tmp',
      'remembered-passphrase.bin.999999.tmp',
    ];
    for (const name of leftovers) writeFileSync(join(dir, name), 'half written');
    writeFileSync(join(dir, 'journal.creating'), '999999\n');
    writeFileSync(join(dir, 'my-notes.tmp'), 'not ours');
    mkdirSync(join(dir, 'vault.json.888888.tmp')); // something odd by a matching name does not stop the unlock
    const vault = track(fastVault(dir));
    await vault.unlock(PASSPHRASE);
    for (const name of [...leftovers, 'journal.creating']) expect(existsSync(join(dir, name)), name).toBe(false);
    expect(existsSync(join(dir, 'my-notes.tmp'))).toBe(true);
  });

  it('names a missing journal.db and never makes an empty one', async () => {
    const dir = await lockedVaultDir();
    rmSync(join(dir, 'journal.db'));
    const before = snapshot(dir);
    const vault = track(fastVault(dir));
    expect(vault.status()).toMatchObject({ state: 'unavailable', problem: { code: 'JOURNAL_MISSING' } });
    const error = await expectCode(vault.unlock(PASSPHRASE), 'JOURNAL_MISSING');
    expect(error.message).toContain('journal.db');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names a damaged journal.db and leaves it as it is', async () => {
    const dir = await lockedVaultDir();
    const path = join(dir, 'journal.db');
    const bytes = readFileSync(path);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(path, bytes);
    const before = snapshot(dir);
    const vault = track(fastVault(dir));
    const error = await expectCode(vault.unlock(PASSPHRASE), 'JOURNAL_DAMAGED');
    expect(error.message).toContain('journal.db');
    expect(vault.status().state).toBe('locked');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a key file from a newer version of the app', async () => {
    const dir = await lockedVaultDir();
    const keyFile = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    writeFileSync(join(dir, 'vault.json'), JSON.stringify({ ...keyFile, version: 2 }));
    const before = snapshot(dir);
    await expectCode(track(fastVault(dir)).unlock(PASSPHRASE), 'VAULT_TOO_NEW');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('locking', () => {
  it('closes the database and releases the folder for another opener', async () => {
    const dir = tempDir();
    const vault = track(fastVault(dir));
    await vault.create(PASSPHRASE);
    expect(existsSync(join(dir, 'journal.lock'))).toBe(true);
    expect(vault.lock()).toBe(true);
    expect(vault.lock()).toBe(false);
    expect(existsSync(join(dir, 'journal.lock'))).toBe(false);
    expect(() => vault.db).toThrow(AppError);

    const other = track(fastVault(dir));
    expect((await other.unlock(PASSPHRASE)).state).toBe('unlocked');
  });
});
