import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Locks held by this process, so a second Vault object in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * An exclusive lock file that lets one process at a time open the journal. A lock left behind
 * by a process that no longer runs (a crash) is taken over.
 */
export class VaultLock {
  private released = false;

  private constructor(readonly path: string) {}

  static acquire(dir: string): VaultLock {
    const path = join(dir, VAULT_FILES.lock);
    if (heldHere.has(path)) throw inUse();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
        writeSync(fd, JSON.stringify(owner));
        closeSync(fd);
        heldHere.add(path);
        return new VaultLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readOwner(path);
        if (holder && holder.host !== hostname() && typeof holder.host === 'string') throw inUse(holder.host);
        if (!isStale(path, holder)) throw inUse();
        try {
          unlinkSync(path);
        } catch {
          // Another process may have removed it first; the next attempt decides.
        }
      }
    }
    throw inUse();
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.path);
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function inUse(otherComputer?: string): AppError {
  if (otherComputer) {
    return new AppError(
      'VAULT_IN_USE',
      `This journal is open in Axis Journal on another computer (${otherComputer}). Close it there first. If it is not open there, the file journal.lock in the journal folder was left behind and can be removed.`,
    );
  }
  return new AppError(
    'VAULT_IN_USE',
    'This journal is already open in another Axis Journal window or process. Close it there first. If nothing has it open (say, after a crash and a restart the computer gave the old process number to another program), remove the file journal.lock from the journal folder and try again.',
  );
}

function readOwner(path: string): Partial<LockOwner> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
  } catch {
    return null;
  }
}

/** Whether a lock held on this computer belongs to a process that no longer runs. */
function isStale(path: string, owner: Partial<LockOwner> | null): boolean {
  if (!owner) {
    // Unreadable: maybe being written this instant. Only an old, unreadable file is stale.
    try {
      return Date.now() - statSync(path).mtimeMs > 10_000;
    } catch {
      return true;
    }
  }
  if (typeof owner.pid !== 'number') return true;
  if (owner.pid === process.pid) return !heldHere.has(path);
  return !isProcessAlive(owner.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
