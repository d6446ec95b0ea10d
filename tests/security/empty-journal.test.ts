import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkVault } from '../../electron/core/data/check';
import { type AppError } from '../../electron/core/errors';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L10: a 0-byte journal.db was silently turned into a fresh, empty journal on unlock, and
 * `axis check` called it ok.
 */

afterAll(removeTempDirs);

describe('L10: an empty journal.db is refused as damaged', () => {
  it('unlocking refuses it and leaves it as it is; check reports it', async () => {
    const dir = tempDir('axis-empty-');
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    writeFileSync(join(dir, 'journal.db'), '');
    const error = await vault.unlock(PASSPHRASE).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error?.code).toBe('JOURNAL_DAMAGED');
    expect(error?.message).toMatch(/empty or not a journal/);
    expect(statSync(join(dir, 'journal.db')).size).toBe(0);
    expect(vault.status().state).toBe('locked');

    const report = await checkVault(fastVault(dir), PASSPHRASE);
    expect(report.ok).toBe(false);
    expect(report.lines.join('\n')).toMatch(/EMPTY/);
    expect(readFileSync(join(dir, 'journal.db')).length).toBe(0);
  });
});
