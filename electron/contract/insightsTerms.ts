/** Insights vocabulary and shapes, free of zod so the renderer can import it cheaply. */
import type { SeriesKind } from './trendsTerms';

/** Lags insights looks at: 0 (same day) up to this many days later. */
export const DEFAULT_MAX_LAG = 7;
export const MAX_LAG_LIMIT = 14;

/** The fewest days needed before a yes/no factor is tested: this many with it and this many without. */
export const MIN_DAYS_EACH_WAY = 10;
/** The fewest paired days needed before a number factor is tested. */
export const MIN_PAIRS = 24;
/** A test whose q (false discovery rate) is below this is reported as a finding. */
export const FINDING_Q = 0.05;

export type InsightDirection = 'gut-to-skin' | 'skin-to-gut';
/**
 * - `finding`: this factor–outcome pair passed the false-discovery check (q < 0.05) at this, its clearest, lag.
 * - `explained`: it would have passed, but a stronger co-moving factor accounts for it (see `explainedBy`).
 * - `no-finding`: tested; nothing stood out (read `flags`: `shared-trend` means a slow drift both share, not chance).
 * - `not-enough-data`: not testable yet (`needed` says what is missing), or, with flag `too-early`,
 *   one of the strongest candidates so far that needs more days before it can be judged.
 * - `no-variation`: the factor or outcome was the same on every paired day.
 */
export type InsightStatus = 'finding' | 'explained' | 'no-finding' | 'not-enough-data' | 'no-variation';

/**
 * Cautions and descriptions attached to a test (documented in docs/insights-method.md):
 * - `same-day`: lag 0 — the skin may have changed what was logged that day, or both followed something else;
 * - `shared-trend`: factor and outcome drifted together over weeks or months, with no day-to-day link:
 *   something else may have changed at the same time (never "chance");
 * - `before-after`: the factor changed once (e.g. a supplement started on a date): described as before
 *   against after, not tested day to day;
 * - `too-early`: among the strongest candidates so far; `needed` says how many more days the test needs;
 * - `other-lag`: another lag of a pair whose clearest lag is reported (the pair is tested once across lags);
 * - `moves-with`: the factor travels with other factors (`movesWith`) and the records cannot tell them apart.
 */
export type InsightFlag = 'same-day' | 'shared-trend' | 'before-after' | 'too-early' | 'other-lag' | 'moves-with';
export const INSIGHT_FLAGS: readonly InsightFlag[] = [
  'same-day',
  'shared-trend',
  'before-after',
  'too-early',
  'other-lag',
  'moves-with',
];

/** The two groups a test compares: days with/without a yes/no factor, or its top/bottom half. */
export interface InsightGroups {
  highLabel: string;
  lowLabel: string;
  high: { days: number; mean: number | null };
  low: { days: number; mean: number | null };
  /** Number factors: the median that divides the halves (null for yes/no). */
  split: number | null;
  /** Number factors: the top half is above the split, or at or above it when the median is the highest value. */
  highIncludesSplit: boolean;
}

/** One factor × outcome × lag test. */
export interface InsightTest {
  factor: string;
  factorLabel: string;
  factorKind: SeriesKind;
  /** The factor's unit as in its series ("hours", "servings", "" for yes/no). */
  factorUnit: string;
  outcome: string;
  outcomeLabel: string;
  /** The outcome's unit ("points (0–10)", "Bristol type (1–7)"). */
  outcomeUnit: string;
  direction: InsightDirection;
  /** The outcome is read this many days after the factor. */
  lag: number;
  /** Paired days (factor on day t and outcome on day t + lag both recorded). */
  n: number;
  /** Spearman's rank correlation (average ranks for ties). */
  rho: number | null;
  /**
   * How much higher (negative: lower) the outcome is on high-group days (with the factor, or in its top
   * half) than on the others, in the outcome's units, after allowing for each series' slow drift and for
   * yesterday's outcome (a dynamic regression; docs/insights-method.md). The raw averages are in `groups`.
   */
  effect: number | null;
  /** 95 % interval for `effect`, in the outcome's units; null when not tested. */
  ciLow: number | null;
  ciHigh: number | null;
  groups: InsightGroups | null;
  /** Two-sided p of this lag alone (autocorrelation-corrected); null when not tested. */
  p: number | null;
  /**
   * Benjamini–Hochberg q of the factor–outcome pair, tested once across all its lags (the clearest lag
   * against the null of the maximum over lags), corrected over pairs. The same on every lag of a pair.
   */
  q: number | null;
  status: InsightStatus;
  /** For `explained`: the key of the stronger co-moving factor that accounts for this one. */
  explainedBy: string | null;
  /** Factors this one moves with when neither accounts for the other (one group); empty otherwise. */
  movesWith: string[];
  flags: InsightFlag[];
  /** For `not-enough-data`: how many more days would let it be tested, in words and as a number. */
  needed: { days: number; text: string } | null;
  /** A title that names the two without asserting a cause: "Acne severity and dairy". */
  title: string;
  /** The result as one plain sentence. */
  sentence: string;
}

export interface InsightsResult {
  generatedAt: string;
  /** First and last logged day used. */
  from: string | null;
  to: string | null;
  daysLogged: number;
  maxLag: number;
  /** Kept for older readers: 0 since the autocorrelation-corrected test replaced the circular shifts. */
  shifts: number;
  /** Lag tests with enough data. */
  testsRun: number;
  /** Factor–outcome pairs tested (the family Benjamini–Hochberg corrects over). */
  pairsTested: number;
  /** When nothing could be tested yet: the fewest more days before the first test can run. */
  daysNeeded: number | null;
  /** Best lag per factor × outcome with q below the threshold, strongest evidence first. */
  findings: InsightTest[];
  /** The clearest lag of pairs accounted for by a stronger co-moving factor (status `explained`). */
  explained: InsightTest[];
  /** Links only in the slow drift (flag `shared-trend`), strongest first. */
  sharedTrends: InsightTest[];
  /** Strongest candidates that need more days (status `not-enough-data`, flag `too-early`), clearest first; at most 3. */
  candidates: InsightTest[];
  /** Before/after descriptions of factors that changed once (flag `before-after`). */
  beforeAfter: InsightTest[];
  /** Every test, findings first, then by q and p; not-enough-data last. */
  tests: InsightTest[];
}

export interface InsightsStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: InsightsResult | null;
  /** The journal changed after this result was computed. */
  stale: boolean;
  error: string | null;
  maxLag: number;
}

/** Built-in names start lower-case inside a sentence; names a person typed keep their case. */
export function inSentence(label: string, key: string): string {
  if (key.startsWith('custom.') || key.startsWith('treatment.')) return label;
  return label.length > 1 && label[1] === label[1]!.toLowerCase() ? label[0]!.toLowerCase() + label.slice(1) : label;
}
