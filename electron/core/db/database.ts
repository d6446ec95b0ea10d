import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { fsyncFile } from '../durableFiles';

export type Db = Database.Database;

export interface OpenJournalOptions {
  /** Create the file if it does not exist (only when a vault is first made). */
  create: boolean;
  /** Path of a native module built for another runtime (the Electron build). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

/**
 * Opens journal.db as a SQLCipher 4 database with a raw 256-bit key, so any SQLCipher 4 tool
 * can open it with `PRAGMA key = "x'…'"`. Throws the driver's error if the key does not fit.
 */
export function openCipherDatabase(path: string, dataKey: Buffer, options: OpenJournalOptions): Db {
  const db = new Database(path, {
    fileMustExist: !options.create,
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    withRawKeyText(dataKey, (text) => db.key(text));
    // SQLite3 Multiple Ciphers does not encrypt temporary files (large sorts, VACUUM INTO's
    // scratch, temp tables): keep them in memory, on every connection, so nothing spills in plaintext.
    db.pragma('temp_store = MEMORY');
    // The key is only checked when the first page is read.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Durability and integrity settings every connection gets once the schema version is known. */
export function applyConnectionSettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  ownerOnly(db.name);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * SQLCipher's raw-key form `x'<64 hex digits>'`, built in a Buffer that is wiped afterwards, so
 * the data key never becomes a JavaScript string (strings cannot be cleared).
 */
function withRawKeyText<T>(dataKey: Buffer, use: (text: Buffer) => T): T {
  const hex = '0123456789abcdef';
  const text = Buffer.alloc(3 + dataKey.length * 2);
  text[0] = 0x78; // x
  text[1] = 0x27; // '
  for (let i = 0; i < dataKey.length; i++) {
    text[2 + i * 2] = hex.charCodeAt(dataKey[i]! >> 4);
    text[3 + i * 2] = hex.charCodeAt(dataKey[i]! & 15);
  }
  text[text.length - 1] = 0x27;
  try {
    return use(text);
  } finally {
    text.fill(0);
  }
}

/**
 * Writes a copy of an open journal to `copyPath`, encrypted with `newKey`: a consistent snapshot
 * (`snapshotForRekey`, under the old key), then SQLite3 Multiple Ciphers' rekey on that copy
 * (`rekeyCopy`), flushed. journal.db itself is never rekeyed in place: an in-place rekey gives
 * page 1 a new salt while its rollback journal is still under the old one, and a crash in between
 * leaves a file neither key opens. A copy cut off by a crash is simply thrown away; the caller
 * renames a finished one over journal.db.
 */
export function writeRekeyedCopy(
  db: Db,
  copyPath: string,
  oldKey: Buffer,
  newKey: Buffer,
  nativeBinding?: string,
): void {
  snapshotForRekey(db, copyPath);
  rekeyCopy(copyPath, oldKey, newKey, nativeBinding);
}

/** A consistent copy of the open journal at `copyPath`, under its own key (`VACUUM INTO`). */
export function snapshotForRekey(db: Db, copyPath: string): void {
  removeDatabaseFiles(copyPath);
  try {
    db.prepare('VACUUM INTO ?').run(copyPath);
  } catch (error) {
    removeDatabaseFiles(copyPath);
    throw error;
  }
}

/**
 * Re-encrypts the snapshot at `copyPath` from `oldKey` to `newKey` and flushes it. Runs in
 * rollback-journal mode (rekey does not support WAL), with a small page cache: every page is
 * written to `copyPath-journal` as it is re-encrypted, so that file's growth is the rekey's real
 * progress (see `rekeyPagesDone`). Synchronous: the app runs it in a worker thread (rekeyWorker.ts).
 */
export function rekeyCopy(copyPath: string, oldKey: Buffer, newKey: Buffer, nativeBinding?: string): void {
  try {
    const copy = openCipherDatabase(copyPath, oldKey, { create: false, nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
      copy.pragma(`cache_size = ${REKEY_CACHE_PAGES}`);
      withRawKeyText(newKey, (text) => copy.rekey(text));
      copy.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      copy.close();
    }
    fsyncFile(copyPath);
  } catch (error) {
    removeDatabaseFiles(copyPath);
    throw error;
  }
}

const REKEY_CACHE_PAGES = 64;

/** Pages of a database file at `path` (its size over SQLCipher 4's 4096-byte page). */
export function databasePages(path: string): number {
  try {
    return Math.ceil(statSync(path).size / CIPHER_PAGE_SIZE);
  } catch {
    return 0;
  }
}

/**
 * How many pages a running `rekeyCopy` has re-encrypted: each one is first saved to the rollback
 * journal (one page plus 8 bytes of page number and checksum, after a header of one sector).
 */
export function rekeyPagesDone(copyPath: string, totalPages: number): number {
  let size: number;
  try {
    size = statSync(`${copyPath}-journal`).size;
  } catch {
    return 0;
  }
  return Math.min(totalPages, Math.max(0, Math.floor((size - JOURNAL_HEADER_BYTES) / (CIPHER_PAGE_SIZE + 8))));
}

const CIPHER_PAGE_SIZE = 4096;
const JOURNAL_HEADER_BYTES = 512;

/** A database file and the journal files SQLite may keep next to it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * journal.db and its -wal/-shm are readable by their owner only (SQLite creates them with the
 * umask, often 0644; it gives new -wal/-shm files the database file's mode). Their content is
 * encrypted, but sizes and times are nobody else's business. Windows has no such modes.
 */
export function ownerOnly(path: string): void {
  if (process.platform === 'win32') return;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${path}${suffix}`)) chmodSync(`${path}${suffix}`, 0o600);
  }
}
