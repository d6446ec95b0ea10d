import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { openCipherDatabase, removeDatabaseFiles, type Db } from '../db/database';
import { assertNotFromTheFuture, schemaVersion } from '../db/migrate';
import { fsyncDirectory, fsyncFile, writeFileAtomically, writeFileDurably } from '../durableFiles';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';
import {
  derivePassphraseKey,
  deriveRecoveryWrapKey,
  deriveSubkey,
  hmacSha256,
  macsMatch,
  SUBKEY_LABEL,
  unwrapKey,
  wipe,
} from '../vault/crypto';
import { parseKeyFile, readKeyFile, WRAP_PURPOSE, writeKeyFile, type KeyFile } from '../vault/keyFile';
import {
  advanceJournalBinding,
  hasBindingTable,
  sealBinding,
  type JournalBinding,
  type KeyFileBinding,
} from '../vault/binding';
import { VaultLock } from '../vault/lockFile';

/**
 * An encrypted backup is one file: a magic line, the length of a JSON header, the header (the
 * key file exactly as in vault.json, plus the snapshot's size and SHA-256), a 32-byte seal, then
 * a snapshot of journal.db. Both parts are as safe as the vault itself: the data key inside the
 * key file is wrapped under the passphrase and the recovery key, and the snapshot is encrypted
 * with it. The seal is an HMAC-SHA256 of everything before it (magic, length, header) under a key
 * derived from the data key (HKDF, its own label): once a passphrase or recovery key has unwrapped
 * the data key, it proves that nothing in the header — the other wrap, the dates, the journal's
 * size and hash, and so the journal itself — changed since the backup was made.
 *
 * Version 1 backups (before the seal) are still restored, after every other check, and only if the
 * journal inside was made by an app that did not seal (see `assertNotStrippedOfSeal`).
 */
const MAGIC = Buffer.from('AXIS-JOURNAL-BACKUP\n', 'ascii');
const FORMAT = 'axis-journal-backup';
const VERSION = 2;
const UNSEALED_VERSION = 1;
const SEAL_BYTES = 32;
export const BACKUP_EXTENSION = '.axisbackup';

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(UNSEALED_VERSION),
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
export function writeBackup(source: BackupSource, file: string, appVersion: string, now: Date): BackupInfo {
  const { info, bytes } = buildBackup(source, appVersion, now);
  writeFileAtomically(file, bytes);
  return info;
}

/** An open journal (a Vault): its database, its folder, and the seal under its data key. */
export interface BackupSource {
  readonly db: Db;
  readonly dir: string;
  /** The HMAC of a backup's header under a key derived from the open journal's data key. */
  sealBackupHeader(headerBytes: Buffer): Buffer;
}

/** The backup's bytes, for writing to a file or handing to the page as a download. */
export function buildBackup(source: BackupSource, appVersion: string, now: Date): { info: BackupInfo; bytes: Buffer } {
  const { db, dir: vaultDir } = source;
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
    const sealed = Buffer.concat([MAGIC, length, header]);
    return { info, bytes: Buffer.concat([sealed, source.sealBackupHeader(sealed), journal]) };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

interface ParsedBackup extends BackupInfo {
  keyFile: KeyFile;
  journal: Buffer;
  /** The sealed bytes and their seal; null for a version 1 backup, made before seals. */
  seal: { bytes: Buffer; mac: Buffer } | null;
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
  const headerEnd = headerStart + headerLength;
  const sealed = header.version > UNSEALED_VERSION;
  if (sealed && headerEnd + SEAL_BYTES > bytes.length) throw damaged();
  const journal = bytes.subarray(sealed ? headerEnd + SEAL_BYTES : headerEnd);
  if (journal.length !== header.journalBytes || sha256(journal) !== header.journalSha256) throw damaged();
  return {
    seal: sealed
      ? { bytes: bytes.subarray(0, headerEnd), mac: bytes.subarray(headerEnd, headerEnd + SEAL_BYTES) }
      : null,
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
  options: { nativeBinding?: string | undefined } = {},
): Promise<RestoreResult> {
  const backup = readBackup(source);
  const dataKey = await unwrapBackupKey(backup.keyFile, credential);
  // The seal first: nothing is written anywhere until the header is known to be as it was made.
  try {
    verifySeal(backup, dataKey);
  } catch (error) {
    wipe(dataKey);
    throw error;
  }
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  const restoring = join(vaultDir, `${VAULT_FILES.journal}.restoring`);
  let binding: KeyFileBinding | null;
  try {
    // Everything about the backup is checked before the app locks or anything is replaced.
    writeFileDurably(restoring, backup.journal);
    checkSnapshot(restoring, dataKey, backup.seal !== null, options.nativeBinding);
    binding = bindAsNewJournal(restoring, dataKey, options.nativeBinding);
  } catch (error) {
    removeDatabaseFiles(restoring);
    throw error;
  } finally {
    wipe(dataKey);
  }
  beforeReplace?.();
  let lock: VaultLock;
  try {
    lock = VaultLock.acquire(vaultDir, options.nativeBinding);
  } catch (error) {
    removeDatabaseFiles(restoring);
    throw error;
  }
  let previous: string | null = null;
  try {
    previous = moveAside(vaultDir, now);
    renameSync(restoring, join(vaultDir, VAULT_FILES.journal));
    const { binding: _asBackedUp, ...keyFile } = backup.keyFile;
    writeKeyFile(vaultDir, binding ? { ...keyFile, binding } : keyFile);
    fsyncDirectory(vaultDir);
  } catch (error) {
    removeDatabaseFiles(restoring);
    if (previous) putBack(vaultDir, previous);
    throw error;
  } finally {
    lock.release();
  }
  const { keyFile: _keyFile, journal: _journal, seal, ...info } = backup;
  return { info, previous, sealed: seal !== null };
}

export interface RestoreResult {
  info: BackupInfo;
  /** Where the journal that was there before is kept, if there was one. */
  previous: string | null;
  /**
   * False for a version 1 backup (made before headers were sealed): its journal and the wrap the
   * credential opened were checked, but nothing proves the other wrap (say, the recovery wrap
   * after restoring with the passphrase) or the dates are as they were made.
   */
  sealed: boolean;
}

/** Words for a person who restored an unsealed (version 1) backup: what could not be checked, what to do. */
export const UNSEALED_BACKUP_ADVICE =
  'This backup was made by an older version of Axis Journal that did not seal backups, so its recovery key and its date could not be checked. Make a new recovery key in Security now.';

/** The seal of a version 2 backup, under the data key the credential just unwrapped. */
function verifySeal(backup: ParsedBackup, dataKey: Buffer): void {
  if (!backup.seal) return;
  const key = deriveSubkey(dataKey, SUBKEY_LABEL.backupHeader);
  const expected = hmacSha256(key, backup.seal.bytes);
  wipe(key);
  if (!macsMatch(expected, backup.seal.mac)) {
    throw new AppError(
      'BACKUP_DAMAGED',
      'This backup has been changed or damaged since it was made (its key file or dates no longer match its seal), so it was not restored. Nothing was changed. Try another backup.',
    );
  }
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

/**
 * A restored journal becomes a journal of its own: a fresh id (so the journal it replaces, kept
 * aside, or another copy restored from the same backup, is never taken for it) and the next
 * generation, sealed for the key file that goes with it. Null for a journal from before bindings.
 */
function bindAsNewJournal(path: string, dataKey: Buffer, nativeBinding: string | undefined): KeyFileBinding | null {
  const db = openCipherDatabase(path, dataKey, { create: false, nativeBinding });
  let binding: JournalBinding;
  try {
    if (!hasBindingTable(db)) return null;
    db.pragma('synchronous = FULL');
    binding = advanceJournalBinding(db, { newId: true });
  } finally {
    db.close();
  }
  fsyncFile(path);
  const subkey = deriveSubkey(dataKey, SUBKEY_LABEL.journalBinding);
  try {
    return sealBinding(subkey, binding);
  } finally {
    wipe(subkey);
  }
}

function checkSnapshot(path: string, dataKey: Buffer, sealed: boolean, nativeBinding: string | undefined): void {
  let db: Db;
  try {
    db = openCipherDatabase(path, dataKey, { create: false, nativeBinding });
  } catch {
    throw new AppError(
      'BACKUP_DAMAGED',
      'The journal inside this backup could not be opened with its key. Nothing was changed.',
    );
  }
  try {
    assertNotFromTheFuture(db);
    if (!sealed) assertNotStrippedOfSeal(db);
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

/**
 * An unsealed (version 1) backup is accepted only if its journal is from before seals existed. A
 * journal that records its binding to a key file (`journal_binding`, added with seals) can only
 * come from a sealed backup, so one in a version 1 file means someone removed the seal to get a
 * changed header past it. The journal is encrypted and authenticated by SQLCipher, so that
 * record cannot be forged or removed without the data key.
 */
function assertNotStrippedOfSeal(db: Db): void {
  if (hasBindingTable(db)) {
    throw new AppError(
      'BACKUP_DAMAGED',
      'This backup has been changed since it was made (its seal was removed), so it was not restored. Nothing was changed. Try another backup.',
    );
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
  const stamp = `before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  // Two restores stamped with the same instant (a clock that stood still) each keep their own folder.
  let aside = join(vaultDir, stamp);
  for (let n = 2; existsSync(aside); n++) aside = join(vaultDir, `${stamp}-${n}`);
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
