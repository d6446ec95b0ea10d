import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { openCipherDatabase, type Db } from '../db/database';
import { assertNotFromTheFuture, schemaVersion } from '../db/migrate';
import { fsyncDirectory, writeFileAtomically, writeFileDurably } from '../durableFiles';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';
import { derivePassphraseKey, deriveRecoveryWrapKey, unwrapKey, wipe } from '../vault/crypto';
import { parseKeyFile, readKeyFile, WRAP_PURPOSE, writeKeyFile, type KeyFile } from '../vault/keyFile';
import { VaultLock } from '../vault/lockFile';

/**
 * An encrypted backup is one file: a magic line, the length of a JSON header, the header (the
 * key file exactly as in vault.json, plus the snapshot's size and SHA-256), then a snapshot of
 * journal.db. Both parts are as safe as the vault itself: the data key inside the key file is
 * wrapped under the passphrase and the recovery key, and the snapshot is encrypted with it.
 */
const MAGIC = Buffer.from('AXIS-JOURNAL-BACKUP\n', 'ascii');
const FORMAT = 'axis-journal-backup';
const VERSION = 1;
export const BACKUP_EXTENSION = '.axisbackup';

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  keyFile: z.unknown(),
  journalBytes: z.number().int().positive(),
  journalSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface BackupInfo {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  journalBytes: number;
}

export type Credential = { passphrase: string } | { recoveryKey: string };

/**
 * Writes a backup of an open journal to `file`. The snapshot comes from `VACUUM INTO`, which
 * reads the whole database inside one read transaction and writes an encrypted copy with the
 * same key: a consistent state even while the app keeps saving (better-sqlite3's `backup()`
 * cannot read an encrypted source). The file appears only once complete (temp file + rename).
 */
export function writeBackup(db: Db, vaultDir: string, file: string, appVersion: string, now: Date): BackupInfo {
  const { info, bytes } = buildBackup(db, vaultDir, appVersion, now);
  writeFileAtomically(file, bytes);
  return info;
}

/** The backup's bytes, for writing to a file or handing to the page as a download. */
export function buildBackup(
  db: Db,
  vaultDir: string,
  appVersion: string,
  now: Date,
): { info: BackupInfo; bytes: Buffer } {
  const keyFile = readKeyFile(vaultDir);
  // Inside the vault folder: the snapshot is encrypted like journal.db, and removed at once.
  const snapshot = join(vaultDir, `${VAULT_FILES.journal}.${process.pid}.snapshot`);
  rmSync(snapshot, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(snapshot);
    const journal = readFileSync(snapshot);
    const info: BackupInfo = {
      createdAt: now.toISOString(),
      appVersion,
      schemaVersion: schemaVersion(db),
      journalBytes: journal.length,
    };
    const header = Buffer.from(
      JSON.stringify({ format: FORMAT, version: VERSION, ...info, keyFile, journalSha256: sha256(journal) }),
      'utf8',
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    return { info, bytes: Buffer.concat([MAGIC, length, header, journal]) };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

interface ParsedBackup extends BackupInfo {
  keyFile: KeyFile;
  journal: Buffer;
}

/** Reads and checks a backup (a file, or its bytes) without touching any vault. */
export function readBackup(
  source: string | Buffer,
  name = typeof source === 'string' ? basename(source) : 'This file',
): ParsedBackup {
  let bytes: Buffer;
  try {
    bytes = typeof source === 'string' ? readFileSync(source) : source;
  } catch {
    throw new AppError('BACKUP_DAMAGED', `The backup file ${String(source)} could not be read.`);
  }
  const damaged = () =>
    new AppError('BACKUP_DAMAGED', `${name} is not an Axis Journal backup, or it is damaged. Nothing was changed.`);
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged();
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) throw damaged();
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')));
  } catch {
    throw damaged();
  }
  if (header.version > VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This backup was made by a newer version of Axis Journal. Please update the app; nothing was changed.',
    );
  }
  const journal = bytes.subarray(headerStart + headerLength);
  if (journal.length !== header.journalBytes || sha256(journal) !== header.journalSha256) throw damaged();
  return {
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    journalBytes: header.journalBytes,
    keyFile: parseKeyFile(header.keyFile, damaged),
    journal,
  };
}

/**
 * Restores a backup into `vaultDir`. Nothing is replaced until the passphrase (or recovery
 * key) has opened the backup's own key file and its database has passed an integrity check;
 * then the current vault files move into a `before-restore-…` folder next to them, and the
 * backup's files take their place. The journal must be closed (locked) everywhere.
 */
export async function restoreBackup(
  vaultDir: string,
  source: string | Buffer,
  credential: Credential,
  now: Date,
  /** Runs once the backup and the credential have checked out, before anything is replaced (the app locks itself here). */
  beforeReplace?: () => void,
): Promise<{ info: BackupInfo; previous: string | null }> {
  const backup = readBackup(source);
  const dataKey = await unwrapBackupKey(backup.keyFile, credential);
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  const restoring = join(vaultDir, `${VAULT_FILES.journal}.restoring`);
  try {
    // Everything about the backup is checked before the app locks or anything is replaced.
    writeFileDurably(restoring, backup.journal);
    checkSnapshot(restoring, dataKey);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw error;
  } finally {
    wipe(dataKey);
  }
  beforeReplace?.();
  let lock: VaultLock;
  try {
    lock = VaultLock.acquire(vaultDir);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw error;
  }
  let previous: string | null = null;
  try {
    previous = moveAside(vaultDir, now);
    renameSync(restoring, join(vaultDir, VAULT_FILES.journal));
    writeKeyFile(vaultDir, backup.keyFile);
    fsyncDirectory(vaultDir);
  } catch (error) {
    rmSync(restoring, { force: true });
    if (previous) putBack(vaultDir, previous);
    throw error;
  } finally {
    lock.release();
  }
  const { keyFile: _keyFile, journal: _journal, ...info } = backup;
  return { info, previous };
}

async function unwrapBackupKey(keyFile: KeyFile, credential: Credential): Promise<Buffer> {
  if ('passphrase' in credential) {
    const { kdf } = keyFile.passphrase;
    const wrappingKey = await derivePassphraseKey(credential.passphrase, kdf.salt, kdf);
    const dataKey = unwrapKey(keyFile.passphrase.wrapped, wrappingKey, WRAP_PURPOSE.passphrase);
    wipe(wrappingKey);
    if (!dataKey)
      throw new AppError(
        'WRONG_PASSPHRASE',
        'That passphrase does not open this backup (it needs the passphrase you had when it was made). Nothing was changed.',
      );
    return dataKey;
  }
  const wrappingKey = await deriveRecoveryWrapKey(credential.recoveryKey, keyFile.recovery.kdf.salt);
  const dataKey = unwrapKey(keyFile.recovery.wrapped, wrappingKey, WRAP_PURPOSE.recovery);
  wipe(wrappingKey);
  if (!dataKey)
    throw new AppError('WRONG_RECOVERY_KEY', 'That recovery key does not open this backup. Nothing was changed.');
  return dataKey;
}

function checkSnapshot(path: string, dataKey: Buffer): void {
  let db: Db;
  try {
    db = openCipherDatabase(path, dataKey, { create: false });
  } catch {
    throw new AppError(
      'BACKUP_DAMAGED',
      'The journal inside this backup could not be opened with its key. Nothing was changed.',
    );
  }
  try {
    assertNotFromTheFuture(db);
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new AppError(
        'BACKUP_DAMAGED',
        'The journal inside this backup failed its integrity check. Nothing was changed.',
      );
  } finally {
    db.close();
  }
}

const VAULT_PARTS = [
  VAULT_FILES.keyFile,
  VAULT_FILES.keyFileBackup,
  VAULT_FILES.journal,
  `${VAULT_FILES.journal}-wal`,
  `${VAULT_FILES.journal}-shm`,
];

/** Moves the current vault files into a dated folder beside them; null when there were none. */
function moveAside(vaultDir: string, now: Date): string | null {
  const present = VAULT_PARTS.filter((name) => existsSync(join(vaultDir, name)));
  if (present.length === 0) return null;
  const aside = join(vaultDir, `before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { mode: 0o700 });
  for (const name of present) renameSync(join(vaultDir, name), join(aside, name));
  fsyncDirectory(vaultDir);
  return aside;
}

function putBack(vaultDir: string, aside: string): void {
  for (const name of VAULT_PARTS) {
    if (existsSync(join(aside, name))) {
      rmSync(join(vaultDir, name), { force: true });
      renameSync(join(aside, name), join(vaultDir, name));
    }
  }
  rmSync(aside, { recursive: true, force: true });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
