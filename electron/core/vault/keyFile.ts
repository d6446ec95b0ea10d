import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { fsyncDirectory, fsyncFile, writeFileDurably } from '../durableFiles';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';

export const KEY_FILE_FORMAT = 'axis-journal-vault';
export const KEY_FILE_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const wrapped = z.object({ alg: z.literal('A256GCM'), iv: base64, tag: base64, ciphertext: base64 });

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  createdAt: z.string(),
  database: z.object({ cipher: z.literal('sqlcipher'), legacy: z.literal(4), keyBytes: z.literal(32) }),
  passphrase: z.object({
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.number().int().min(2 ** 10).max(2 ** 24),
      r: z.number().int().min(1).max(64),
      p: z.number().int().min(1).max(16),
      salt: base64,
    }),
    wrapped,
    changedAt: z.string(),
  }),
  recovery: z.object({
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: base64 }),
    wrapped,
    createdAt: z.string(),
  }),
});

export type KeyFile = z.infer<typeof keyFileSchema>;

/** Associated data for each wrap of the data key. */
export const WRAP_PURPOSE = {
  passphrase: 'axis-journal/v1/passphrase',
  recovery: 'axis-journal/v1/recovery',
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
  const backup = existsSync(join(dir, VAULT_FILES.keyFileBackup))
    ? ` A previous copy is kept next to it as ${VAULT_FILES.keyFileBackup}.`
    : '';
  return new AppError(
    'KEY_FILE_DAMAGED',
    `The key file vault.json in ${dir} is damaged, so the journal cannot be unlocked. Nothing was changed.${backup}`,
  );
}

/**
 * Replaces vault.json atomically: write a temp file, fsync, keep the current file as
 * vault.json.bak, rename the temp file over vault.json, fsync the folder. A crash at any point
 * leaves either the old or the new file complete.
 */
export function writeKeyFile(dir: string, keyFile: KeyFile): void {
  const target = keyFilePath(dir);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileDurably(temp, `${JSON.stringify(keyFile, null, 2)}\n`);
  if (existsSync(target)) {
    const backupTemp = join(dir, `${VAULT_FILES.keyFileBackup}.${process.pid}.tmp`);
    copyFileSync(target, backupTemp);
    fsyncFile(backupTemp);
    renameSync(backupTemp, join(dir, VAULT_FILES.keyFileBackup));
  }
  renameSync(temp, target);
  fsyncDirectory(dir);
}
