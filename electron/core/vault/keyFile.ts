import { readFileSync, rmSync } from 'node:fs';
import { writeFileAtomically } from '../durableFiles';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';
import { keyFileBindingSchema } from './binding';
import { GCM_IV_BYTES, GCM_TAG_BYTES, SCRYPT_LIMITS } from './crypto';

export const KEY_FILE_FORMAT = 'axis-journal-vault';
export const KEY_FILE_VERSION = 1;

const base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
/** Base64 of exactly `bytes` bytes. */
const base64Of = (bytes: number) => base64.refine((text) => Buffer.from(text, 'base64').length === bytes);
const wrapped = z.object({
  alg: z.literal('A256GCM'),
  iv: base64Of(GCM_IV_BYTES),
  tag: base64Of(GCM_TAG_BYTES),
  ciphertext: base64Of(32),
});

const passphraseWrapSchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** SCRYPT_LIMITS.minLog2N)
      .max(2 ** SCRYPT_LIMITS.maxLog2N)
      .refine((n) => Number.isInteger(Math.log2(n))),
    r: z
      .number()
      .int()
      .refine((r): boolean => r === SCRYPT_LIMITS.r),
    p: z.number().int().min(1).max(SCRYPT_LIMITS.maxP),
    salt: base64,
  }),
  wrapped,
  changedAt: z.string(),
});

const recoveryWrapSchema = z.object({
  kdf: z.object({ name: z.literal('hkdf-sha256'), salt: base64 }),
  wrapped,
  createdAt: z.string(),
});

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  createdAt: z.string(),
  database: z.object({ cipher: z.literal('sqlcipher'), legacy: z.literal(4), keyBytes: z.literal(32) }),
  passphrase: passphraseWrapSchema,
  recovery: recoveryWrapSchema,
  /**
   * The journal this key file belongs to (id and generation, MAC'd under the data key; see
   * binding.ts). Absent in key files written before bindings; an older app drops it on write.
   */
  binding: keyFileBindingSchema.optional(),
  /**
   * Present only while a re-key runs (and after a crash in the middle of one): the new data key,
   * wrapped under the old one and under the new credentials. journal.db is encrypted with exactly
   * one of the two keys at every moment; the next unlock sees which and finishes or undoes it.
   */
  rekey: z
    .object({
      startedAt: z.string(),
      underOldKey: wrapped,
      oldUnderNewKey: wrapped,
      passphrase: passphraseWrapSchema,
      recovery: recoveryWrapSchema,
    })
    .optional(),
});

export type KeyFile = z.infer<typeof keyFileSchema>;

/** Associated data for each wrap of the data key. */
export const WRAP_PURPOSE = {
  passphrase: 'axis-journal/v1/passphrase',
  recovery: 'axis-journal/v1/recovery',
  /** The new data key under the old one, only while a re-key is pending. */
  rekey: 'axis-journal/v1/rekey',
  /** The old data key under the new one, so a crash can be undone whichever credential is typed. */
  rekeyBack: 'axis-journal/v1/rekey-back',
} as const;

export function keyFilePath(dir: string): string {
  return join(dir, VAULT_FILES.keyFile);
}

/** Reads and checks vault.json. Never modifies it. */
export function readKeyFile(dir: string): KeyFile {
  const path = keyFilePath(dir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('KEY_FILE_MISSING', `The key file vault.json is missing from ${dir}.`);
    }
    throw new AppError('KEY_FILE_DAMAGED', `The key file ${path} could not be read.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(dir);
  }
  return parseKeyFile(json, () => damaged(dir));
}

/** Checks a parsed key file (from vault.json or from inside a backup); `onDamaged` names the problem. */
export function parseKeyFile(json: unknown, onDamaged: () => AppError): KeyFile {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEY_FILE_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `The key file vault.json was written by a newer version of Axis Journal. Please update the app; nothing was changed.`,
    );
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw onDamaged();
  return parsed.data;
}

function damaged(dir: string): AppError {
  return new AppError(
    'KEY_FILE_DAMAGED',
    `The key file vault.json in ${dir} is damaged, so the journal cannot be unlocked. Nothing was changed. A backup (.axisbackup) restores it together with the journal.`,
  );
}

/**
 * Replaces vault.json atomically: a flushed temp file renamed over it, and the rename made
 * durable, so a crash leaves either the old or the new file complete. No copy of the previous
 * key file is kept: after a change of passphrase or recovery key, nothing in the folder may
 * still open with the old one (a `vault.json.bak` left by an older version is removed too).
 */
export function writeKeyFile(dir: string, keyFile: KeyFile): void {
  rmSync(join(dir, VAULT_FILES.keyFileBackup), { force: true });
  // The folder's fsync after the rename also makes the removal durable.
  writeFileAtomically(keyFilePath(dir), `${JSON.stringify(keyFile, null, 2)}\n`);
}
