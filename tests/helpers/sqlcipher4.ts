import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

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
export const PAGE_SIZE = 4096;
export const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
export const RESERVE = IV_BYTES + HMAC_BYTES; // 80, already a multiple of the AES block size
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;

export interface DecryptedPage {
  pageNumber: number;
  hmacValid: boolean;
  /** The page's plaintext content (for page 1, from file offset 16), without the reserved bytes. */
  plaintext: Buffer;
}

export function decryptSqlcipher4(file: Buffer, key: Buffer): DecryptedPage[] {
  if (key.length !== 32) throw new Error('A SQLCipher 4 raw key has 32 bytes.');
  if (file.length % PAGE_SIZE !== 0) throw new Error('Not a whole number of pages.');
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
