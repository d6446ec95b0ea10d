import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkVault } from '../../electron/core/data/check';
import { type AppError } from '../../electron/core/errors';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';

/*
 * Issue 13, L6: the lock was a file holding a process id. Two processes taking over the same stale
 * lock could both believe they held the journal, and a leftover lock naming a process id the system
 * had since given to another program blocked the journal for good. The real mutex is now an OS
 * lock, which ends with its process; journal.lock is only a note of who holds it.
 */

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  removeTempDirs();
});

/** A process id that belongs to a live process that is not Axis Journal. */
async function withUnrelatedProcess<T>(use: (pid: number) => Promise<T>): Promise<T> {
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    return await use(sleeper.pid!);
  } finally {
    sleeper.kill('SIGKILL');
    await new Promise((done) => sleeper.once('exit', done));
  }
}

function leaveOwnerNote(dir: string, pid: number): void {
  writeFileSync(
    join(dir, 'journal.lock'),
    JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
  );
}

describe('L6: an OS lock is the real mutex', () => {
  it('separate processes racing to open one journal: exactly one wins, every round', async () => {
    const dir = tempDir('axis-race-');
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    const racers = await Promise.all(
      [0, 1, 2].map(async () => {
        const host = await startWebHostProcess(['--vault', dir, '--port', '0']);
        hosts.push(host);
        return apiClient(host.origin, host.token);
      }),
    );
    const rounds = 10;
    const winsPerRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Each round starts from a stale note naming a finished process: the case whose takeover raced.
      leaveOwnerNote(dir, 999_999_999);
      const answers = await Promise.all(racers.map((api) => api('vault.unlock', { passphrase: PASSPHRASE })));
      const winners = answers.filter((answer) => answer.ok && answer.value.state === 'unlocked');
      for (const answer of answers.filter((a) => !a.ok)) {
        expect(answer.error?.code).toBe('VAULT_IN_USE');
        expect(answer.error?.message).toMatch(/already open in another Axis Journal window or process/);
      }
      winsPerRound.push(winners.length);
      for (const api of racers) await api('vault.lock');
    }
    expect(winsPerRound).toEqual(Array(rounds).fill(1));
  }, 120_000);

  it('a leftover journal.lock naming a live, unrelated process does not block opening', async () => {
    const dir = tempDir('axis-reused-pid-');
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    await withUnrelatedProcess(async (pid) => {
      leaveOwnerNote(dir, pid);
      expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    });
    vault.lock();
    // Pid 1 is always alive; a note naming it is just as harmless.
    leaveOwnerNote(dir, 1);
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    vault.lock();
    expect(existsSync(join(dir, 'journal.lock'))).toBe(false);
    // The mutex file holds nothing (SQLite only locks it) and is never deleted.
    expect(statSync(join(dir, 'journal.mutex')).size).toBe(0);
  });

  it('another Axis really holding it: refused, naming the process, saying nothing needs removing', async () => {
    const dir = tempDir('axis-held-');
    const host = await startWebHostProcess(['--vault', dir, '--port', '0']);
    hosts.push(host);
    const api = await apiClient(host.origin, host.token);
    expect((await api('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);

    // Even with its note gone (someone removed journal.lock by hand), the OS lock still holds.
    rmSync(join(dir, 'journal.lock'));
    const second = fastVault(dir);
    const refused = (await second.unlock(PASSPHRASE).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe('VAULT_IN_USE');
    expect(refused.message).toMatch(/Close it there, or lock it there, then try again/);
    expect(refused.message).toMatch(/ends by itself when that process ends/);
    expect(second.status().state).toBe('locked');
    // `axis check` takes no lock: it reads the journal another process has open, and says it is fine.
    const report = await checkVault(fastVault(dir), PASSPHRASE);
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toMatch(/Binding: journal\.db belongs to this key file/);

    // The holder is killed (no clean-up at all): the OS drops its lock, and the journal opens.
    await host.stop('SIGKILL');
    expect((await second.unlock(PASSPHRASE)).state).toBe('unlocked');
    second.lock();
  }, 60_000);
});
