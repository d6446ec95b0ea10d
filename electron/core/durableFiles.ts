import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/* File writes that survive a crash or power cut: flushed before a rename makes them visible. */

/** Writes a new file (owner-only permissions) and flushes it to disk before returning. */
export function writeFileDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'w', 0o600);
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
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileDurably(temp, content);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  fsyncDirectory(dirname(path));
}
