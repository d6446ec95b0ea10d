import Database from 'better-sqlite3-multiple-ciphers';

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
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
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
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
