import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  removeTempDirs();
});

describe('only one process may have a vault open', () => {
  it('a second process gets a clear message while the first has it open, and can take over after a crash', async () => {
    const dir = tempDir();
    const first = await startWebHostProcess(['--vault', dir, '--port', '0']);
    hosts.push(first);
    const api = await apiClient(first.origin, first.token);
    const created = await api('vault.create', { passphrase: PASSPHRASE });
    expect(created.ok).toBe(true);

    const second = fastVault(dir);
    const error = await second.unlock(PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VAULT_IN_USE');
    expect((error as AppError).message).toMatch(/already open/);

    // The first process dies without cleaning up: its lock is stale and is taken over.
    await first.stop('SIGKILL');
    expect(existsSync(join(dir, 'journal.lock'))).toBe(true);
    expect((await second.unlock(PASSPHRASE)).state).toBe('unlocked');
    second.lock();
  });

  it('a clean lock in the first process frees the vault for the second', async () => {
    const dir = tempDir();
    const first = await startWebHostProcess(['--vault', dir, '--port', '0']);
    hosts.push(first);
    const api = await apiClient(first.origin, first.token);
    await api('vault.create', { passphrase: PASSPHRASE });
    expect((await api('vault.lock')).value.state).toBe('locked');

    const second = fastVault(dir);
    expect((await second.unlock(PASSPHRASE)).state).toBe('unlocked');
    // …and now the first one is refused.
    const refused = await api('vault.unlock', { passphrase: PASSPHRASE });
    expect(refused.error?.code).toBe('VAULT_IN_USE');
    second.lock();
  });

  // A note naming a live process no longer decides anything: the OS lock does
  // (tests/security/os-lock.test.ts).

  it('a second vault object in the same process is refused too', async () => {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    await expect(fastVault(dir).unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    vault.lock();
  });
});

describe('a lock held on another computer', () => {
  it('names that computer instead of taking the lock over', async () => {
    const dir = tempDir();
    const vault = fastVault(dir);
    await vault.create(PASSPHRASE);
    vault.lock();
    writeFileSync(join(dir, 'journal.lock'), JSON.stringify({ pid: 1, host: 'kitchen-laptop', startedAt: '' }));
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      message: expect.stringContaining('kitchen-laptop'),
    });
    expect(existsSync(join(dir, 'journal.lock'))).toBe(true);
  });
});

describe('the web host demo mode', () => {
  it('serves a throwaway demo journal that opens with the printed passphrase and is deleted on stop', async () => {
    const host = await startWebHostProcess(['--demo', '--port', '0']);
    hosts.push(host);
    const passphrase = /passphrase: (.+)/.exec(host.output())?.[1]?.trim();
    expect(passphrase).toBeTruthy();
    const api = await apiClient(host.origin, host.token);
    expect((await api('vault.unlock', { passphrase })).value.state).toBe('unlocked');
    const info = await api('app.info');
    const days = await api('journal.list', { limit: 400 });
    expect(days.value.length).toBeGreaterThan(150);
    await host.stop('SIGTERM');
    expect(existsSync(info.value.vaultDir)).toBe(false);
  });
});
