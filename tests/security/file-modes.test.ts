import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackup, restoreBackup } from '../../electron/core/data/backup';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/* Issue 13, L14: journal.db, -wal and -shm were 0644, and a restore into a new folder made 0755 folders. */

afterAll(removeTempDirs);
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('L14: owner-only files and folders', () => {
  it('the journal and its WAL files are 0600 while open and after a re-key; a restore makes 0700 folders', async () => {
    const dir = join(tempDir('axis-modes-'), 'vault');
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    for (const name of ['journal.db', 'journal.db-wal', 'journal.db-shm', 'vault.json'])
      expect(mode(join(dir, name)), name).toBe('600');
    expect(mode(dir)).toBe('700');
    await vault.rekey(PASSPHRASE, null);
    vault.db.exec('INSERT INTO t VALUES (2)');
    for (const name of ['journal.db', 'journal.db-wal', 'journal.db-shm'])
      expect(mode(join(dir, name)), `${name} after re-key`).toBe('600');
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();

    const fresh = join(tempDir('axis-modes-'), 'nested', 'restored');
    await restoreBackup(fresh, backup, { passphrase: PASSPHRASE }, new Date());
    expect(mode(fresh)).toBe('700');
    expect(mode(join(fresh, 'journal.db'))).toBe('600');
    const restored = fastVault(fresh);
    await restored.unlock(PASSPHRASE);
    for (const name of ['journal.db', 'journal.db-wal', 'journal.db-shm'])
      expect(mode(join(fresh, name)), name).toBe('600');
    restored.lock();
  });
});
