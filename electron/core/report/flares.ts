import type { FlareEpisode, FlareSummary } from '../../contract/reportTerms';

/**
 * Flare episodes: runs of consecutive calendar days marked as a flare. `dates` are consecutive
 * days and `flags` holds 1 on a flare day, 0 on a logged day without one, null on a day with no
 * score. A day that is not a flare (or was not logged) ends a run: the record cannot say the
 * flare went on through it.
 */
export function flareEpisodes(dates: readonly string[], flags: readonly (number | null)[]): FlareEpisode[] {
  const episodes: FlareEpisode[] = [];
  let start = -1;
  for (let i = 0; i <= dates.length; i++) {
    const flare = i < dates.length && flags[i] === 1;
    if (flare && start < 0) start = i;
    if (!flare && start >= 0) {
      episodes.push({ start: dates[start]!, end: dates[i - 1]!, days: i - start });
      start = -1;
    }
  }
  return episodes;
}

/** Count, total days and the spread of durations of a condition's flare episodes. */
export function summariseFlares(episodes: readonly FlareEpisode[]): FlareSummary {
  const durations = episodes.map((episode) => episode.days).sort((a, b) => a - b);
  return {
    episodes: [...episodes],
    flareDays: durations.reduce((sum, days) => sum + days, 0),
    shortestDays: durations[0] ?? null,
    medianDays: median(durations),
    longestDays: durations.at(-1) ?? null,
  };
}

/** The median of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
