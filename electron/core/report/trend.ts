import { TREND_THRESHOLD_POINTS, type Trend } from '../../contract/reportTerms';
import { meanOf } from './periods';

/** Each end of the period needs at least this many scores before they are compared. */
const MIN_SCORES_EACH_END = 3;

/** Days compared at each end: a third of the period, at least a week and at most four. */
export function trendWindow(days: number): number {
  return Math.max(7, Math.min(28, Math.floor(days / 3)));
}

/**
 * Did a 0–10 score (higher is worse) go up or down over the period? The average of its last
 * window of days against its first; a change under half a point is "steady".
 */
export function severityTrend(values: readonly (number | null)[]): Trend {
  const windowDays = trendWindow(values.length);
  if (values.length < 2 * windowDays)
    return { direction: 'unknown', change: null, early: null, late: null, windowDays };
  const first = values.slice(0, windowDays);
  const last = values.slice(values.length - windowDays);
  const enough = (part: readonly (number | null)[]) =>
    part.filter((value) => value !== null && value !== undefined).length >= MIN_SCORES_EACH_END;
  if (!enough(first) || !enough(last))
    return { direction: 'unknown', change: null, early: null, late: null, windowDays };
  const early = meanOf(first)!;
  const late = meanOf(last)!;
  const change = late - early;
  const direction =
    change <= -TREND_THRESHOLD_POINTS ? 'better' : change >= TREND_THRESHOLD_POINTS ? 'worse' : 'steady';
  return { direction, change, early, late, windowDays };
}
