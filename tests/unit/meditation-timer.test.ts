import { describe, expect, it } from 'vitest';
import type { SessionPlan } from '../../electron/contract/meditation';
import {
  bellSchedule,
  endTimer,
  pauseTimer,
  phase,
  resumeTimer,
  sessionElapsedMs,
  sittingMs,
  snapshot,
  startTimer,
} from '../../electron/core/meditation/timer';

const MIN = 60_000;
function plan(patch: Partial<SessionPlan> = {}): SessionPlan {
  return {
    type: 'silent',
    durationMinutes: 10,
    prepSeconds: 0,
    startBell: true,
    endBell: true,
    intervalMinutes: null,
    bellAtMinutes: [],
    sound: 'bowl',
    volume: 0.8,
    breathingCues: false,
    ...patch,
  };
}

describe('bell schedule', () => {
  it('rings at the start, every N minutes and at the end, once each', () => {
    expect(bellSchedule(plan({ intervalMinutes: 5 }))).toEqual([
      { kind: 'start', atMs: 0 },
      { kind: 'interval', atMs: 5 * MIN },
      { kind: 'end', atMs: 10 * MIN },
    ]);
    expect(bellSchedule(plan({ durationMinutes: 20, intervalMinutes: 5 })).map((b) => b.atMs / MIN)).toEqual([
      0, 5, 10, 15, 20,
    ]);
  });

  it('adds custom times, merging duplicates and ignoring times past the end', () => {
    const bells = bellSchedule(plan({ durationMinutes: 20, intervalMinutes: 10, bellAtMinutes: [3, 10, 25, 7] }));
    expect(bells.map((b) => `${b.kind}@${b.atMs / MIN}`)).toEqual([
      'start@0',
      'interval@3',
      'interval@7',
      'interval@10',
      'end@20',
    ]);
  });

  it('has no bells for "no bell", and no end bell when open-ended', () => {
    expect(bellSchedule(plan({ sound: 'none', intervalMinutes: 5 }))).toEqual([]);
    const open = bellSchedule(plan({ durationMinutes: null, intervalMinutes: 30 }));
    expect(open.at(-1)).toEqual({ kind: 'interval', atMs: 150 * MIN });
    expect(open.some((b) => b.kind === 'end')).toBe(false);
    expect(bellSchedule(plan({ startBell: false, endBell: false }))).toEqual([]);
  });
});

describe('timer state machine (fake monotonic clock)', () => {
  it('counts the preparation first, then sitting time, and completes at the planned length', () => {
    const t0 = 1_000;
    const timer = startTimer(plan({ prepSeconds: 10 }), t0, Date.UTC(2026, 5, 1), null);
    expect(phase(timer, t0 + 5_000)).toBe('preparing');
    expect(sittingMs(timer, t0 + 5_000)).toBe(0);
    expect(phase(timer, t0 + 10_000)).toBe('sitting');
    expect(sittingMs(timer, t0 + 70_000)).toBe(60_000);
    expect(phase(timer, t0 + 10_000 + 10 * MIN)).toBe('complete');
    // Sitting time stops at the planned length even if the page looks later.
    expect(sittingMs(timer, t0 + 10_000 + 15 * MIN)).toBe(10 * MIN);
  });

  it('pausing shifts everything still to come by the length of the pause', () => {
    const t0 = 0;
    let timer = startTimer(plan(), t0, 0, null);
    timer = pauseTimer(timer, 3 * MIN);
    expect(phase(timer, 4 * MIN)).toBe('paused');
    expect(sessionElapsedMs(timer, 8 * MIN)).toBe(3 * MIN);
    timer = resumeTimer(timer, 8 * MIN);
    expect(sessionElapsedMs(timer, 9 * MIN)).toBe(4 * MIN);
    // The end bell (10 min of sitting) now falls at 15 min of wall time.
    expect(phase(timer, 15 * MIN - 1)).toBe('sitting');
    expect(phase(timer, 15 * MIN)).toBe('complete');
    // Pausing twice or resuming when running changes nothing.
    expect(pauseTimer(pauseTimer(timer, 10 * MIN), 11 * MIN).pauses).toHaveLength(2);
    expect(resumeTimer(timer, 11 * MIN)).toBe(timer);
  });

  it('ending early freezes the time actually sat', () => {
    let timer = startTimer(plan({ durationMinutes: 20 }), 0, 0, 4);
    timer = endTimer(timer, 7 * MIN + 30_000);
    expect(phase(timer, 30 * MIN)).toBe('ended');
    expect(sittingMs(timer, 30 * MIN)).toBe(7.5 * MIN);
    // Ending while paused counts only up to the pause.
    let paused = pauseTimer(startTimer(plan(), 0, 0, null), 2 * MIN);
    paused = endTimer(paused, 9 * MIN);
    expect(sittingMs(paused, 20 * MIN)).toBe(2 * MIN);
  });

  it('open-ended sessions run until ended', () => {
    let timer = startTimer(plan({ durationMinutes: null }), 0, 0, null);
    expect(phase(timer, 500 * MIN)).toBe('sitting');
    timer = endTimer(timer, 42 * MIN);
    expect(sittingMs(timer, 43 * MIN)).toBe(42 * MIN);
  });

  it('a page that reloads gets the same times back from the record (resume after reload)', () => {
    let timer = startTimer(plan({ prepSeconds: 5, intervalMinutes: 5 }), 100, Date.UTC(2026, 5, 1, 7), null);
    timer = pauseTimer(timer, 100 + 2 * MIN);
    timer = resumeTimer(timer, 100 + 3 * MIN);
    const now = 100 + 4 * MIN;
    const first = snapshot(timer, now);
    // A "reloaded page" asks again a moment later: everything moved on by exactly that moment.
    const later = snapshot(JSON.parse(JSON.stringify(timer)), now + 1234);
    expect(later.elapsedMs - first.elapsedMs).toBe(1234);
    expect(first).toMatchObject({
      phase: 'sitting',
      prepMs: 5_000,
      elapsedMs: 3 * MIN,
      sittingMs: 3 * MIN - 5_000,
      startedAt: '2026-06-01T07:00:00.000Z',
    });
    expect(first.bells.map((b) => b.atMs)).toEqual([0, 5 * MIN, 10 * MIN]);
  });
});
