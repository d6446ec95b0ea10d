import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../electron/contract';
import { createApp } from '../../electron/core/app';
import type { BackendOptions } from '../../electron/core/backend';
import { REMEMBERED_PASSPHRASE_FILE, type SecretStore } from '../../electron/core/preferences/rememberedPassphrase';
import { PREFERENCES_FILE } from '../../electron/core/preferences/store';
import { FAST_SCRYPT, PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

const NEW_PASSPHRASE = 'quiet harbour lantern 7';

/**
 * Stands in for Electron's safeStorage (the one boundary that cannot run here): a reversible
 * sealing with a marker, so a test can tell sealed bytes from the plain passphrase.
 */
function fakeSecretStore(reason: string | null = null): SecretStore {
  return {
    unavailableReason: async () => reason,
    encrypt: async (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
    decrypt: async (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('not sealed by this store');
      return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
    },
  };
}

const apps: { dispose(): void }[] = [];
afterEach(() => {
  for (const backend of apps.splice(0)) backend.dispose();
  vi.useRealTimers();
  removeTempDirs();
});

function open(dir: string, options: Partial<BackendOptions> = {}) {
  const app = createApp({ vaultDir: dir, host: 'desktop', version: 't', scryptCost: FAST_SCRYPT, ...options });
  apps.push(app.backend);
  const call = async (method: string, input?: unknown) => (await app.dispatch(method, input)) as Result<never>;
  return { ...app, call };
}

async function created(options: Partial<BackendOptions> = {}) {
  const dir = tempDir();
  const app = open(dir, options);
  const result = (await app.dispatch('vault.create', { passphrase: PASSPHRASE })) as Result<{ recoveryKey: string }>;
  if (!result.ok) throw new Error(result.error.message);
  return { dir, recoveryKey: result.value.recoveryKey, ...app };
}

describe('preferences for this computer', () => {
  it('start with a 10-minute lock and no reminder, and need the journal open', async () => {
    const { call, dir } = await created();
    expect(await call('preferences.get')).toEqual({
      ok: true,
      value: {
        idleLockMinutes: 10,
        reminder: { enabled: false, time: '20:30' },
        remember: { available: false, enabled: false, unavailableReason: expect.stringMatching(/browser version/) },
        remindersAvailable: false,
      },
    });
    expect(existsSync(join(dir, PREFERENCES_FILE))).toBe(false);
    await call('vault.lock');
    expect(await call('preferences.get')).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('preferences.save', { idleLockMinutes: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });

  it('a chosen lock time is used at once, announced to the page, and kept after a restart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { call, dir, backend } = await created();
    expect(await call('preferences.save', { idleLockMinutes: 2 })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 2 },
    });
    expect(await call('app.info')).toMatchObject({ ok: true, value: { idleLockMinutes: 2 } });

    vi.advanceTimersByTime(2 * 60_000 - 1_000);
    expect(backend.vault.isUnlocked).toBe(true);
    vi.advanceTimersByTime(1_001);
    expect(backend.vault.isUnlocked).toBe(false);
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'idle' } });

    backend.dispose();
    const again = open(dir);
    expect(again.backend.idleLockMs).toBe(2 * 60_000);
    expect(JSON.parse(readFileSync(join(dir, PREFERENCES_FILE), 'utf8'))).toEqual({
      idleLockMinutes: 2,
      reminder: { enabled: false, time: '20:30' },
    });
  });

  it('saves the reminder time and refuses impossible values with a clear message, changing nothing', async () => {
    const { call, dir } = await created({ remindersAvailable: () => true });
    expect(await call('preferences.save', { reminder: { enabled: true, time: '07:45' } })).toMatchObject({
      ok: true,
      value: { reminder: { enabled: true, time: '07:45' }, idleLockMinutes: 10, remindersAvailable: true },
    });
    const before = readFileSync(join(dir, PREFERENCES_FILE), 'utf8');
    const refusals: [unknown, RegExp][] = [
      [{ idleLockMinutes: 0 }, /at least 1 minute/],
      [{ idleLockMinutes: 121 }, /at most 120 minutes/],
      [{ idleLockMinutes: 2.5 }, /whole number of minutes/],
      [{ idleLockMinutes: '5' }, /after how many minutes/],
      [{ reminder: { enabled: true, time: '25:00' } }, /such as 20:30/],
      [{ reminder: { enabled: true, time: '7:45' } }, /such as 20:30/],
      [{ reminder: { enabled: 'yes', time: '07:45' } }, /on or off/],
      [{ theme: 'dark' }, /unexpected information \("theme"\)/],
    ];
    for (const [input, message] of refusals) {
      const result = await call('preferences.save', input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) },
      });
    }
    expect(readFileSync(join(dir, PREFERENCES_FILE), 'utf8')).toBe(before);
  });

  it('a damaged or hand-edited preferences file means the defaults for what is wrong, never a failure', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, PREFERENCES_FILE),
      '{"idleLockMinutes": 9999, "reminder": {"enabled": true, "time": "99:99"}}',
    );
    let app = open(dir);
    expect(app.backend.preferences.read()).toEqual({ idleLockMinutes: 10, reminder: { enabled: true, time: '20:30' } });
    app.backend.dispose();
    writeFileSync(join(dir, PREFERENCES_FILE), '{ not json');
    app = open(dir);
    expect(app.backend.idleLockMs).toBe(10 * 60_000);
  });
});

describe('remember my passphrase on this device', () => {
  it('is refused with the reason when the secret store is not safe (Linux plain-text keyring)', async () => {
    const reason = 'This computer has no keyring for Axis Journal to use.';
    const { call, dir } = await created({ secretStore: fakeSecretStore(reason) });
    expect(await call('preferences.get')).toMatchObject({
      ok: true,
      value: { remember: { available: false, enabled: false, unavailableReason: reason } },
    });
    expect(await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: reason },
    });
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);
  });

  it('keeps only a sealed passphrase that opens the journal, and opens it at the next start', async () => {
    const secretStore = fakeSecretStore();
    const { call, dir, backend } = await created({ secretStore });
    expect(await call('preferences.get')).toMatchObject({
      ok: true,
      value: { remember: { available: true, enabled: false, unavailableReason: null } },
    });

    expect(await call('preferences.rememberPassphrase', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);

    expect(await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { remember: { enabled: true } },
    });
    const stored = readFileSync(join(dir, REMEMBERED_PASSPHRASE_FILE));
    expect(stored.toString()).not.toContain(PASSPHRASE);

    backend.dispose();
    const next = open(dir, { secretStore });
    expect(await next.backend.unlockWithRememberedPassphrase()).toBe(true);
    expect(await next.call('vault.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('follows a passphrase change, and is forgotten when it no longer opens the journal', async () => {
    const secretStore = fakeSecretStore();
    const { call, dir, backend } = await created({ secretStore });
    await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE });
    expect(
      (await call('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).ok,
    ).toBe(true);
    backend.dispose();

    // Changed in Axis Journal: the remembered one was replaced and still opens the journal.
    let next = open(dir, { secretStore });
    expect(await next.backend.unlockWithRememberedPassphrase()).toBe(true);

    // Changed where the remembered one could not follow (another tool working on the folder).
    next.backend.dispose();
    const elsewhere = fastVault(dir);
    await elsewhere.unlock(NEW_PASSPHRASE);
    await elsewhere.changePassphrase(NEW_PASSPHRASE, PASSPHRASE);
    elsewhere.lock();

    next = open(dir, { secretStore });
    expect(await next.backend.unlockWithRememberedPassphrase()).toBe(false);
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);
    expect(await next.call('vault.status')).toMatchObject({
      ok: true,
      value: { state: 'locked', rememberedPassphraseForgotten: true },
    });
    expect((await next.call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await next.call('vault.status')).not.toMatchObject({ value: { rememberedPassphraseForgotten: true } });
  });

  it('a copy of the app that cannot reach the secret store forgets it rather than leave a stale one', async () => {
    const { call, dir, backend, recoveryKey } = await created({ secretStore: fakeSecretStore() });
    await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE });
    backend.dispose();
    // The browser version on the same folder: it cannot re-seal the new passphrase.
    const web = open(dir, { host: 'web' });
    await web.call('vault.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE });
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);
  });

  it('does nothing without a remembered passphrase, and a sealed file from another account is dropped', async () => {
    const secretStore = fakeSecretStore();
    const { dir, backend } = await created({ secretStore });
    backend.dispose();
    let next = open(dir, { secretStore });
    expect(await next.backend.unlockWithRememberedPassphrase()).toBe(false);
    expect(await next.call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
    next.backend.dispose();

    writeFileSync(join(dir, REMEMBERED_PASSPHRASE_FILE), 'sealed by someone else');
    next = open(dir, { secretStore });
    expect(await next.backend.unlockWithRememberedPassphrase()).toBe(false);
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);
  });

  it('can be turned off, and delete-everything leaves neither it nor the preferences behind', async () => {
    const { call, dir } = await created({ secretStore: fakeSecretStore() });
    await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE });
    expect(await call('preferences.forgetPassphrase')).toMatchObject({
      ok: true,
      value: { remember: { enabled: false } },
    });
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);

    await call('preferences.rememberPassphrase', { passphrase: PASSPHRASE });
    await call('preferences.save', { idleLockMinutes: 5 });
    expect(
      (await call('data.deleteAll', { confirmation: 'DELETE MY JOURNAL', currentPassphrase: PASSPHRASE })).ok,
    ).toBe(true);
    expect(existsSync(join(dir, REMEMBERED_PASSPHRASE_FILE))).toBe(false);
    expect(existsSync(join(dir, PREFERENCES_FILE))).toBe(false);
  });
});
