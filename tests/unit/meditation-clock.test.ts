import { describe, expect, it } from 'vitest';
import type { ActiveSession, SessionPlan } from '../../electron/contract/meditation';
import {
  buildPlan,
  DEFAULT_PLAN,
  formFromPlan,
  parseBellMinutes,
  type PlanForm,
} from '../../renderer/src/views/Meditate/planForm';
import {
  anchorOn,
  BREATHING_PATTERNS,
  breathAt,
  breathCues,
  clockView,
  cycleMs,
  durationWords,
  formatClock,
  formatElapsed,
  formatRemaining,
  formatShort,
  mainDisplay,
  minuteAnnouncement,
  minutesForEdit,
  minutesText,
  satSummary,
  nextBellInMs,
  sessionMsAt,
  toSessionBells,
} from '../../renderer/src/views/Meditate/sessionClock';

const plan = (over: Partial<SessionPlan> = {}): SessionPlan => ({ ...DEFAULT_PLAN, ...over });

function active(over: Partial<ActiveSession> = {}): ActiveSession {
  return {
    plan: plan(),
    startedAt: '2026-06-14T07:30:00.000Z',
    phase: 'sitting',
    elapsedMs: 0,
    prepMs: 10_000,
    sittingMs: 0,
    bells: [],
    stressBefore: null,
    ...over,
  };
}

describe('meditation clock: anchoring on the backend', () => {
  it('derives session time from performance.now() minus the anchor while running', () => {
    const anchor = anchorOn({ phase: 'sitting', elapsedMs: 65_000 }, 1_000_000);
    expect(anchor).toEqual({ anchorPerf: 935_000, frozenMs: null });
    expect(sessionMsAt(anchor, 1_000_000)).toBe(65_000);
    expect(sessionMsAt(anchor, 1_012_345)).toBe(77_345);
  });

  it('is the same however often it is read (nothing accumulates)', () => {
    const anchor = anchorOn({ phase: 'preparing', elapsedMs: 0 }, 500);
    let last = 0;
    let lastPerf = 0;
    for (let perf = 500; perf <= 60_500; perf += 17) {
      last = sessionMsAt(anchor, perf);
      lastPerf = perf;
    }
    expect(last).toBe(lastPerf - 500);
    expect(sessionMsAt(anchor, 60_500)).toBe(60_000);
  });

  it('freezes while paused, ended or complete', () => {
    for (const phase of ['paused', 'ended', 'complete'] as const) {
      const anchor = anchorOn({ phase, elapsedMs: 42_000 }, 1_000);
      expect(sessionMsAt(anchor, 1_000)).toBe(42_000);
      expect(sessionMsAt(anchor, 999_999)).toBe(42_000);
    }
  });

  it('re-anchoring after a resume continues from the backend time, not from the old anchor', () => {
    const before = anchorOn({ phase: 'sitting', elapsedMs: 30_000 }, 10_000);
    expect(sessionMsAt(before, 20_000)).toBe(40_000);
    // Paused at 40 s, resumed much later: the backend still says 40 s.
    const after = anchorOn({ phase: 'sitting', elapsedMs: 40_000 }, 500_000);
    expect(sessionMsAt(after, 505_000)).toBe(45_000);
  });

  it('never goes below zero', () => {
    expect(sessionMsAt(anchorOn({ phase: 'preparing', elapsedMs: 0 }, 1_000), 900)).toBe(0);
  });
});

describe('meditation clock: formatting', () => {
  it('shows mm:ss below an hour and h:mm:ss from an hour on', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59)).toBe('00:59');
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(3600)).toBe('1:00:00');
    expect(formatClock(3 * 3600 + 5 * 60 + 7)).toBe('3:05:07');
  });

  it('rounds time left up and time passed down', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(599_001)).toBe('10:00');
    expect(formatRemaining(599_000)).toBe('09:59');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-50)).toBe('00:00');
    expect(formatElapsed(999)).toBe('00:00');
    expect(formatElapsed(61_999)).toBe('01:01');
    expect(formatElapsed(3_600_000)).toBe('1:00:00');
  });

  it('has a short m:ss form for small lines', () => {
    expect(formatShort(65)).toBe('1:05');
    expect(formatShort(5)).toBe('0:05');
    expect(formatShort(3725)).toBe('1:02:05');
  });

  it('says durations in words', () => {
    expect(durationWords(0)).toBe('0 seconds');
    expect(durationWords(1_000)).toBe('1 second');
    expect(durationWords(45_900)).toBe('45 seconds');
    expect(durationWords(60_000)).toBe('1 minute');
    expect(durationWords(7 * 60_000 + 59_000)).toBe('7 minutes');
    expect(durationWords(60 * 60_000)).toBe('1 hour');
    expect(durationWords(125 * 60_000)).toBe('2 hours 5 minutes');
  });
});

describe('meditation clock: phases', () => {
  const session = active({ plan: plan({ durationMinutes: 10 }), prepMs: 10_000, phase: 'preparing' });

  it('counts the preparation down in whole seconds ("Starting in 7")', () => {
    const view = clockView(session, 3_000);
    expect(view.phase).toBe('preparing');
    expect(view.inPreparation).toBe(true);
    expect(view.prepLeftSeconds).toBe(7);
    expect(clockView(session, 2_001).prepLeftSeconds).toBe(8);
    expect(clockView(session, 9_999).prepLeftSeconds).toBe(1);
    expect(view.remainingMs).toBe(600_000);
    expect(mainDisplay(view)).toBe('10:00');
  });

  it('moves from preparing to sitting when the countdown ends', () => {
    const view = clockView(session, 10_000);
    expect(view.phase).toBe('sitting');
    expect(view.inPreparation).toBe(false);
    expect(view.prepLeftSeconds).toBe(0);
    expect(mainDisplay(clockView(session, 11_000))).toBe('09:59');
  });

  it('becomes complete when the planned time is reached and asks for confirmation', () => {
    const justBefore = clockView(session, 10_000 + 600_000 - 1);
    expect(justBefore.phase).toBe('sitting');
    expect(justBefore.needsConfirmation).toBe(false);
    expect(mainDisplay(justBefore)).toBe('00:01');
    const atEnd = clockView(session, 10_000 + 600_000);
    expect(atEnd.phase).toBe('complete');
    expect(atEnd.needsConfirmation).toBe(true);
    expect(atEnd.remainingMs).toBe(0);
    expect(atEnd.sittingMs).toBe(600_000);
    const later = clockView(session, 10_000 + 700_000);
    expect(later.sittingMs).toBe(600_000);
    expect(mainDisplay(later)).toBe('00:00');
  });

  it('needs no confirmation once the backend itself says complete', () => {
    const view = clockView({ ...session, phase: 'complete' }, 700_000);
    expect(view.phase).toBe('complete');
    expect(view.needsConfirmation).toBe(false);
  });

  it('keeps the backend phase while paused or ended', () => {
    expect(clockView({ ...session, phase: 'paused' }, 100_000).phase).toBe('paused');
    const pausedInPrep = clockView({ ...session, phase: 'paused' }, 4_000);
    expect(pausedInPrep.inPreparation).toBe(true);
    expect(pausedInPrep.prepLeftSeconds).toBe(6);
    const ended = clockView({ ...session, phase: 'ended' }, 130_000);
    expect(ended.phase).toBe('ended');
    expect(ended.sittingMs).toBe(120_000);
  });

  it('counts up for an open-ended session and never completes', () => {
    const open = active({ plan: plan({ durationMinutes: null }), prepMs: 0 });
    const view = clockView(open, 4 * 3_600_000);
    expect(view.phase).toBe('sitting');
    expect(view.remainingMs).toBeNull();
    expect(view.needsConfirmation).toBe(false);
    expect(mainDisplay(clockView(open, 125_400))).toBe('02:05');
  });

  it('announces only once a minute', () => {
    const said = new Set<string>();
    for (let ms = 10_000; ms < 10_000 + 600_000; ms += 250) said.add(minuteAnnouncement(clockView(session, ms)));
    expect(said.size).toBe(10);
    expect(said.has('10 minutes left.')).toBe(true);
    expect(said.has('1 minute left.')).toBe(true);
    expect(minuteAnnouncement(clockView(session, 5_000))).toMatch(/^Preparing/);
    expect(minuteAnnouncement(clockView(session, 700_000))).toBe('Session complete.');
    expect(minuteAnnouncement(clockView({ ...session, phase: 'paused' }, 50_000))).toBe('Paused.');
    const open = active({ plan: plan({ durationMinutes: null }), prepMs: 0 });
    expect(minuteAnnouncement(clockView(open, 30_000))).toBe('Session started.');
    expect(minuteAnnouncement(clockView(open, 60_000))).toBe('1 minute sat.');
    expect(minuteAnnouncement(clockView(open, 185_000))).toBe('3 minutes sat.');
  });
});

describe('meditation clock: bells', () => {
  const bells = [
    { kind: 'start' as const, atMs: 0 },
    { kind: 'interval' as const, atMs: 300_000 },
    { kind: 'end' as const, atMs: 600_000 },
  ];

  it('converts sitting-time bells to session time for the scheduler', () => {
    expect(toSessionBells(bells, 10_000)).toEqual([
      { kind: 'start', atSessionMs: 10_000 },
      { kind: 'interval', atSessionMs: 310_000 },
      { kind: 'end', atSessionMs: 610_000 },
    ]);
  });

  it('tells how long until the next bell', () => {
    expect(nextBellInMs(bells, 10_000, 3_000)).toBe(7_000);
    expect(nextBellInMs(bells, 10_000, 10_000)).toBe(300_000);
    expect(nextBellInMs(bells, 10_000, 400_000)).toBe(210_000);
    expect(nextBellInMs(bells, 10_000, 610_000)).toBeNull();
    expect(nextBellInMs([], 0, 0)).toBeNull();
  });
});

describe('meditation clock: breathing', () => {
  it('has the three patterns with their lengths', () => {
    expect(cycleMs('box')).toBe(16_000);
    expect(cycleMs('478')).toBe(19_000);
    expect(cycleMs('paced')).toBe(10_900);
    // About 5.5 breaths a minute.
    expect(60_000 / cycleMs('paced')).toBeCloseTo(5.5, 1);
    expect(BREATHING_PATTERNS['478'].map((s) => [s.phase, s.ms / 1000])).toEqual([
      ['in', 4],
      ['hold', 7],
      ['out', 8],
    ]);
  });

  it('follows box breathing: in, hold, out, hold', () => {
    expect(breathAt('box', 0)).toMatchObject({ index: 0, count: 1, scale: 0, key: 0 });
    expect(breathAt('box', 3_500)).toMatchObject({ index: 0, count: 4 });
    expect(breathAt('box', 4_000)).toMatchObject({ index: 1, count: 1, scale: 1 });
    expect(breathAt('box', 8_000).step.phase).toBe('out');
    expect(breathAt('box', 10_000).scale).toBeCloseTo(0.5);
    expect(breathAt('box', 12_500)).toMatchObject({ index: 3, scale: 0 });
    expect(breathAt('box', 16_000)).toMatchObject({ index: 0, key: 4 });
  });

  it('grows on in and shrinks on out', () => {
    const growing = [0, 1_000, 2_000, 3_000, 3_999].map((t) => breathAt('paced', t).scale);
    expect(growing).toEqual([...growing].sort((a, b) => a - b));
    const shrinking = [5_450, 7_000, 9_000, 10_899].map((t) => breathAt('paced', t).scale);
    expect(shrinking).toEqual([...shrinking].sort((a, b) => b - a));
    expect(breathAt('478', 5_000)).toMatchObject({ index: 1, scale: 1, count: 2 });
    expect(breathAt('478', 11_000).step.phase).toBe('out');
    expect(breathAt('478', 18_999).count).toBe(8);
  });

  it('schedules soft cues at each in and out, in session time', () => {
    expect(breathCues('box', 10_000, 0, 32_000)).toEqual([
      { cue: 'in', atSessionMs: 10_000 },
      { cue: 'out', atSessionMs: 18_000 },
      { cue: 'in', atSessionMs: 26_000 },
      { cue: 'out', atSessionMs: 34_000 },
    ]);
    // A window that starts mid-cycle leaves out what already passed; the end is exclusive.
    expect(breathCues('paced', 0, 6_000, 21_800)).toEqual([
      { cue: 'in', atSessionMs: 10_900 },
      { cue: 'out', atSessionMs: 16_350 },
    ]);
    expect(breathCues('478', 0, 0, 0)).toEqual([]);
  });
});

describe('meditation history wording', () => {
  it('says how long was sat of how long was planned', () => {
    expect(satSummary(600, 600)).toBe('10 of 10 minutes');
    expect(satSummary(431, 600)).toBe('7 of 10 minutes');
    expect(satSummary(45, 600)).toBe('45 seconds of 10 minutes');
    expect(satSummary(60, 60)).toBe('1 of 1 minute');
    expect(satSummary(750, null)).toBe('13 minutes (open-ended)');
    expect(satSummary(1, null)).toBe('1 second (open-ended)');
    expect(minutesText(1)).toBe('1 minute');
    expect(minutesText(20)).toBe('20 minutes');
  });

  it('offers minutes with one decimal for editing', () => {
    expect(minutesForEdit(431)).toBe(7.2);
    expect(minutesForEdit(600)).toBe(10);
    expect(minutesForEdit(3)).toBe(0.1);
  });
});

describe('meditation setup form', () => {
  const form = (over: Partial<PlanForm> = {}): PlanForm => ({ ...formFromPlan(null), ...over });

  it('pre-fills from the last plan', () => {
    expect(formFromPlan(plan({ durationMinutes: 20 })).length).toBe('20');
    expect(formFromPlan(plan({ durationMinutes: null })).length).toBe('open');
    const custom = formFromPlan(plan({ durationMinutes: 33, intervalMinutes: 4, bellAtMinutes: [3, 7], volume: 0.35 }));
    expect(custom).toMatchObject({
      length: 'custom',
      customMinutes: 33,
      intervalOn: true,
      intervalMinutes: 4,
      bellAtText: '3, 7',
      volumePercent: 35,
    });
  });

  it('round-trips a plan', () => {
    const original = plan({
      type: 'box',
      durationMinutes: 45,
      intervalMinutes: 10,
      bellAtMinutes: [3, 7],
      breathingCues: true,
      volume: 0.4,
    });
    expect(buildPlan(formFromPlan(original))).toEqual({ plan: original, errors: null });
  });

  it('reads bell minutes written with commas', () => {
    expect(parseBellMinutes('', 20)).toEqual({ minutes: [] });
    expect(parseBellMinutes(' 12, 3,7 ,3 ', 20)).toEqual({ minutes: [3, 7, 12] });
    expect(parseBellMinutes('3, 7, 179', null)).toEqual({ minutes: [3, 7, 179] });
  });

  it('explains bell minutes it cannot use, in words', () => {
    expect(parseBellMinutes('3, seven', 20)).toEqual({
      error: expect.stringContaining('“seven” is not a whole number'),
    });
    expect(parseBellMinutes('2.5', 20)).toEqual({ error: expect.stringContaining('“2.5”') });
    expect(parseBellMinutes('3,,7', 20)).toEqual({ error: expect.stringContaining('single commas') });
    expect(parseBellMinutes('0', 20)).toEqual({ error: expect.stringContaining('from minute 1') });
    expect(parseBellMinutes('20', 20)).toEqual({ error: expect.stringContaining('end bell') });
    expect(parseBellMinutes('25', 20)).toEqual({
      error: expect.stringContaining('after the session ends (20 minutes)'),
    });
    expect(parseBellMinutes('180', null)).toEqual({ error: expect.stringContaining('open-ended') });
  });

  it('checks custom minutes, preparation and interval', () => {
    const bad = buildPlan(form({ length: 'custom', customMinutes: 200, prepSeconds: 90 }));
    expect(bad.errors).toEqual({
      customMinutes: 'A session lasts from 1 to 180 minutes.',
      prepSeconds: 'The preparation countdown is from 0 to 60 whole seconds.',
    });
    expect(buildPlan(form({ length: 'custom', customMinutes: null })).errors?.customMinutes).toMatch(
      /Enter how many minutes/,
    );
    expect(buildPlan(form({ length: 'custom', customMinutes: '7.5' })).errors?.customMinutes).toMatch(/whole minutes/);
    expect(buildPlan(form({ length: '5', intervalOn: true, intervalMinutes: 5 })).errors?.intervalMinutes).toMatch(
      /would not ring within a 5-minute/,
    );
    expect(buildPlan(form({ intervalOn: true, intervalMinutes: null })).errors?.intervalMinutes).toMatch(/how often/);
    expect(buildPlan(form({ length: 'open', intervalOn: true, intervalMinutes: 15 })).plan?.intervalMinutes).toBe(15);
  });

  it('builds the plan the backend expects', () => {
    const built = buildPlan(
      form({
        length: 'custom',
        customMinutes: '25',
        prepSeconds: '',
        volumePercent: 55,
        type: 'silent',
        breathingCues: true,
      }),
    );
    expect(built.plan).toEqual({
      ...DEFAULT_PLAN,
      durationMinutes: 25,
      prepSeconds: 0,
      volume: 0.55,
      breathingCues: false,
    });
    expect(buildPlan(form({ length: 'open' })).plan?.durationMinutes).toBeNull();
  });
});
