import { createCipheriv, createDecipheriv, hkdf, randomBytes, scrypt } from 'node:crypto';

/** scrypt cost. Stored in vault.json so it can be raised later without breaking old vaults. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
export const DATA_KEY_BYTES = 32;
const GCM_IV_BYTES = 12;

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
  const maxmem = 128 * cost.N * cost.r * cost.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      Buffer.from(saltB64, 'base64'),
      DATA_KEY_BYTES,
      { N: cost.N, r: cost.r, p: cost.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
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
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
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
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
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
