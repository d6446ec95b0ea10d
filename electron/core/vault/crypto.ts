import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdf,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { AppError } from '../errors';

/** scrypt cost. Stored in vault.json so it can be raised later without breaking old vaults. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/**
 * The only scrypt settings accepted from a key file or backup: a crafted file must not make the app
 * spend minutes of CPU or gigabytes of memory on one try. 2^10 is the tests' cheap setting; 2^18
 * is twice today's. r is fixed; p at most 2.
 */
export const SCRYPT_LIMITS = { minLog2N: 10, maxLog2N: 18, r: 8, maxP: 2 } as const;
/** scrypt needs 128·N·r·p bytes; this covers the largest accepted setting and nothing more. */
const SCRYPT_MAXMEM = 128 * 2 ** SCRYPT_LIMITS.maxLog2N * SCRYPT_LIMITS.r * SCRYPT_LIMITS.maxP + 16 * 1024 * 1024;
export const DATA_KEY_BYTES = 32;
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export interface WrappedKey {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

export function randomDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function randomSalt(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Passphrases are Unicode-normalised (NFC) first, so the same words typed on another keyboard
 * or operating system derive the same key.
 */
export function derivePassphraseKey(passphrase: string, saltB64: string, cost: ScryptCost): Promise<Buffer> {
  const log2N = Math.log2(cost.N);
  if (
    !Number.isInteger(log2N) ||
    log2N < SCRYPT_LIMITS.minLog2N ||
    log2N > SCRYPT_LIMITS.maxLog2N ||
    cost.r !== SCRYPT_LIMITS.r ||
    cost.p < 1 ||
    cost.p > SCRYPT_LIMITS.maxP
  ) {
    return Promise.reject(
      new AppError(
        'KEY_FILE_DAMAGED',
        'The key settings stored with this journal or backup are not ones Axis Journal uses, so it was not opened. Nothing was changed.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      Buffer.from(saltB64, 'base64'),
      DATA_KEY_BYTES,
      { N: cost.N, r: cost.r, p: cost.p, maxmem: SCRYPT_MAXMEM },
      // An OpenSSL error (out of memory, say) becomes the app's own words, never raw library text.
      (error, key) =>
        error
          ? reject(
              new AppError(
                'KEY_FILE_DAMAGED',
                'The key in this journal or backup could not be worked out from the passphrase. Nothing was changed.',
              ),
            )
          : resolve(key),
    );
  });
}

/**
 * The recovery key already carries 150 random bits, so a slow password hash adds nothing;
 * HKDF-SHA256 turns it into a wrapping key.
 */
export function deriveRecoveryWrapKey(normalizedRecoveryKey: string, saltB64: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    hkdf(
      'sha256',
      Buffer.from(normalizedRecoveryKey, 'ascii'),
      Buffer.from(saltB64, 'base64'),
      'axis-journal/recovery-key-wrap/v1',
      DATA_KEY_BYTES,
      (error, key) => (error ? reject(error) : resolve(Buffer.from(key))),
    );
  });
}

/** AES-256-GCM; `purpose` is bound as associated data so a wrap cannot be swapped for another. */
export function wrapKey(dataKey: Buffer, wrappingKey: Buffer, purpose: string): WrappedKey {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Returns the data key, or null when the wrapping key is wrong (authentication fails). */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, purpose: string): Buffer | null {
  try {
    const iv = Buffer.from(wrapped.iv, 'base64');
    const tag = Buffer.from(wrapped.tag, 'base64');
    // A shortened tag would make forgeries far easier: only the full 16 bytes, with a 12-byte IV.
    if (iv.length !== GCM_IV_BYTES || tag.length !== GCM_TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(tag);
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** Best effort: JavaScript cannot promise no copy survives, but our own buffers are cleared. */
export function wipe(...buffers: (Buffer | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

/**
 * Keys derived from the data key for authenticating things stored outside the encrypted journal.
 * Each has its own label, so a MAC made for one purpose is never valid for another, and none of
 * them reveals the data key.
 */
export const SUBKEY_LABEL = {
  /** A backup's header: the key file inside it, its dates and the journal's size and hash. */
  backupHeader: 'axis-journal/v1/backup-header-mac',
  /** vault.json's record of which journal (id, generation) it belongs to. */
  journalBinding: 'axis-journal/v1/journal-binding-mac',
} as const;

/** HKDF-SHA256 of the data key under `label`: a 32-byte key for HMAC-SHA256. */
export function deriveSubkey(dataKey: Buffer, label: (typeof SUBKEY_LABEL)[keyof typeof SUBKEY_LABEL]): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), label, DATA_KEY_BYTES));
}

export function hmacSha256(key: Buffer, ...parts: (Buffer | string)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Constant-time comparison of two MACs (false for any length mismatch). */
export function macsMatch(expected: Buffer, actual: Buffer): boolean {
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
