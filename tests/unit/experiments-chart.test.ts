import { describe, expect, it } from 'vitest';
import type { ExperimentPlan } from '../../electron/contract/experimentsTerms';
import { buildSchedule } from '../../electron/core/experiments/schedule';
import { FALLBACK_COLORS } from '../../renderer/src/lib/chartTheme';
import {
  experimentChartData,
  experimentChartSummary,
  experimentRows,
} from '../../renderer/src/views/Experiments/experimentChart';

function detail(design: 'pairs' | 'elimination' = 'pairs') {
  const planInput = {
    design,
    pairs: 2,
    blockDays: 3,
    washoutDays: 1,
    runInDays: design === 'elimination' ? 2 : 0,
    startDate: '2026-03-30',
    orders: [1, 0],
  };
  const schedule = buildSchedule(planInput);
  const plan = {
    ...planInput,
    outcomeLabel: 'Acne severity',
    outcomeUnit: 'points (0–10)',
    onText: 'Dairy as usual',
    offText: 'No dairy',
  } as ExperimentPlan;
  const outcome = schedule.map((_, i) => (i === 4 ? null : i % 10));
  return {
    schedule,
    outcome,
    plan,
    deviations: [
      { id: 1, kind: 'pause' as const, fromDate: '2026-04-02', toDate: '2026-04-02', reason: 'ill', recordedAt: '' },
    ],
  };
}

describe('experiment chart data', () => {
  it('draws the outcome with gaps where nothing was logged, over on, off and settling-in bands', () => {
    const data = experimentChartData(detail(), FALLBACK_COLORS);
    expect(data.labels).toEqual([
      '30 Mar',
      '31 Mar',
      '1 Apr',
      '2 Apr',
      '3 Apr',
      '4 Apr',
      '5 Apr',
      '6 Apr',
      '7 Apr',
      '8 Apr',
      '9 Apr',
      '10 Apr',
    ]);
    const [line, on, off, washout] = data.datasets;
    expect(line!.data).toEqual([0, 1, 2, 3, null, 5, 6, 7, 8, 9, 0, 1]);
    expect(data.datasets.map((d) => d.label)).toEqual([
      'Acne severity',
      '“Dairy as usual” days',
      '“No dairy” days',
      'Settling-in days (left out)',
    ]);
    // Pair 1 runs off → on, pair 2 on → off; the first day of each block settles in.
    expect(off!.data).toEqual([null, 10, 10, null, null, null, null, null, null, null, 10, 10]);
    expect(on!.data).toEqual([null, null, null, null, 10, 10, null, 10, 10, null, null, null]);
    expect(washout!.data).toEqual([10, null, null, 10, null, null, 10, null, null, 10, null, null]);
  });

  it('marks paused days, adds the avoid phase of an elimination, and says what it shows in words', () => {
    expect(
      experimentRows(detail())
        .filter((r) => r.paused)
        .map((r) => r.date),
    ).toEqual(['2026-04-02']);
    const elimination = experimentChartData(detail('elimination'), FALLBACK_COLORS);
    expect(elimination.datasets.at(-1)!.label).toBe('Avoid phase (left out)');
    expect(elimination.datasets.at(-1)!.data.slice(0, 3)).toEqual([10, 10, null]);
    expect(experimentChartSummary(detail())).toBe(
      'Acne severity on each day of the experiment, 11 of 12 days logged, over 4 “Dairy as usual” days, 4 “No dairy” days and 4 settling-in days.',
    );
  });
});
