import { chmodSync, existsSync, rmSync } from 'node:fs';
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
 * (`VACUUM INTO`, under the old key), then SQLite3 Multiple Ciphers' rekey on that copy, flushed.
 * journal.db itself is never rekeyed in place: an in-place rekey gives page 1 a new salt while its
 * rollback journal is still under the old one, and a crash in between leaves a file neither key
 * opens. A copy cut off by a crash is simply thrown away; the caller renames a finished one over
 * journal.db. The copy's rekey runs in rollback-journal mode (rekey does not support WAL).
 */
export function writeRekeyedCopy(
  db: Db,
  copyPath: string,
  oldKey: Buffer,
  newKey: Buffer,
  nativeBinding?: string,
): void {
  removeDatabaseFiles(copyPath);
  try {
    db.prepare('VACUUM INTO ?').run(copyPath);
    const copy = openCipherDatabase(copyPath, oldKey, { create: false, nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
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
