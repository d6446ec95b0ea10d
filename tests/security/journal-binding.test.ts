import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBackup, restoreBackup } from '../../electron/core/data/backup';
import { checkVault } from '../../electron/core/data/check';
import { openCipherDatabase } from '../../electron/core/db/database';
import { type AppError } from '../../electron/core/errors';
import { type Vault } from '../../electron/core/vault/vault';
import { PASSPHRASE, fastVault, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';

/*
 * Issue 13, L10: nothing bound journal.db to vault.json. A journal.db put back from another vault
 * sharing the key (a journal kept aside by a restore, another copy restored from the same backup)
 * or an older copy of the same journal opened without a word, hiding everything written since.
 * The journal now carries an id and a generation, mirrored in vault.json under a MAC of the data key.
 */

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  removeTempDirs();
});

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const KILL_PRELOAD = resolve(import.meta.dirname, '../helpers/killBeforeKeyFile.mjs');

async function vaultWithNote(note: string): Promise<{ dir: string; vault: Vault }> {
  const dir = tempDir('axis-binding-');
  const vault = fastVault(dir);
  await vault.create(PASSPHRASE);
  vault.db.exec('CREATE TABLE notes (text TEXT)');
  vault.db.prepare('INSERT INTO notes VALUES (?)').run(note);
  return { dir, vault };
}

/** The two files that matter, byte for byte (the folder also holds a before-restore-… folder). */
const vaultFiles = (dir: string) =>
  ['journal.db', 'vault.json'].map((name) => readFileSync(join(dir, name)).toString('base64'));

const notes = (vault: Vault) => vault.db.prepare('SELECT text FROM notes').pluck().all();

async function refusal(vault: Vault): Promise<AppError> {
  return (await vault.unlock(PASSPHRASE).then(
    () => {
      throw new Error('the journal opened');
    },
    (e: unknown) => e,
  )) as AppError;
}

function axisCheck(dir: string): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, 'check', '--vault', dir],
      { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } },
      (error, stdout) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

describe('L10: journal.db is bound to its key file', () => {
  it('another journal under the same key (the one a restore kept aside) is refused, and check says so', async () => {
    const { dir, vault } = await vaultWithNote('written before the backup');
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.db.prepare('INSERT INTO notes VALUES (?)').run('written after the backup');
    vault.lock();
    const { previous } = await restoreBackup(dir, backup, { passphrase: PASSPHRASE }, new Date());
    // The journal kept aside is under the same data key, and newer: it used to open silently.
    copyFileSync(join(previous!, 'journal.db'), join(dir, 'journal.db'));
    const before = vaultFiles(dir);
    const error = await refusal(vault);
    expect(error.code).toBe('JOURNAL_DAMAGED');
    expect(error.message).toMatch(/does not belong to this key file \(vault\.json\): it is another journal/);
    expect(error.message).toMatch(/restore a backup/);
    expect(vaultFiles(dir)).toEqual(before);
    const report = await checkVault(fastVault(dir), PASSPHRASE);
    expect(report.ok).toBe(false);
    expect(report.lines.join('\n')).toMatch(/Binding: FAILED — journal\.db is another journal/);
  });

  it('two copies restored from one backup are two journals: swapping their files is refused', async () => {
    const { vault } = await vaultWithNote('shared past');
    const backup = buildBackup(vault, 'test', new Date()).bytes;
    vault.lock();
    const [first, second] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    await restoreBackup(first, backup, { passphrase: PASSPHRASE }, new Date());
    await restoreBackup(second, backup, { passphrase: PASSPHRASE }, new Date());
    copyFileSync(join(second, 'journal.db'), join(first, 'journal.db'));
    expect((await refusal(fastVault(first))).message).toMatch(/it is another journal/);
    // Each opens with its own file.
    const own = fastVault(second);
    await own.unlock(PASSPHRASE);
    expect(notes(own)).toEqual(['shared past']);
    own.lock();
  });

  it('an older copy of the same journal put back is refused; the newest one opens again', async () => {
    const { dir, vault } = await vaultWithNote('first entry');
    vault.lock();
    const older = join(tempDir(), 'journal.db');
    copyFileSync(join(dir, 'journal.db'), older);
    await vault.unlock(PASSPHRASE);
    vault.db.prepare('INSERT INTO notes VALUES (?)').run('written after the copy');
    vault.lock();
    const newest = readFileSync(join(dir, 'journal.db'));

    copyFileSync(older, join(dir, 'journal.db'));
    const before = snapshot(dir);
    const error = await refusal(vault);
    expect(error.code).toBe('JOURNAL_DAMAGED');
    expect(error.message).toMatch(/is older than the last one opened here, so it was not opened/);
    expect(error.message).toMatch(/Put back the journal\.db that belongs with this vault\.json .* or restore a backup/);
    expect(snapshot(dir)).toEqual(before);

    // `axis check` (the real CLI) names it and exits with an error.
    const checked = await axisCheck(dir);
    expect(checked.code).not.toBe(0);
    expect(checked.stdout).toMatch(/Binding: FAILED — journal\.db is OLDER than the last one opened here/);

    writeFileSync(join(dir, 'journal.db'), newest);
    await vault.unlock(PASSPHRASE);
    expect(notes(vault)).toEqual(['first entry', 'written after the copy']);
    vault.lock();
    expect((await axisCheck(dir)).stdout).toMatch(
      /Binding: journal\.db belongs to this key file \(journal [0-9a-f]{8}…/,
    );
  });

  it('a key file whose binding was edited (to let an older copy in) is refused as changed', async () => {
    const { dir, vault } = await vaultWithNote('entry');
    vault.lock();
    const keyFile = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    keyFile.binding.generation = 0;
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(keyFile));
    const error = await refusal(vault);
    expect(error.code).toBe('KEY_FILE_DAMAGED');
    expect(error.message).toMatch(/its record of which journal it belongs to does not check out/);
  });

  it('a journal from before bindings (no record anywhere) opens and is bound from then on', async () => {
    const { dir, vault } = await vaultWithNote('old entry');
    const dataKey = await vault.revealDataKey(PASSPHRASE);
    vault.lock();
    const db = openCipherDatabase(join(dir, 'journal.db'), dataKey, { create: false });
    db.exec('DROP TABLE journal_binding; PRAGMA user_version = 8');
    db.close();
    const { binding: _binding, ...unbound } = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(unbound));
    expect((await checkVault(fastVault(dir), PASSPHRASE)).lines.join('\n')).toMatch(/Binding: not recorded yet/);

    await vault.unlock(PASSPHRASE);
    expect(notes(vault)).toEqual(['old entry']);
    vault.lock();
    expect(JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')).binding.generation).toBeGreaterThan(0);
    expect((await checkVault(fastVault(dir), PASSPHRASE)).lines.join('\n')).toMatch(/belongs to this key file/);
  });
});

describe('L10: a crash between the journal and vault.json never locks anyone out', () => {
  // 1: the key-file write when the host opens the journal; 2: the one when it closes it.
  for (const [killAt, when] of [
    [1, 'opening'],
    [2, 'locking'],
  ] as const) {
    it(`SIGKILL after the journal moved on and before vault.json followed (${when})`, async () => {
      const { dir, vault } = await vaultWithNote('kept through the crash');
      vault.lock();
      const host = await startWebHostProcess(
        ['--vault', dir, '--port', '0'],
        { AXIS_TEST_KILL_BEFORE_KEY_FILE_WRITE: String(killAt) },
        { nodeArgs: ['--import', KILL_PRELOAD] },
      );
      hosts.push(host);
      const api = await apiClient(host.origin, host.token);
      const opened = api('vault.unlock', { passphrase: PASSPHRASE });
      if (killAt === 2) {
        expect((await opened).value.state).toBe('unlocked');
        await api('vault.lock').catch(() => undefined);
      } else {
        await opened.catch(() => undefined);
      }
      // It killed itself (no clean-up), at exactly that point.
      if (host.child.exitCode === null && host.child.signalCode === null)
        await new Promise((done) => host.child.once('exit', done));
      expect(host.child.signalCode).toBe('SIGKILL');

      // The journal is a generation ahead of vault.json: check explains, and unlocking records it.
      const report = await checkVault(fastVault(dir), PASSPHRASE);
      expect(report.ok).toBe(true);
      expect(report.lines.join('\n')).toMatch(/1 generation\(s\) ahead of it .* safe/);
      await vault.unlock(PASSPHRASE);
      expect(notes(vault)).toEqual(['kept through the crash']);
      vault.lock();
      // The half-written key file the kill left behind is tidied away by that open.
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect((await checkVault(fastVault(dir), PASSPHRASE)).lines.join('\n')).toMatch(
        /Binding: journal\.db belongs to this key file/,
      );
    }, 60_000);
  }
});
