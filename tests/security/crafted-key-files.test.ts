import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackup, restoreBackup } from '../../electron/core/data/backup';
import { AppError } from '../../electron/core/errors';
import { derivePassphraseKey, unwrapKey, wrapKey } from '../../electron/core/vault/crypto';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L1 and L3: a crafted vault.json or backup chose its own scrypt cost (up to 2 TiB of
 * memory; the CLI printed a raw OpenSSL error) and AES-GCM tags as short as 4 bytes were accepted.
 */

afterAll(removeTempDirs);

const MAGIC = 'AXIS-JOURNAL-BACKUP\n';

function rewriteBackupHeader(bytes: Buffer, change: (header: any) => void): Buffer {
  const length = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  const header = JSON.parse(bytes.subarray(start, start + length).toString('utf8'));
  change(header);
  const text = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(text.length);
  return Buffer.concat([bytes.subarray(0, MAGIC.length), size, text, bytes.subarray(start + length)]);
}

async function codeOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('L1: stored scrypt settings are held to a narrow range', () => {
  it('a backup asking for absurd scrypt settings is refused as damaged, without running them', async () => {
    const vault = fastVault(tempDir('axis-crafted-'));
    await vault.create(PASSPHRASE);
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();
    for (const kdf of [
      { N: 2 ** 24, r: 64, p: 16 },
      { N: 2 ** 21, r: 8, p: 16 },
      { N: 2 ** 17, r: 8, p: 4 },
      { N: 3000, r: 8, p: 1 },
    ]) {
      const crafted = rewriteBackupHeader(backup, (header) => Object.assign(header.keyFile.passphrase.kdf, kdf));
      const error = await codeOf(
        restoreBackup(tempDir('axis-crafted-restore-'), crafted, { passphrase: PASSPHRASE }, new Date()),
      );
      expect(error.code, JSON.stringify(kdf)).toBe('BACKUP_DAMAGED');
      expect(error.message).not.toMatch(/error:|OpenSSL|digital envelope/i);
    }
  });

  it('a vault.json asking for them is a damaged key file; the key derivation itself refuses them too', async () => {
    const dir = tempDir('axis-crafted-');
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    const keyFile = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    keyFile.passphrase.kdf.N = 2 ** 24;
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(keyFile));
    expect((await codeOf(fastVault(dir).unlock(PASSPHRASE))).code).toBe('KEY_FILE_DAMAGED');
    const direct = await codeOf(
      derivePassphraseKey(PASSPHRASE, randomBytes(16).toString('base64'), { N: 2 ** 24, r: 64, p: 16 }),
    );
    expect(direct.code).toBe('KEY_FILE_DAMAGED');
  });
});

describe('L3: AES-GCM wraps need the full 16-byte tag and a 12-byte IV', () => {
  it('a wrap with its tag cut to 4 bytes does not unwrap', () => {
    const key = randomBytes(32);
    const dataKey = randomBytes(32);
    const wrap = wrapKey(dataKey, key, 'purpose');
    expect(unwrapKey(wrap, key, 'purpose')?.equals(dataKey)).toBe(true);
    const short = { ...wrap, tag: Buffer.from(wrap.tag, 'base64').subarray(0, 4).toString('base64') };
    expect(unwrapKey(short, key, 'purpose')).toBeNull();
    const longIv = { ...wrap, iv: randomBytes(16).toString('base64') };
    expect(unwrapKey(longIv, key, 'purpose')).toBeNull();
  });

  it('a restored backup whose key file has a 4-byte tag is refused', async () => {
    const vault = fastVault(tempDir('axis-crafted-'));
    await vault.create(PASSPHRASE);
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();
    const crafted = rewriteBackupHeader(backup, (header) => {
      header.keyFile.passphrase.wrapped.tag = Buffer.from(header.keyFile.passphrase.wrapped.tag, 'base64')
        .subarray(0, 4)
        .toString('base64');
    });
    expect(
      (await codeOf(restoreBackup(tempDir('axis-crafted-restore-'), crafted, { passphrase: PASSPHRASE }, new Date())))
        .code,
    ).toBe('BACKUP_DAMAGED');
  });
});
