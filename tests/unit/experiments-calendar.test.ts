import { describe, expect, it } from 'vitest';
import { buildSchedule } from '../../electron/core/experiments/schedule';
import { calendarWeeks } from '../../renderer/src/views/Experiments/calendar';

describe('the schedule calendar', () => {
  // 2026-04-01 is a Wednesday: an avoid phase of 2 days, then 2 pairs of 3-day blocks (first settling in).
  const schedule = buildSchedule({
    design: 'elimination',
    pairs: 2,
    blockDays: 3,
    washoutDays: 1,
    runInDays: 2,
    startDate: '2026-04-01',
    orders: [1, 0],
  });

  it('lays the days out in Monday-first weeks, with words for every kind of day and today marked', () => {
    const weeks = calendarWeeks(schedule, [], '2026-04-04');
    expect(weeks.map((w) => w.monday)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
    // Monday and Tuesday of the first week are not part of the experiment.
    expect(weeks[0]!.days.slice(0, 2)).toEqual([null, null]);
    const labels = weeks.flatMap((w) => w.days).flatMap((d) => (d ? [[d.date, d.label]] : []));
    expect(labels).toEqual([
      ['2026-04-01', 'Avoid'],
      ['2026-04-02', 'Avoid'],
      // Pair 1 drew off→on, pair 2 on→off; each block's first day settles in.
      ['2026-04-03', 'Off · settling in'],
      ['2026-04-04', 'Off'],
      ['2026-04-05', 'Off'],
      ['2026-04-06', 'On · settling in'],
      ['2026-04-07', 'On'],
      ['2026-04-08', 'On'],
      ['2026-04-09', 'On · settling in'],
      ['2026-04-10', 'On'],
      ['2026-04-11', 'On'],
      ['2026-04-12', 'Off · settling in'],
      ['2026-04-13', 'Off'],
      ['2026-04-14', 'Off'],
    ]);
    const marked = weeks.flatMap((w) => w.days).filter((d) => d?.today);
    expect(marked.map((d) => d!.date)).toEqual(['2026-04-04']);
    expect(weeks[0]!.days[5]).toMatchObject({ date: '2026-04-04', day: 4, kind: 'off' });
  });

  it('shows recorded pauses in words, and nothing for an empty schedule', () => {
    const weeks = calendarWeeks(
      schedule,
      [
        { kind: 'pause', fromDate: '2026-04-07', toDate: '2026-04-08' },
        { kind: 'peek', fromDate: '2026-04-09', toDate: '2026-04-09' },
      ],
      '2026-05-01',
    );
    const days = weeks.flatMap((w) => w.days).filter((d) => d !== null);
    expect(days.filter((d) => d.kind === 'paused').map((d) => [d.date, d.label])).toEqual([
      ['2026-04-07', 'Paused'],
      ['2026-04-08', 'Paused'],
    ]);
    expect(days.some((d) => d.today)).toBe(false);
    expect(calendarWeeks([], [], '2026-04-01')).toEqual([]);
  });
});
