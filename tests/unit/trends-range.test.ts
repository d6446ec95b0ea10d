import { describe, expect, it } from 'vitest';
import { customRangeError, describePeriod, leadInRequest, planRange } from '../../renderer/src/views/Trends/range';

const today = '2026-06-30';

describe('trends: periods', () => {
  it('ends a fixed period today', () => {
    expect(planRange({ period: 'days90' }, { today, lastLogged: '2026-06-29' })).toEqual({
      ok: true,
      request: { from: '2026-04-02', to: today },
      endsAtLastLogged: false,
    });
    expect(planRange({ period: 'days30' }, { today, lastLogged: null })).toMatchObject({
      request: { from: '2026-06-01', to: today },
    });
    expect(planRange({ period: 'year' }, { today, lastLogged: today })).toMatchObject({
      request: { from: '2025-07-01', to: today },
    });
  });

  it('ends on the last logged day when nothing was logged in the period', () => {
    expect(planRange({ period: 'days30' }, { today, lastLogged: '2026-01-15' })).toEqual({
      ok: true,
      request: { from: '2025-12-17', to: '2026-01-15' },
      endsAtLastLogged: true,
    });
    // A last entry inside the period keeps it ending today.
    expect(planRange({ period: 'days30' }, { today, lastLogged: '2026-06-01' })).toMatchObject({
      endsAtLastLogged: false,
    });
  });

  it('asks for everything with "All"', () => {
    expect(planRange({ period: 'all' }, { today, lastLogged: null })).toEqual({
      ok: true,
      request: {},
      endsAtLastLogged: false,
    });
  });

  it('checks custom dates and says what is wrong', () => {
    expect(
      planRange({ period: 'custom', customFrom: '2026-01-01', customTo: '2026-02-01' }, { today, lastLogged: null }),
    ).toMatchObject({
      ok: true,
      request: { from: '2026-01-01', to: '2026-02-01' },
    });
    expect(
      planRange({ period: 'custom', customFrom: '2026-02-01', customTo: '2026-01-01' }, { today, lastLogged: null }),
    ).toEqual({
      ok: false,
      error: 'The start date must be on or before the end date.',
    });
    expect(customRangeError('', '2026-01-01', today)).toBe('Choose both a start date and an end date.');
    expect(customRangeError('2026-01-01', '2026-07-01', today)).toBe('The end date cannot be in the future.');
    expect(customRangeError('1800-01-01', '2026-01-01', today)).toBe('The start date is too far in the past.');
    expect(customRangeError(today, today, today)).toBeNull();
  });

  it('loads 14 lead-in days before a period, never before the journal starts', () => {
    expect(leadInRequest('2026-06-01', '2020-01-01')).toEqual({ from: '2026-05-18', to: '2026-05-31' });
    expect(leadInRequest('2026-06-01', '2026-05-25')).toEqual({ from: '2026-05-25', to: '2026-05-31' });
    expect(leadInRequest('2026-06-01', '2026-06-01')).toBeNull();
    expect(leadInRequest('2026-06-01', null)).toBeNull();
  });

  it('describes the period in words', () => {
    expect(describePeriod('2026-06-01', '2026-06-30', 30, 28)).toMatch(/: 30 days, 28 of them logged$/);
    expect(describePeriod('2026-06-01', '2026-06-30', 30, 30)).toMatch(/: 30 days, all of them logged$/);
    expect(describePeriod('2026-06-30', '2026-06-30', 1, 0)).toMatch(/: 1 day, not logged$/);
    expect(describePeriod('2016-01-01', '2025-12-28', 3650, 3369)).toMatch(/: 3,650 days, 3,369 of them logged$/);
  });
});
