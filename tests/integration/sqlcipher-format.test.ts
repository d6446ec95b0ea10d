import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../electron/core/db/database';
import { derivePassphraseKey, unwrapKey } from '../../electron/core/vault/crypto';
import { WRAP_PURPOSE, readKeyFile } from '../../electron/core/vault/keyFile';
import { Vault } from '../../electron/core/vault/vault';

/*
 * An independent reader for SQLCipher 4's default page format (crypto_impl.c, `sqlcipher_page_cipher`
 * and `sqlcipher_page_hmac`; https://www.zetetic.net/sqlcipher/design/), written with node:crypto only,
 * so a passing test means any SQLCipher 4 tool can open journal.db with PRAGMA key = "x'…'":
 * - pages are 4096 bytes; the first 16 bytes of page 1 are the KDF salt, stored in clear;
 * - a raw key x'<64 hex>' is the AES-256 key itself (no PBKDF2 over the key);
 * - HMAC key = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes);
 * - each page ends in 80 reserved bytes: a 16-byte IV, then a 64-byte HMAC-SHA512;
 * - AES-256-CBC without padding over [0, 4096 - 80), or [16, 4096 - 80) on page 1;
 * - HMAC-SHA512 over ciphertext ‖ IV ‖ page number (1-based, 4 bytes little-endian).
 */
const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE = IV_BYTES + HMAC_BYTES; // 80, already a multiple of the AES block size
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;

interface DecryptedPage {
  pageNumber: number;
  hmacValid: boolean;
  /** The page's plaintext content (for page 1, from file offset 16), without the reserved bytes. */
  plaintext: Buffer;
}

function decryptSqlcipher4(file: Buffer, key: Buffer): DecryptedPage[] {
  expect(key.length).toBe(32);
  expect(file.length % PAGE_SIZE).toBe(0);
  const salt = file.subarray(0, SALT_BYTES);
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ HMAC_SALT_MASK));
  const hmacKey = pbkdf2Sync(key, hmacSalt, FAST_KDF_ITER, 32, 'sha512');

  const pages: DecryptedPage[] = [];
  for (let offset = 0; offset < file.length; offset += PAGE_SIZE) {
    const pageNumber = offset / PAGE_SIZE + 1;
    const page = file.subarray(offset, offset + PAGE_SIZE);
    const start = pageNumber === 1 ? SALT_BYTES : 0;
    const ciphertext = page.subarray(start, PAGE_SIZE - RESERVE);
    const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + IV_BYTES);
    const storedHmac = page.subarray(PAGE_SIZE - HMAC_BYTES);

    const pgno = Buffer.alloc(4);
    pgno.writeUInt32LE(pageNumber);
    const hmac = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pgno).digest();

    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    pages.push({ pageNumber, hmacValid: timingSafeEqual(hmac, storedHmac), plaintext });
  }
  return pages;
}

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
