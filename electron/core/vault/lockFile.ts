import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileAtomically } from '../durableFiles';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Folders locked by this process, so a second Vault object in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Lets one process at a time open the journal. The real mutex is an operating-system lock: an
 * exclusive SQLite lock (POSIX `fcntl` on Unix, `LockFileEx` on Windows) held on `journal.mutex`,
 * an empty (0-byte) file opened with SQLite, for as long as the journal is open. The OS drops it the
 * moment the process ends, however it ends, so there is no stale lock to take over and no race
 * in taking one over; two processes asking at the same instant cannot both get it. It needs no
 * key, so it also guards creating, restoring and deleting a journal.
 *
 * `journal.lock` only says who holds it (process id, computer, start time), for the message a
 * second opener sees. On this computer it is never trusted: a leftover one naming a process id
 * that now belongs to another program does not block anything. One naming another computer is
 * respected, because a folder synced between computers shares no OS locks.
 *
 * `journal.mutex` is never deleted: removing a file another process is about to lock would let
 * two processes lock two different files of the same name.
 */
export class VaultLock {
  private released = false;

  private constructor(
    private readonly dir: string,
    private readonly mutex: Database.Database,
  ) {}

  static acquire(dir: string, nativeBinding?: string): VaultLock {
    const ownerPath = join(dir, VAULT_FILES.lock);
    if (heldHere.has(dir)) throw inUse(readOwner(ownerPath));
    const mutex = takeOsLock(join(dir, VAULT_FILES.mutex), nativeBinding);
    if (!mutex) throw inUse(readOwner(ownerPath));
    const leftover = readOwner(ownerPath);
    if (leftover && typeof leftover.host === 'string' && leftover.host !== hostname()) {
      mutex.close();
      throw inUse(leftover, leftover.host);
    }
    try {
      const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeFileAtomically(ownerPath, JSON.stringify(owner));
    } catch (error) {
      mutex.close();
      throw error;
    }
    heldHere.add(dir);
    return new VaultLock(dir, mutex);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    // The owner note first: once the OS lock is gone another process may write its own.
    rmSync(join(this.dir, VAULT_FILES.lock), { force: true });
    heldHere.delete(this.dir);
    this.mutex.close();
  }
}

/**
 * The exclusive OS lock on `path`, held by the returned connection until it closes; null when
 * another process (or another connection in this one) holds it. Never waits.
 */
function takeOsLock(path: string, nativeBinding: string | undefined): Database.Database | null {
  const db = new Database(path, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (process.platform !== 'win32') chmodSync(path, 0o600);
    // In EXCLUSIVE locking mode SQLite keeps the lock it takes until the connection closes. The
    // empty transaction is rolled back and its journal kept in memory: the file stays 0 bytes and
    // no other file appears.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    if ((error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) return null;
    throw new AppError(
      'STORAGE_FAILED',
      `The journal folder ${path.slice(0, -VAULT_FILES.mutex.length - 1)} could not be locked for this app (${(error as Error).message}). Nothing was changed.`,
    );
  }
}

function inUse(owner: Partial<LockOwner> | null, otherComputer?: string): AppError {
  if (otherComputer) {
    return new AppError(
      'VAULT_IN_USE',
      `This journal is open in Axis Journal on another computer (${otherComputer}). Close it there first. If it is not open there (that computer crashed, say), remove the file journal.lock from the journal folder and try again.`,
    );
  }
  const who = typeof owner?.pid === 'number' ? ` (process ${owner.pid})` : '';
  return new AppError(
    'VAULT_IN_USE',
    `This journal is already open in another Axis Journal window or process${who}. Close it there, or lock it there, then try again. Nothing needs removing: the lock ends by itself when that process ends.`,
  );
}

function readOwner(path: string): Partial<LockOwner> | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return owner && typeof owner === 'object' ? (owner as Partial<LockOwner>) : null;
  } catch {
    return null;
  }
}
