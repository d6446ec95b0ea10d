import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../electron/core/db/database';
import { derivePassphraseKey, unwrapKey } from '../../electron/core/vault/crypto';
import { WRAP_PURPOSE, readKeyFile } from '../../electron/core/vault/keyFile';
import { Vault } from '../../electron/core/vault/vault';
import { PAGE_SIZE, RESERVE, SALT_BYTES, decryptSqlcipher4, type DecryptedPage } from '../helpers/sqlcipher4';

/** The SQLite header fields after the 16-byte magic, read from decrypted page 1 (offset 16 onward). */
function sqliteHeader(page1: DecryptedPage) {
  const h = page1.plaintext; // h[0] is file offset 16
  const rawPageSize = h.readUInt16BE(0);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    reservedBytes: h[4],
    maxPayloadFraction: h[5],
    minPayloadFraction: h[6],
    leafPayloadFraction: h[7],
  };
}

function expectReadableSqlcipher4(file: Buffer, key: Buffer, marker: string): void {
  const pages = decryptSqlcipher4(file, key);
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.filter((page) => !page.hmacValid).map((page) => page.pageNumber)).toEqual([]);
  expect(sqliteHeader(pages[0]!)).toEqual({
    pageSize: PAGE_SIZE,
    reservedBytes: RESERVE,
    maxPayloadFraction: 64,
    minPayloadFraction: 32,
    leafPayloadFraction: 32,
  });
  // The header's page count (offset 28) matches the file, as SQLite expects.
  expect(pages[0]!.plaintext.readUInt32BE(28 - SALT_BYTES)).toBe(pages.length);
  expect(pages.some((page) => page.plaintext.includes(marker))).toBe(true);
  expect(file.includes(marker)).toBe(false);
  expect(file.includes('SQLite format 3')).toBe(false);
}

describe('journal.db is a standard SQLCipher 4 file (checked without SQLite)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'axis-sqlcipher-format-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a vault journal decrypts page by page with the data key from vault.json', async () => {
    const vaultDir = join(dir, 'vault');
    const passphrase = 'correct horse battery staple';
    const marker = `vault-marker-${randomBytes(8).toString('hex')}`;
    const vault = new Vault(vaultDir, { scryptCost: { N: 1024, r: 8, p: 1 } });
    await vault.create(passphrase);
    vault.db.exec(`CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('${marker}')`);
    vault.lock();

    // Closing the last connection checkpoints the WAL into journal.db and removes it.
    const journalPath = join(vaultDir, 'journal.db');
    expect(existsSync(`${journalPath}-wal`)).toBe(false);

    const { kdf, wrapped } = readKeyFile(vaultDir).passphrase;
    const dataKey = unwrapKey(wrapped, await derivePassphraseKey(passphrase, kdf.salt, kdf), WRAP_PURPOSE.passphrase);
    expect(dataKey).not.toBeNull();
    expectReadableSqlcipher4(readFileSync(journalPath), dataKey!, marker);
  });

  it('openCipherDatabase with a known raw key writes pages any SQLCipher 4 reader can decrypt', () => {
    const path = join(dir, 'known-key.db');
    const key = randomBytes(32);
    const marker = `known-key-marker-${randomBytes(8).toString('hex')}`;
    const db = openCipherDatabase(path, key, { create: true });
    db.exec(`CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('${marker}')`);
    db.close();

    expectReadableSqlcipher4(readFileSync(path), key, marker);
  });

  it('a wrong key fails the HMAC check on page 1', () => {
    const path = join(dir, 'wrong-key.db');
    const key = randomBytes(32);
    const db = openCipherDatabase(path, key, { create: true });
    db.exec(`CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('hello')`);
    db.close();
    const file = readFileSync(path);

    expect(decryptSqlcipher4(file, key)[0]!.hmacValid).toBe(true);
    const wrongKey = Buffer.from(key);
    wrongKey[0]! ^= 0x01; // one bit off
    expect(decryptSqlcipher4(file, wrongKey)[0]!.hmacValid).toBe(false);
    expect(decryptSqlcipher4(file, randomBytes(32))[0]!.hmacValid).toBe(false);
  });
});
