import type { InsightTest } from '../../contract/insightsTerms';
import type { Prepared } from './prepared';
import { correlationP, partialCorrelation } from './stats';
import { laggedCorrelation } from './timeSeries';

/** One factor–outcome pair after its test across lags. */
export interface PairOutcome {
  factor: Prepared;
  outcome: Prepared;
  lags: InsightTest[];
  /** The clearest lag (smallest p); null when nothing could be tested. */
  best: InsightTest | null;
  bestR?: number;
  /** Effective pairs of the clearest lag's test (the factor prewhitened). */
  bestNEff?: number;
  /**
   * Effective pairs of the plain day-to-day parts at the clearest lag (Bartlett on both series'
   * own autocorrelation): the partial correlations below work on the plain parts, because the
   * outcome follows a factor's whole value, carry-over included — given only a stronger factor's
   * innovations, a proxy would still seem to add the stronger one's yesterday.
   */
  bestNEffFast?: number;
  /** The pair's p: the clearest lag against the maximum over its lags. */
  p: number | null;
  q: number | null;
  /** Correlation of the two slow parts and its p (for `shared-trend`). */
  slowR: number | null;
  slowP: number | null;
  effectiveLags: number;
  beforeAfter: InsightTest | null;
  days: number;
}

/** Two factors this correlated (day-to-day parts at their lags, or the raw values) are one measure twice. */
export const MIRROR_R = 0.9;
/** Below this correlation two factors do not move together enough to be checked. */
export const CO_MOVING_R = 0.15;
/**
 * A partial association survives the other factor when, tested like a pair (the maximum over its
 * effective number of lags), its p is still below `bar`: the p a finding needed in this run's
 * Benjamini–Hochberg step (q threshold × findings ÷ pairs tested).
 */
const STRONGER_P = 0.05;

function passes(partialP: number, pair: PairOutcome, bar: number): boolean {
  const acrossLags = -Math.expm1(pair.effectiveLags * Math.log1p(-Math.min(partialP, 1 - 1e-16)));
  return acrossLags <= bar;
}

export type Relation = 'explains' | 'together' | 'separate';

/**
 * Findings for the same outcome, strongest first: a weaker one that moves with a stronger one is
 * `explained` by it when its partial association given the stronger one (each at its own lag)
 * no longer passes the bar a finding needed while the stronger one's given it does, or when the two are one measure twice (a
 * category and its complement, a yes/no factor and its servings). When neither survives the
 * other, both stay findings and list each other in `movesWith` (flag `moves-with`).
 */
export function explainCoMoving(findings: readonly PairOutcome[], bar: number): void {
  const byOutcome = new Map<string, PairOutcome[]>();
  for (const pair of findings) {
    const key = pair.outcome.series.key;
    byOutcome.set(key, [...(byOutcome.get(key) ?? []), pair]);
  }
  for (const all of byOutcome.values()) {
    // A food counted two ways is reported once, as the yes/no factor people think in ("fermented foods").
    const yesNo = new Map(
      all
        .filter((pair) => pair.factor.series.key.startsWith('food.'))
        .map((pair) => [pair.factor.series.key.slice('food.'.length), pair]),
    );
    const pairs = all.filter((pair) => {
      const key = pair.factor.series.key;
      const food = key.startsWith('servings.') ? yesNo.get(key.slice('servings.'.length)) : undefined;
      if (!food) return true;
      pair.best!.status = 'explained';
      pair.best!.explainedBy = food.factor.series.key;
      return false;
    });
    pairs.sort((a, b) => a.p! - b.p! || Math.abs(b.bestR ?? 0) - Math.abs(a.bestR ?? 0));
    const kept: PairOutcome[] = [];
    for (const pair of pairs) {
      let explainedBy: PairOutcome | null = null;
      for (const stronger of kept) {
        const relation = relate(stronger, pair, bar);
        if (relation === 'explains') {
          explainedBy = stronger;
          break;
        }
        if (relation === 'together') {
          group(stronger.best!, pair.best!);
        }
      }
      if (explainedBy) {
        const test = pair.best!;
        test.status = 'explained';
        test.explainedBy = explainedBy.factor.series.key;
        // An explained pair is not also a group member of the ones it was checked against.
        for (const other of kept) ungroup(other.best!, test);
      } else {
        kept.push(pair);
      }
    }
  }
}

/** How a stronger finding relates to a weaker one of the same outcome. */
export function relate(stronger: PairOutcome, weaker: PairOutcome, bar: number): Relation {
  const a = stronger.factor;
  const b = weaker.factor;
  if (sameMeasure(a.series.key, b.series.key)) return 'explains';
  const la = stronger.best!.lag;
  const lb = weaker.best!.lag;
  const y = stronger.outcome.fast;
  const triples = { n: 0, sa: 0, sb: 0, sy: 0, saa: 0, sbb: 0, syy: 0, sab: 0, say: 0, sby: 0 };
  for (let t = Math.max(la, lb); t < y.length; t++) {
    const yv = y[t]!;
    const av = a.fast[t - la]!;
    const bv = b.fast[t - lb]!;
    if (Number.isNaN(yv) || Number.isNaN(av) || Number.isNaN(bv)) continue;
    triples.n++;
    triples.sa += av;
    triples.sb += bv;
    triples.sy += yv;
    triples.saa += av * av;
    triples.sbb += bv * bv;
    triples.syy += yv * yv;
    triples.sab += av * bv;
    triples.say += av * yv;
    triples.sby += bv * yv;
  }
  const { n } = triples;
  if (n < 20) return 'separate';
  const cov = (sxy: number, sx: number, sy: number) => sxy - (sx * sy) / n;
  const va = cov(triples.saa, triples.sa, triples.sa);
  const vb = cov(triples.sbb, triples.sb, triples.sb);
  const vy = cov(triples.syy, triples.sy, triples.sy);
  if (va <= 1e-12 || vb <= 1e-12 || vy <= 1e-12) return 'separate';
  const rab = cov(triples.sab, triples.sa, triples.sb) / Math.sqrt(va * vb);
  const ray = cov(triples.say, triples.sa, triples.sy) / Math.sqrt(va * vy);
  const rby = cov(triples.sby, triples.sb, triples.sy) / Math.sqrt(vb * vy);
  if (Math.abs(rab) >= MIRROR_R || Math.abs(laggedCorrelation(a.raw, b.raw, 0, 3)?.r ?? 0) >= MIRROR_R)
    return 'explains';
  if (Math.abs(rab) < CO_MOVING_R) return 'separate';
  // Degrees of freedom: the effective pairs of each test, scaled to the days all three were recorded, less one for the other factor.
  const dfFor = (pair: PairOutcome) => Math.max(1, ((pair.bestNEffFast ?? n) * n) / Math.max(1, pair.best!.n) - 3);
  const weakerGiven = partialCorrelation(rby, rab, ray);
  const strongerGiven = partialCorrelation(ray, rab, rby);
  if (weakerGiven === null || strongerGiven === null) return 'explains';
  const weakerSurvives = passes(correlationP(weakerGiven, dfFor(weaker)), weaker, bar);
  // The stronger one only has to show it carries something of its own (p < 0.05 across its lags) to be the explainer.
  const strongerSurvives = passes(correlationP(strongerGiven, dfFor(stronger)), stronger, STRONGER_P);
  if (weakerSurvives) return 'separate';
  return strongerSurvives ? 'explains' : 'together';
}

/** `food.fermented` and `servings.fermented` are one food category counted two ways. */
function sameMeasure(a: string, b: string): boolean {
  const category = (key: string) =>
    key.startsWith('food.') || key.startsWith('servings.') ? key.slice(key.indexOf('.') + 1) : null;
  return category(a) !== null && category(a) === category(b);
}

function group(a: InsightTest, b: InsightTest): void {
  if (!a.movesWith.includes(b.factor)) a.movesWith.push(b.factor);
  if (!b.movesWith.includes(a.factor)) b.movesWith.push(a.factor);
  for (const test of [a, b]) if (!test.flags.includes('moves-with')) test.flags.push('moves-with');
}

function ungroup(a: InsightTest, b: InsightTest): void {
  a.movesWith = a.movesWith.filter((key) => key !== b.factor);
  b.movesWith = [];
  b.flags = b.flags.filter((flag) => flag !== 'moves-with');
  if (a.movesWith.length === 0) a.flags = a.flags.filter((flag) => flag !== 'moves-with');
}
