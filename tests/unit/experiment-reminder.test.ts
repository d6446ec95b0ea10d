import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../electron/contract/app';
import {
  EXPERIMENT_REMINDER_BODY,
  EXPERIMENT_REMINDER_TITLE,
  nextExperimentReminder,
} from '../../electron/contract/experimentsTerms';
import { createApp } from '../../electron/core/app';
import { scheduleExperimentReminder } from '../../electron/main/experimentReminder';
import { shown } from '../helpers/fakeNotification';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';
import { inTimeZone } from '../helpers/timeZone';

// Electron, the only mock: notifications are recorded.
vi.mock('electron', async () => ({ Notification: (await import('../helpers/fakeNotification')).FakeNotification }));
const HOUR = 3_600_000;
beforeEach(() => {
  shown.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

describe('when the experiment reminder is next due', () => {
  const status = {
    enabled: true,
    time: '20:00',
    ranges: [{ from: '2026-11-25', to: '2026-11-27' }],
    today: '2026-11-25',
    todayLogged: false,
  };

  it('is at the chosen time on a day an experiment runs, never before its start or after its end', () => {
    expect(nextExperimentReminder(new Date(2026, 10, 25, 9, 0), status)).toEqual(new Date(2026, 10, 25, 20, 0));
    expect(nextExperimentReminder(new Date(2026, 10, 25, 20, 0), status)).toEqual(new Date(2026, 10, 26, 20, 0));
    // Before the experiment starts: its first day.
    expect(nextExperimentReminder(new Date(2026, 10, 20, 21, 0), { ...status, today: '2026-11-20' })).toEqual(
      new Date(2026, 10, 25, 20, 0),
    );
    expect(nextExperimentReminder(new Date(2026, 10, 27, 20, 1), status)).toBeNull();
    // A gap between two experiments is skipped.
    expect(
      nextExperimentReminder(new Date(2026, 10, 27, 21, 0), {
        ...status,
        ranges: [...status.ranges, { from: '2026-12-03', to: '2026-12-05' }],
      }),
    ).toEqual(new Date(2026, 11, 3, 20, 0));
  });

  it('skips a day already logged, and is never due when off or with no experiment', () => {
    expect(nextExperimentReminder(new Date(2026, 10, 25, 9, 0), { ...status, todayLogged: true })).toEqual(
      new Date(2026, 10, 26, 20, 0),
    );
    expect(nextExperimentReminder(new Date(2026, 10, 25, 9, 0), { ...status, enabled: false })).toBeNull();
    expect(nextExperimentReminder(new Date(2026, 10, 25, 9, 0), { ...status, ranges: [] })).toBeNull();
  });

  it('keeps to the clock on the wall across a change to summer time', () => {
    // Europe/Berlin: clocks go forward on 29 March 2026.
    inTimeZone('Europe/Berlin', () => {
      const from = new Date(2026, 2, 28, 21, 0);
      const next = nextExperimentReminder(from, {
        ...status,
        ranges: [{ from: '2026-03-28', to: '2026-04-05' }],
        today: '2026-03-28',
      })!;
      expect([next.getDate(), next.getHours(), next.getMinutes()]).toEqual([29, 20, 0]);
      expect((next.getTime() - from.getTime()) / HOUR).toBe(22);
    });
  });
});

describe('the experiment reminder notification (desktop)', () => {
  async function setUp() {
    vi.useFakeTimers({ now: new Date(2026, 10, 25, 19, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'desktop',
      version: 't',
      scryptCost: FAST_SCRYPT,
      idleLockMs: 10 ** 9,
    });
    const call = async (method: string, input?: unknown) => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as never;
    };
    await call('vault.create', { passphrase: PASSPHRASE });
    const acne = (await call('conditions.list')) as { id: number; name: string }[];
    const acneId = acne.find((c) => c.name === 'Acne')!.id;
    await call('conditions.save', { id: acneId, name: 'Acne', tracked: true });
    const commands: AppCommand[] = [];
    const reminder = scheduleExperimentReminder(backend, (command) => commands.push(command));
    const experiment = (await call('experiments.create', {
      factorKey: 'food.dairy',
      outcomeKey: `skin.severity.${acneId}`,
      design: 'pairs',
      pairs: 1,
      blockDays: 2,
      washoutDays: 0,
      startDate: '2026-11-25',
      seed: 1,
      onText: 'Dairy as usual',
      offText: 'No dairy at all',
    })) as { id: number; endDate: string };
    return { backend, call, commands, reminder, experiment };
  }

  it('is off by default; once on, it appears at the chosen time on each experiment day, saying nothing personal', async () => {
    const { backend, call, commands, reminder, experiment } = await setUp();
    expect(experiment.endDate).toBe('2026-11-28');
    vi.advanceTimersByTime(3 * HOUR);
    expect(shown).toHaveLength(0);

    const status = (await call('experiments.setReminder', { enabled: true, time: '20:00' })) as {
      ranges: unknown[];
    };
    expect(status.ranges).toEqual([{ from: '2026-11-25', to: '2026-11-28' }]);
    // 22:00 now: tomorrow at 20:00 is next.
    vi.advanceTimersByTime(22 * HOUR - 1);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([
      expect.objectContaining({ title: EXPERIMENT_REMINDER_TITLE, body: EXPERIMENT_REMINDER_BODY }),
    ]);
    expect(`${EXPERIMENT_REMINDER_TITLE}: ${EXPERIMENT_REMINDER_BODY}`).toBe(
      'Axis Journal: Time to log today’s experiment.',
    );
    shown[0]!.click();
    expect(commands).toEqual(['new-entry']);

    // Locked: the journal cannot be read, but the plan is remembered (in memory only).
    backend.lock('user');
    vi.advanceTimersByTime(24 * HOUR);
    expect(shown).toHaveLength(2);
    // 28 November is the last day; after it, nothing.
    vi.advanceTimersByTime(24 * HOUR);
    expect(shown).toHaveLength(3);
    vi.advanceTimersByTime(5 * 24 * HOUR);
    expect(shown).toHaveLength(3);
    reminder.stop();
    backend.dispose();
  });

  it('stays quiet on a day whose plan is already logged, and stops when turned off', async () => {
    const { backend, call, reminder, experiment } = await setUp();
    await call('experiments.setReminder', { enabled: true, time: '20:00' });
    await call('experiments.checkIn', { id: experiment.id, date: '2026-11-25', followed: true });
    expect(((await call('experiments.reminder')) as { todayLogged: boolean }).todayLogged).toBe(true);
    vi.advanceTimersByTime(2 * HOUR);
    expect(shown).toHaveLength(0);
    // The next day nothing is logged yet.
    vi.advanceTimersByTime(24 * HOUR);
    expect(shown).toHaveLength(1);
    await call('experiments.setReminder', { enabled: false, time: '20:00' });
    vi.advanceTimersByTime(3 * 24 * HOUR);
    expect(shown).toHaveLength(1);
    // A time that is not a time is refused in words.
    await expect(call('experiments.setReminder', { enabled: true, time: '25:00' })).rejects.toThrow(/such as 20:00/);
    reminder.stop();
    backend.dispose();
  });
});
