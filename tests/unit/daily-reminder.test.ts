import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../electron/contract/app';
import { createApp } from '../../electron/core/app';
import { emptyDay } from '../../electron/core/day/days';
import { nextReminderAt } from '../../electron/core/preferences/reminderSchedule';
import { REMINDER_BODY, REMINDER_TITLE, scheduleDailyReminder } from '../../electron/main/reminder';
import { NO_KEYCHAIN_REASON, PLAIN_TEXT_KEYRING_REASON, electronSecretStore } from '../../electron/main/secretStore';
import { shown } from '../helpers/fakeNotification';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

// Electron, the only mock: notifications are recorded, safeStorage answers as told.
const electron = vi.hoisted(() => ({
  safe: { available: true, backend: 'gnome_libsecret' as string },
}));
vi.mock('electron', async () => ({
  Notification: (await import('../helpers/fakeNotification')).FakeNotification,
  safeStorage: {
    isAsyncEncryptionAvailable: async () => electron.safe.available,
    getSelectedStorageBackend: () => electron.safe.backend,
    encryptStringAsync: async (plain: string) => Buffer.from(plain).reverse(),
    decryptStringAsync: async (sealed: Buffer) => ({
      result: Buffer.from(sealed).reverse().toString(),
      shouldReEncrypt: false,
    }),
  },
}));

beforeEach(() => {
  shown.length = 0;
  electron.safe.available = true;
  electron.safe.backend = 'gnome_libsecret';
});
afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

describe('when the next reminder is due', () => {
  it('is later today when the time is still ahead, otherwise tomorrow', () => {
    expect(nextReminderAt(new Date(2026, 10, 25, 9, 0), '20:30')).toEqual(new Date(2026, 10, 25, 20, 30));
    expect(nextReminderAt(new Date(2026, 10, 25, 20, 30), '20:30')).toEqual(new Date(2026, 10, 26, 20, 30));
    expect(nextReminderAt(new Date(2026, 10, 25, 23, 59), '07:05')).toEqual(new Date(2026, 10, 26, 7, 5));
    expect(nextReminderAt(new Date(2026, 11, 31, 22, 0), '08:00')).toEqual(new Date(2027, 0, 1, 8, 0));
  });

  it('keeps to the clock on the wall across a change to or from summer time', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin'; // clocks go forward on 29 March 2026 and back on 25 October
    try {
      const spring = new Date(2026, 2, 28, 21, 0);
      const autumn = new Date(2026, 9, 24, 21, 0);
      const afterSpring = nextReminderAt(spring, '20:30');
      const afterAutumn = nextReminderAt(autumn, '20:30');
      for (const next of [afterSpring, afterAutumn]) expect([next.getHours(), next.getMinutes()]).toEqual([20, 30]);
      const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;
      expect(hours(spring, afterSpring)).toBe(22.5);
      expect(hours(autumn, afterAutumn)).toBe(24.5);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the daily reminder notification', () => {
  async function setUp() {
    vi.useFakeTimers({ now: new Date(2026, 10, 25, 20, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'desktop',
      version: 't',
      scryptCost: FAST_SCRYPT,
      idleLockMs: 10 ** 9,
    });
    const commands: AppCommand[] = [];
    const { stop, replan } = scheduleDailyReminder(backend, (command) => commands.push(command));
    return { backend, dispatch, commands, stop, replan };
  }

  it('is off by default; once on, it appears at the chosen time every day with nothing personal in it', async () => {
    const { backend, commands, stop } = await setUp();
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(shown).toHaveLength(0);

    backend.preferences.save({ reminder: { enabled: true, time: '21:15' } });
    vi.advanceTimersByTime(75 * 60_000 - 1);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([expect.objectContaining({ title: REMINDER_TITLE, body: REMINDER_BODY })]);
    expect(REMINDER_BODY).not.toMatch(/skin|eczema|acne|gut|stool|flare/i);

    shown[0]!.click();
    expect(commands).toEqual(['new-entry']);

    vi.advanceTimersByTime(24 * 3_600_000);
    expect(shown).toHaveLength(2);
    stop();
    backend.dispose();
  });

  it('keeps to the wall clock after the computer slept (timers stand still during sleep)', async () => {
    const { backend, stop, replan } = await setUp();
    backend.preferences.save({ reminder: { enabled: true, time: '21:15' } });
    vi.advanceTimersByTime(10 * 60_000);
    // Asleep from 20:10 to 21:10: the clock moves on, the timers do not.
    vi.setSystemTime(new Date(2026, 10, 25, 21, 10));
    replan();
    vi.advanceTimersByTime(5 * 60_000);
    expect(shown).toHaveLength(1);
    stop();
    backend.dispose();
  });

  it('stays quiet on a day already written down, and stops when turned off', async () => {
    const { backend, dispatch, stop } = await setUp();
    await dispatch('vault.create', { passphrase: PASSPHRASE });
    backend.preferences.save({ reminder: { enabled: true, time: '20:45' } });
    const saved = await dispatch('day.save', { ...emptyDay('2026-11-25'), notes: 'Calm day.' });
    expect(saved.ok).toBe(true);
    vi.advanceTimersByTime(60 * 60_000);
    expect(shown).toHaveLength(0);

    // Tomorrow nothing is written yet.
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(shown).toHaveLength(1);

    backend.preferences.save({ reminder: { enabled: false, time: '20:45' } });
    vi.advanceTimersByTime(72 * 3_600_000);
    expect(shown).toHaveLength(1);
    stop();
    backend.dispose();
  });
});

describe('the secret store behind "remember my passphrase"', () => {
  it('uses a real keyring, and refuses Linux’s plain-text fallback and a missing store with the reason', async () => {
    expect(await electronSecretStore('linux').unavailableReason()).toBeNull();
    const store = electronSecretStore('linux');
    expect(await store.decrypt(await store.encrypt(PASSPHRASE))).toBe(PASSPHRASE);

    electron.safe.backend = 'basic_text';
    expect(await electronSecretStore('linux').unavailableReason()).toBe(PLAIN_TEXT_KEYRING_REASON);
    // The Linux backend question does not exist elsewhere.
    expect(await electronSecretStore('darwin').unavailableReason()).toBeNull();

    electron.safe.available = false;
    expect(await electronSecretStore('win32').unavailableReason()).toBe(NO_KEYCHAIN_REASON);
  });
});
