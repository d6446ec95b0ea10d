import type { DailySeries } from '../../contract/trends';
import type { CodedSeries } from './rankCorrelation';

/** One series as the test sees it, worked out once per run. */
export interface Prepared {
  series: DailySeries;
  coded: CodedSeries;
  raw: Float64Array;
  /** Day-to-day part of the rank-scaled series (rank − its ~4-week running level). */
  fast: Float64Array;
  /** Slow part of the rank-scaled series, on logged days only. */
  slow: Float64Array;
  acfFast: Float64Array;
  /**
   * The day-to-day part with its own carry-over taken out (AR(1) prewhitening), used when the
   * series is the factor of a test; and its autocorrelation.
   */
  white: Float64Array;
  acfWhite: Float64Array;
  acfSlow: Float64Array;
  /** Day-to-day part of the values in their own units (outcomes' effects are read from it). */
  fastRaw: Float64Array;
  /** A yes/no factor that changed once (or back again): where, and the value before. */
  step: { index: number; before: number } | null;
  /** Day-to-day parts of "high-group day" by split (the effect regression's factor), worked out once. */
  highFast: Map<string, Float64Array>;
}
