import { describe, expect, it } from 'vitest';
import { flareEpisodes, median, summariseFlares } from '../../electron/core/report/flares';
import { datesBetween } from '../../electron/core/trends/series';

const dates = datesBetween('2026-03-01', '2026-03-12');

describe('flare episodes', () => {
  it('are runs of consecutive flare days, with their start, end and length', () => {
    //            1  2  3  4  5  6  7  8  9  10 11 12
    const flags = [0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0];
    expect(flareEpisodes(dates, flags)).toEqual([
      { start: '2026-03-02', end: '2026-03-04', days: 3 },
      { start: '2026-03-06', end: '2026-03-06', days: 1 },
      { start: '2026-03-09', end: '2026-03-10', days: 2 },
    ]);
  });

  it('end at a day that was not logged, and count a run that reaches either end of the period', () => {
    const flags = [1, 1, null, 1, 0, 0, 0, 0, 0, 0, 1, 1];
    expect(flareEpisodes(dates, flags)).toEqual([
      { start: '2026-03-01', end: '2026-03-02', days: 2 },
      { start: '2026-03-04', end: '2026-03-04', days: 1 },
      { start: '2026-03-11', end: '2026-03-12', days: 2 },
    ]);
  });

  it('are none when nothing was marked or nothing was logged', () => {
    expect(flareEpisodes(dates, new Array(12).fill(0))).toEqual([]);
    expect(flareEpisodes(dates, new Array(12).fill(null))).toEqual([]);
    expect(flareEpisodes([], [])).toEqual([]);
  });

  it('are summed up as a count, flare days and the shortest, median and longest durations', () => {
    const summary = summariseFlares([
      { start: '2026-03-02', end: '2026-03-04', days: 3 },
      { start: '2026-03-06', end: '2026-03-06', days: 1 },
      { start: '2026-03-09', end: '2026-03-10', days: 2 },
      { start: '2026-03-20', end: '2026-03-26', days: 7 },
    ]);
    expect(summary).toMatchObject({ flareDays: 13, shortestDays: 1, medianDays: 2.5, longestDays: 7 });
    expect(summary.episodes).toHaveLength(4);
    expect(summariseFlares([])).toEqual({
      episodes: [],
      flareDays: 0,
      shortestDays: null,
      medianDays: null,
      longestDays: null,
    });
  });

  it('median takes the middle value, or the mean of the middle two', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([])).toBeNull();
  });
});
