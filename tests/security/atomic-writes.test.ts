import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically, writeFileDurably } from '../../electron/core/durableFiles';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L7: atomic writes used the predictable temp name NAME.PID.tmp, opened without O_EXCL
 * and following symlinks, so someone who could write to the target folder (a shared /tmp) planted a
 * symlink there and had an export written into a file of their choosing.
 */

afterAll(removeTempDirs);

describe('L7: atomic writes', () => {
  it('a symlink planted at the old predictable temp name is not followed', () => {
    const shared = tempDir('axis-shared-');
    const victim = join(tempDir('axis-other-user-'), 'their-file');
    writeFileSync(victim, 'theirs');
    symlinkSync(victim, join(shared, `export.json.${process.pid}.tmp`));
    writeFileAtomically(join(shared, 'export.json'), '{"notes":"PLAINTEXT HEALTH DATA"}');
    expect(readFileSync(victim, 'utf8')).toBe('theirs');
    expect(lstatSync(join(shared, 'export.json')).isFile()).toBe(true);
    expect(readFileSync(join(shared, 'export.json'), 'utf8')).toContain('PLAINTEXT');
  });

  it('temp names are random and nothing is left behind', () => {
    const dir = tempDir('axis-atomic-');
    for (let i = 0; i < 5; i++) writeFileAtomically(join(dir, 'a.json'), String(i));
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('4');
  });

  it('a durable write refuses to follow a symlink at its own name', () => {
    const dir = tempDir('axis-durable-');
    const victim = join(tempDir('axis-other-user-'), 'their-file');
    writeFileSync(victim, 'theirs');
    symlinkSync(victim, join(dir, 'journal.db.restoring'));
    expect(() => writeFileDurably(join(dir, 'journal.db.restoring'), 'data')).toThrow(/ELOOP|symbolic/);
    expect(readFileSync(victim, 'utf8')).toBe('theirs');
    expect(existsSync(victim)).toBe(true);
  });
});
