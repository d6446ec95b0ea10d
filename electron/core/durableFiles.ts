import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/* File writes that survive a crash or power cut: flushed before a rename makes them visible. */

/** O_NOFOLLOW where the platform has it (not on Windows): a symlink planted at the name is not followed. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * The random part of a temporary file's name. Replaceable only so a test can put something in the
 * way of a write and check that a failure leaves the old file whole.
 */
export const temporaryNames = { suffix: (): string => randomBytes(8).toString('hex') };

/** `NAME.PID.RANDOM.tmp` next to `path`: not guessable, so nobody can plant a file or link there first. */
export function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.${temporaryNames.suffix()}.tmp`;
}

/**
 * Writes a file (owner-only permissions) and flushes it to disk before returning. A symlink at
 * `path` is refused rather than followed (ELOOP), so the write cannot be redirected elsewhere.
 */
export function writeFileDurably(path: string, content: string | Uint8Array): void {
  writeAndFlush(path, constants.O_TRUNC, content);
}

/** Opens owner-only, never through a symlink, with `flags` added; writes, flushes, closes. */
function writeAndFlush(path: string, flags: number, content: string | Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW | flags, 0o600);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename inside `dir` durable. */
export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces (or creates) a file so that it is complete or not there at all: a flushed temporary
 * file next to it, renamed over it, and the rename made durable. A failed write leaves no
 * temporary file behind.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const temp = temporaryPathFor(path);
  try {
    // Exclusive create: fails if anything (a file, a planted symlink) already has the name.
    writeAndFlush(temp, constants.O_EXCL, content);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  fsyncDirectory(dirname(path));
}

/** A new, owner-only folder next to `path` for building a folder that is then renamed into place. */
export function temporaryFolderFor(path: string): string {
  return mkdtempSync(join(dirname(path), `${basename(path)}.${process.pid}.`));
}
