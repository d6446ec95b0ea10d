import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import type { Input, MethodName, Output, SessionPlan } from '../../electron/contract';
import { emptyDay } from '../../electron/core/day/days';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

const MIN = 60_000;
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeTempDirs();
});

const plan: SessionPlan = {
  type: 'silent',
  durationMinutes: 10,
  prepSeconds: 0,
  startBell: true,
  endBell: true,
  intervalMinutes: 5,
  bellAtMinutes: [],
  sound: 'bowl',
  volume: 0.7,
  breathingCues: false,
};

/** An app whose meditation clocks the test moves by hand. */
async function appWithClock() {
  const clock = { mono: 0, wall: new Date(2026, 5, 15, 7, 30).getTime() };
  const { backend, dispatch } = createApp({
    vaultDir: tempDir(),
    host: 'web',
    version: 't',
    scryptCost: FAST_SCRYPT,
    now: () => clock.wall,
    clocks: { mono: () => clock.mono, wall: () => clock.wall },
  });
  closers.push(() => backend.dispose());
  const call = async <K extends MethodName>(method: K, input?: Input<K>): Promise<Output<K>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  await call('vault.create', { passphrase: PASSPHRASE });
  const advance = (ms: number) => {
    clock.mono += ms;
    clock.wall += ms;
  };
  return { call, dispatch, advance, backend };
}

describe('meditation sessions', () => {
  it('a full 10-minute session is logged and fills the day’s meditation minutes', async () => {
    const { call, advance } = await appWithClock();
    const started = await call('meditation.start', { plan, stressBefore: 6 });
    expect(started).toMatchObject({
      phase: 'sitting',
      elapsedMs: 0,
      bells: [
        { kind: 'start', atMs: 0 },
        { kind: 'interval', atMs: 5 * MIN },
        { kind: 'end', atMs: 10 * MIN },
      ],
    });
    advance(10 * MIN + 3_000);
    expect(await call('meditation.current')).toMatchObject({ phase: 'complete', sittingMs: 10 * MIN });
    const saved = await call('meditation.finish', { save: true, stressAfter: 3, note: 'Calmer' });
    expect(saved).toMatchObject({
      date: '2026-06-15',
      type: 'silent',
      plannedSeconds: 600,
      actualSeconds: 600,
      stressBefore: 6,
      stressAfter: 3,
      note: 'Calmer',
    });
    expect(await call('meditation.current')).toBeNull();
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(10);
    expect((await call('meditation.settings')).lastPlan).toEqual(plan);
  });

  it('pause and resume shift the session; ending early keeps the minutes actually sat', async () => {
    const { call, advance } = await appWithClock();
    await call('meditation.start', { plan: { ...plan, durationMinutes: 20 } });
    advance(4 * MIN);
    await call('meditation.pause');
    advance(6 * MIN);
    expect(await call('meditation.current')).toMatchObject({ phase: 'paused', elapsedMs: 4 * MIN });
    await call('meditation.resume');
    advance(3 * MIN);
    const ended = await call('meditation.end');
    expect(ended).toMatchObject({ phase: 'ended', sittingMs: 7 * MIN });
    advance(2 * MIN); // filling in the form does not count
    const saved = await call('meditation.finish', { save: true });
    expect(saved?.actualSeconds).toBe(7 * 60);
  });

  it('a discarded session leaves no trace; sessions add up per day and follow edits and deletes', async () => {
    const { call, advance } = await appWithClock();
    await call('day.save', { ...emptyDay('2026-06-15'), notes: 'my day' });
    await call('meditation.start', { plan });
    advance(2 * MIN);
    expect(await call('meditation.finish', { save: false })).toBeNull();
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBeNull();

    await call('meditation.start', { plan: { ...plan, durationMinutes: null } });
    advance(12 * MIN);
    await call('meditation.end');
    const first = (await call('meditation.finish', { save: true }))!;
    await call('meditation.start', { plan: { ...plan, type: 'box', durationMinutes: 5 } });
    advance(5 * MIN);
    await call('meditation.finish', { save: true });
    const day = await call('day.get', { date: '2026-06-15' });
    expect(day.entry.lifestyle.meditationMinutes).toBe(17);
    expect(day.entry.notes).toBe('my day');

    await call('meditation.update', {
      id: first.id,
      actualMinutes: 15,
      stressBefore: 7,
      stressAfter: 4,
      note: 'long one',
    });
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(20);
    await call('meditation.delete', { id: first.id });
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(5);
    expect((await call('meditation.list', {})).map((s) => s.type)).toEqual(['box']);
  });

  it('refuses bad plans and a second session with clear messages', async () => {
    const { call, dispatch } = await appWithClock();
    const bad: [Partial<SessionPlan>, RegExp][] = [
      [{ durationMinutes: 181 }, /at most 180 minutes/],
      [{ durationMinutes: 0 }, /at least 1 minute/],
      [{ prepSeconds: 90 }, /at most 60 seconds/],
      [{ volume: 2 }, /./],
      [{ sound: 'gong' as never }, /./],
    ];
    for (const [patch, message] of bad) {
      const result = await dispatch('meditation.start', { plan: { ...plan, ...patch } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    await call('meditation.start', { plan });
    await expect(call('meditation.start', { plan })).rejects.toThrow(/already running/);
    await expect(call('meditation.finish', { save: true, stressAfter: 11 })).rejects.toThrow(/0 to 10/);
  });

  it('locking mid-session keeps a session of a minute or more', async () => {
    const { call, advance, backend } = await appWithClock();
    await call('meditation.start', { plan: { ...plan, durationMinutes: 30 } });
    advance(8 * MIN);
    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await call('meditation.current')).toBeNull();
    expect((await call('meditation.list', {}))[0]?.actualSeconds).toBe(8 * 60);
    expect(backend.meditation.isActive).toBe(false);
  });

  it('announces when a session starts and stops running', async () => {
    const { call, advance, backend } = await appWithClock();
    const events: unknown[] = [];
    backend.events.on('event', (event) => events.push(event));
    await call('meditation.start', { plan });
    advance(MIN);
    await call('meditation.pause');
    await call('meditation.end');
    await call('meditation.finish', { save: false });
    expect(events).toEqual([
      { type: 'meditation', running: true },
      { type: 'meditation', running: false },
    ]);
  });

  it('counts weekly minutes and streaks', async () => {
    const { call, advance } = await appWithClock();
    for (let day = 0; day < 3; day++) {
      await call('meditation.start', { plan: { ...plan, durationMinutes: 10 } });
      advance(10 * MIN);
      await call('meditation.finish', { save: true });
      advance(24 * 60 * MIN - 10 * MIN);
    }
    const stats = await call('meditation.stats');
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.reduce((sum, w) => sum + w.minutes, 0)).toBe(30);
    expect(stats).toMatchObject({ currentStreakDays: 3, bestStreakDays: 3, totalMinutes: 30, sessionCount: 3 });
    expect(await call('meditation.saveSettings', { hideStreaks: true })).toMatchObject({ hideStreaks: true });
  });

  it('a session under a minute is not logged unless kept on purpose: no minute in the day, no streak day', async () => {
    const { call, dispatch, advance } = await appWithClock();
    await call('meditation.start', { plan });
    advance(14_000);
    await call('meditation.end');
    const refused = await dispatch('meditation.finish', { save: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/14 seconds, under a minute.*Save this short session/);
    // Nothing was written, and the stopped session is still there to keep or discard.
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBeNull();
    expect(await call('meditation.stats')).toMatchObject({ currentStreakDays: 0, sessionCount: 0, totalMinutes: 0 });
    expect(await call('meditation.current')).toMatchObject({ phase: 'ended', sittingMs: 14_000 });
    expect(await call('meditation.finish', { save: false })).toBeNull();
    expect(await call('meditation.list', {})).toEqual([]);

    // Kept on purpose, it counts: a minute in the day and a streak day.
    await call('meditation.start', { plan });
    advance(40_000);
    await call('meditation.end');
    const kept = await call('meditation.finish', { save: true, keepShort: true });
    expect(kept).toMatchObject({ actualSeconds: 40 });
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(1);
    expect(await call('meditation.stats')).toMatchObject({ currentStreakDays: 1, sessionCount: 1 });

    // A minute or more needs no confirmation.
    await call('meditation.start', { plan });
    advance(61_000);
    await call('meditation.end');
    expect(await call('meditation.finish', { save: true })).toMatchObject({ actualSeconds: 61 });
  });

  it('locking during a session under a minute keeps nothing', async () => {
    const { call, advance } = await appWithClock();
    await call('meditation.start', { plan });
    advance(30_000);
    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await call('meditation.list', {})).toEqual([]);
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBeNull();
  });

  it('minutes typed into a day are kept when timer sessions are added, changed or removed', async () => {
    const { call, advance } = await appWithClock();
    const typed = emptyDay('2026-06-15');
    await call('day.save', { ...typed, lifestyle: { ...typed.lifestyle, meditationMinutes: 20 } });
    await call('meditation.start', { plan });
    advance(10 * MIN);
    const session = (await call('meditation.finish', { save: true }))!;
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(30);
    await call('meditation.update', {
      id: session.id,
      actualMinutes: 12,
      stressBefore: null,
      stressAfter: null,
      note: '',
    });
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(32);
    await call('meditation.delete', { id: session.id });
    expect((await call('day.get', { date: '2026-06-15' })).entry.lifestyle.meditationMinutes).toBe(20);
  });

  it('says where each total comes from: timer sessions, and minutes typed into days', async () => {
    const { call, advance } = await appWithClock();
    // Two days before today: typed minutes only (meditation done without the app's timer).
    for (const [date, minutes] of [
      ['2026-06-13', 15],
      ['2026-06-14', 25],
    ] as const) {
      const day = emptyDay(date);
      await call('day.save', { ...day, lifestyle: { ...day.lifestyle, meditationMinutes: minutes } });
    }
    // Today: a 10-minute timer session on top of 5 typed minutes.
    const today = emptyDay('2026-06-15');
    await call('day.save', { ...today, lifestyle: { ...today.lifestyle, meditationMinutes: 5 } });
    await call('meditation.start', { plan });
    advance(10 * MIN);
    await call('meditation.finish', { save: true });
    const stats = await call('meditation.stats');
    expect(stats).toMatchObject({
      totalMinutes: 10,
      sessionCount: 1,
      typedMinutes: 45,
      typedDays: 3,
      meditationDays: 3,
      meditationMinutes: 55,
      currentStreakDays: 3,
      bestStreakDays: 3,
    });
    // The chart is the timer's minutes.
    expect(stats.weeks.reduce((sum, week) => sum + week.minutes, 0)).toBe(10);
  });
});
