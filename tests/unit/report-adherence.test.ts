import { describe, expect, it } from 'vitest';
import { activeWindow, treatmentAdherence } from '../../electron/core/report/adherence';
import { datesBetween } from '../../electron/core/trends/series';

const dates = datesBetween('2026-05-01', '2026-05-10');

describe('treatment adherence', () => {
  it('is days ticked "taken" over days with a taken-or-not tick; days without a tick are left out', () => {
    //             1  2  3     4  5  6     7  8  9  10
    const ticks = [1, 1, 0, null, 1, 1, null, 0, 1, 1];
    expect(treatmentAdherence(dates, ticks, '2026-05-01', '2026-05-10')).toEqual({
      daysTicked: 8,
      daysTaken: 6,
      percent: 75,
    });
  });

  it('counts only the days the treatment was active', () => {
    const ticks = [0, 0, 0, 1, 1, 1, 1, 0, 0, 0];
    // Started on the 4th and stopped on the 7th: the untaken days around it are not misses.
    expect(treatmentAdherence(dates, ticks, '2026-05-04', '2026-05-07')).toEqual({
      daysTicked: 4,
      daysTaken: 4,
      percent: 100,
    });
  });

  it('is unknown (null) when no day was ticked', () => {
    expect(treatmentAdherence(dates, new Array(10).fill(null), '2026-05-01', '2026-05-10')).toEqual({
      daysTicked: 0,
      daysTaken: 0,
      percent: null,
    });
    expect(treatmentAdherence(dates, undefined, '2026-05-01', '2026-05-10').percent).toBeNull();
  });

  it('the active window is the treatment’s own dates clipped to the period', () => {
    expect(activeWindow('2026-05-01', '2026-05-31', null, null)).toEqual({
      activeFrom: '2026-05-01',
      activeTo: '2026-05-31',
    });
    expect(activeWindow('2026-05-01', '2026-05-31', '2026-04-01', '2026-05-20')).toEqual({
      activeFrom: '2026-05-01',
      activeTo: '2026-05-20',
    });
    expect(activeWindow('2026-05-01', '2026-05-31', '2026-05-10', null)).toEqual({
      activeFrom: '2026-05-10',
      activeTo: '2026-05-31',
    });
    // Dates that miss the period entirely (ticks left from before an edit): the whole period counts.
    expect(activeWindow('2026-05-01', '2026-05-31', '2026-01-01', '2026-02-01')).toEqual({
      activeFrom: '2026-05-01',
      activeTo: '2026-05-31',
    });
  });
});
