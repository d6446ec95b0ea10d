import { closeSync, fsyncSync, openSync, writeFileSync } from 'node:fs';

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
