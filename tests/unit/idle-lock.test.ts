import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AxisEvent } from '../../electron/contract';
import { createApp } from '../../electron/core/app';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

describe('automatic lock', () => {
  it('locks after 10 idle minutes by default, announces it, and is pushed back by activity', async () => {
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'desktop',
      version: 't',
      scryptCost: FAST_SCRYPT,
    });
    expect(backend.idleLockMs).toBe(10 * 60_000);
    const events: AxisEvent[] = [];
    backend.events.on('event', (event) => events.push(event));

    await dispatch('vault.create', { passphrase: PASSPHRASE });
    vi.advanceTimersByTime(9 * 60_000);
    await dispatch('app.activity');
    vi.advanceTimersByTime(9 * 60_000);
    expect(backend.vault.isUnlocked).toBe(true);

    // Polling the status is not activity.
    await dispatch('vault.status');
    vi.advanceTimersByTime(60_000 + 1);
    expect(backend.vault.isUnlocked).toBe(false);
    expect(events).toEqual([{ type: 'vault-unlocked' }, { type: 'vault-locked', reason: 'idle' }]);
    expect(await dispatch('vault.status')).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'idle' } });
  });

  it('a manual lock is announced with its reason and the database is closed', async () => {
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'desktop',
      version: 't',
      scryptCost: FAST_SCRYPT,
    });
    const events: AxisEvent[] = [];
    backend.events.on('event', (event) => events.push(event));
    await dispatch('vault.create', { passphrase: PASSPHRASE });
    expect(await dispatch('vault.lock')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(events).toEqual([{ type: 'vault-unlocked' }, { type: 'vault-locked', reason: 'user' }]);
    expect(() => backend.vault.db).toThrow(/locked/);
  });

  it('does not lock while a meditation session is running, and locks again after it', async () => {
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'desktop',
      version: 't',
      scryptCost: FAST_SCRYPT,
    });
    await dispatch('vault.create', { passphrase: PASSPHRASE });
    const plan = {
      type: 'silent',
      durationMinutes: 30,
      prepSeconds: 0,
      startBell: false,
      endBell: false,
      intervalMinutes: null,
      bellAtMinutes: [],
      sound: 'none',
      volume: 0.5,
      breathingCues: false,
    };
    expect((await dispatch('meditation.start', { plan })).ok).toBe(true);
    vi.advanceTimersByTime(25 * 60_000);
    expect(backend.vault.isUnlocked).toBe(true);
    await dispatch('meditation.finish', { save: false });
    vi.advanceTimersByTime(10 * 60_000 + 1);
    expect(backend.vault.isUnlocked).toBe(false);
  });
});
