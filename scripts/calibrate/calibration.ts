/**
 * The calibration families and what counts as success for each (docs/insights-method.md).
 * `npm run calibrate` runs them at scale; tests/integration/insights-calibration.test.ts runs a
 * bounded subset.
 */
import type { InsightsResult, InsightTest } from '../../electron/contract/insightsTerms';
import { runInsights } from '../../electron/core/insights/engine';
import { generateJournal, PROXIES, type FamilyOptions, type GeneratedJournal, type Planted } from './families';

export type Check = 'no-finding' | 'found-at-lag' | 'found-or-candidate' | 'leading-candidate' | 'proxies-explained';

export interface Family {
  name: string;
  /** What is measured, in words. */
  measures: string;
  check: Check;
  /** The target share (for `no-finding`: at most; otherwise at least). */
  target: number;
  journals: number;
  options: (seed: number) => FamilyOptions;
}

const OUTCOMES = ['skin.severity.1', 'skin.severity.2', 'skin.severity.3'];
const YESNO_FACTORS = ['food.dairy', 'food.fermented', 'food.ultra_processed', 'custom.1'];

/** A planted effect varying with the seed: a yes/no factor → a skin outcome, lag 0–7, ±1.5 points. */
function plantedBySeed(seed: number): Planted {
  return {
    factor: YESNO_FACTORS[seed % YESNO_FACTORS.length]!,
    outcome: OUTCOMES[Math.floor(seed / 4) % 3]!,
    lag: seed % 8,
    size: seed % 2 ? 1.5 : -1.5,
  };
}

export const FAMILIES: readonly Family[] = [
  {
    name: 'null, regular logging, 365 days',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 0.05,
    journals: 400,
    options: () => ({ days: 365, logging: 'regular', effects: [] }),
  },
  {
    name: 'null, irregular logging (55–70 %, bursts, holidays), 240 days',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 0.05,
    journals: 100,
    options: () => ({ days: 240, logging: 'irregular', effects: [] }),
  },
  {
    name: 'null, shared slow trends + a supplement started, 365 days',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 0.05,
    journals: 100,
    options: () => ({ days: 365, logging: 'regular', effects: [], sharedTrend: true, startedSupplement: true }),
  },
  {
    name: 'null, lazy logging on good-skin days, 240 days',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 0.05,
    journals: 100,
    options: () => ({ days: 240, logging: 'three-quarters', effects: [], lazyLogging: true }),
  },
  {
    name: 'null, short journals (60/90/120 days)',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 0.05,
    journals: 120,
    options: (seed) => ({ days: [60, 90, 120][seed % 3]!, logging: 'regular', effects: [] }),
  },
  {
    name: 'reference: lazy logging read the old way (unlisted food = not eaten)',
    measures: 'journals with any finding',
    check: 'no-finding',
    target: 1,
    journals: 50,
    options: () => ({ days: 240, logging: 'three-quarters', effects: [], lazyLogging: true, naiveFood: true }),
  },
  {
    name: 'planted yes/no effect, lags 0–7, ±1.5 points, 240 days ~75 % logged',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 64,
    options: (seed) => ({ days: 240, logging: 'three-quarters', effects: [plantedBySeed(seed)] }),
  },
  {
    name: 'planted effect + shared trends + lazy logging, 240 days ~75 %',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 32,
    options: (seed) => ({
      days: 240,
      logging: 'three-quarters',
      effects: [plantedBySeed(seed)],
      sharedTrend: true,
      lazyLogging: true,
    }),
  },
  {
    name: 'dose–response: +0.6 points per cup of green tea (custom number), lag 1, 240 days',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 32,
    options: () => ({
      days: 240,
      logging: 'three-quarters',
      effects: [{ factor: 'custom.2', outcome: 'skin.severity.1', lag: 1, size: 0.6 }],
    }),
  },
  {
    name: 'dose–response: stress, +0.4 points per point, lag 0–3, 240 days',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 128,
    options: (seed) => ({
      days: 240,
      logging: 'three-quarters',
      effects: [{ factor: 'life.stress', outcome: 'skin.severity.3', lag: seed % 4, size: 0.4 }],
    }),
  },
  {
    name: 'dose–response (not tuned on): sleep, −1 point per hour, lags 0–7, on eczema, 240 days',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 128,
    options: (seed) => ({
      days: 240,
      logging: 'three-quarters',
      effects: [{ factor: 'life.sleepHours', outcome: 'skin.severity.2', lag: seed % 8, size: -1 }],
    }),
  },
  {
    name: 'dose–response (not tuned on): exercise, −0.03 points per minute, lags 0–7, on rosacea, 240 days',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 128,
    options: (seed) => ({
      days: 240,
      logging: 'three-quarters',
      effects: [{ factor: 'life.exercise', outcome: 'skin.severity.3', lag: seed % 8, size: -0.03 }],
    }),
  },
  {
    name: 'skin → gut: acne +1 bloating per point, lag 1, 240 days',
    measures: 'found at the planted lag',
    check: 'found-at-lag',
    target: 0.9,
    journals: 32,
    options: () => ({
      days: 240,
      logging: 'three-quarters',
      effects: [{ factor: 'skin.severity.1', outcome: 'gut.bloating', lag: 1, size: 1 }],
    }),
  },
  {
    name: 'strong effect (dairy → acne +2.5, next day), 90 days',
    measures: 'found at lag 1',
    check: 'found-at-lag',
    target: 2 / 3,
    journals: 30,
    options: () => ({
      days: 90,
      logging: 'regular',
      effects: [{ factor: 'food.dairy', outcome: 'skin.severity.1', lag: 1, size: 2.5 }],
    }),
  },
  {
    name: 'strong effect (dairy → acne +2, lag 2), 60 days',
    measures: 'found, or the leading "too early to tell" candidate',
    check: 'leading-candidate',
    target: 0.9,
    journals: 120,
    options: () => ({
      days: 60,
      logging: 'regular',
      effects: [{ factor: 'food.dairy', outcome: 'skin.severity.1', lag: 2, size: 2 }],
    }),
  },
  {
    name: 'strong effect (not tuned on: ultra-processed → rosacea +2, lag 3), 60 days',
    measures: 'found, or the leading "too early to tell" candidate',
    check: 'leading-candidate',
    target: 0.9,
    journals: 120,
    options: () => ({
      days: 60,
      logging: 'regular',
      effects: [{ factor: 'food.ultra_processed', outcome: 'skin.severity.3', lag: 3, size: 2 }],
    }),
  },
  {
    name: 'proxies: dairy → acne +2 (lag 2), fermented → eczema −1.5 (lag 3), stress → rosacea +0.4/point (lag 0); 365 days',
    measures: 'proxy findings explained or grouped',
    check: 'proxies-explained',
    target: 0.9,
    journals: 30,
    options: () => ({
      days: 365,
      logging: 'regular',
      effects: [
        { factor: 'food.dairy', outcome: 'skin.severity.1', lag: 2, size: 2 },
        { factor: 'food.fermented', outcome: 'skin.severity.2', lag: 3, size: -1.5 },
        { factor: 'life.stress', outcome: 'skin.severity.3', lag: 0, size: 0.4 },
      ],
    }),
  },
];

export interface FamilyResult {
  family: Family;
  journals: number;
  successes: number;
  /** For proxy families: proxy findings seen (the denominator); otherwise journals. */
  denominator: number;
  notes: string[];
  /**
   * 95 % intervals at the planted lag that hold the planted size (yes/no effects that raise the
   * outcome, so scores clipped at 0 do not shrink the truth), and how many were checked.
   */
  covered: number;
  intervals: number;
  /** Misses where the planted lag could not be tested yet (a yes/no factor with fewer than 10 days with or without). */
  untestable: number;
  seconds: number;
}

export function runJournal(journal: GeneratedJournal): InsightsResult {
  return runInsights({ dates: journal.dates, series: journal.series }, { maxLag: 7 });
}

const pairOf = (test: InsightTest) => `${test.factor}→${test.outcome}`;

/** `food.fermented` and `servings.fermented` are one measure counted two ways: either may carry the finding. */
const sameFactor = (a: string, b: string) =>
  a === b ||
  (a.replace(/^(food|servings)\./, 'food.') === b.replace(/^(food|servings)\./, 'food.') &&
    /^(food|servings)\./.test(a));
/** Itch follows eczema in these journals, so an effect on eczema reaches itch too. */
const sameOutcome = (planted: string, seen: string) =>
  planted === seen || (planted === 'skin.severity.2' && seen === 'skin.itch');
const matches = (effect: Planted, test: InsightTest) =>
  sameFactor(effect.factor, test.factor) && sameOutcome(effect.outcome, test.outcome);

/** Runs `journals` seeds of a family (from `firstSeed`) and scores them. */
export function runFamily(family: Family, journals = family.journals, firstSeed = 1): FamilyResult {
  const started = performance.now();
  let successes = 0;
  let denominator = 0;
  let covered = 0;
  let intervals = 0;
  let untestable = 0;
  const notes: string[] = [];
  for (let seed = firstSeed; seed < firstSeed + journals; seed++) {
    const journal = generateJournal(family.options(seed), seed);
    const result = runJournal(journal);
    const planted = journal.effects;
    const wanted = (test: InsightTest) => planted.some((e) => matches(e, test));
    for (const effect of planted) {
      if (effect.size <= 0 || !/^(food|custom\.[134]$)/.test(effect.factor)) continue;
      const atLag = result.tests.find(
        (t) => t.factor === effect.factor && t.outcome === effect.outcome && t.lag === effect.lag,
      );
      if (atLag?.ciLow == null || atLag.ciHigh == null) continue;
      intervals++;
      if (atLag.ciLow <= effect.size && effect.size <= atLag.ciHigh) covered++;
    }
    switch (family.check) {
      case 'no-finding': {
        denominator++;
        if (result.findings.length === 0) successes++;
        else
          notes.push(
            `seed ${seed}: ${result.findings.map((f) => `${pairOf(f)} lag ${f.lag} q ${f.q!.toPrecision(2)}`).join('; ')}`,
          );
        break;
      }
      case 'found-at-lag': {
        denominator++;
        const effect = planted[0]!;
        const found = result.findings.find((f) => sameFactor(effect.factor, f.factor) && f.outcome === effect.outcome);
        if (found && found.lag === effect.lag) successes++;
        else
          notes.push(
            `seed ${seed}: ${effect.factor}→${effect.outcome} lag ${effect.lag}: ${found ? `found at lag ${found.lag}` : describeMiss(result, effect)}`,
          );
        const extra = result.findings.filter((f) => !wanted(f));
        if (extra.length)
          notes.push(`seed ${seed}: other findings ${extra.map((f) => `${pairOf(f)} lag ${f.lag}`).join('; ')}`);
        break;
      }
      case 'leading-candidate': {
        denominator++;
        const effect = planted[0]!;
        const found = result.findings.find((f) => f.factor === effect.factor && f.outcome === effect.outcome);
        const leading = result.candidates[0];
        if (found || (leading && leading.factor === effect.factor && leading.outcome === effect.outcome)) successes++;
        else {
          const atLag = result.tests.find(
            (t) => t.factor === effect.factor && t.outcome === effect.outcome && t.lag === effect.lag,
          );
          if (atLag?.status === 'not-enough-data' && !atLag.flags.includes('too-early')) untestable++;
          notes.push(
            `seed ${seed}: leading candidate ${leading ? `${pairOf(leading)} lag ${leading.lag}` : 'none'}; ${describeMiss(result, effect)}`,
          );
        }
        break;
      }
      case 'proxies-explained': {
        for (const effect of planted) {
          for (const proxy of PROXIES[effect.factor] ?? []) {
            const best = result.tests.find(
              (t) =>
                t.factor === proxy && t.outcome === effect.outcome && !t.flags.includes('other-lag') && t.p !== null,
            );
            if (!best) continue;
            // Only proxies that would stand out on their own count: those passing as a finding or explained.
            if (best.status !== 'finding' && best.status !== 'explained') continue;
            denominator++;
            if (
              best.status === 'explained' ||
              best.movesWith.includes(effect.factor) ||
              sameFactor(proxy, effect.factor)
            )
              successes++;
            else notes.push(`seed ${seed}: ${proxy}→${effect.outcome} is a separate finding (lag ${best.lag})`);
          }
          const found = result.findings.find(
            (f) => sameFactor(effect.factor, f.factor) && f.outcome === effect.outcome,
          );
          if (!found)
            notes.push(
              `seed ${seed}: planted ${effect.factor}→${effect.outcome} not a finding (${result.explained.find((f) => f.factor === effect.factor && f.outcome === effect.outcome) ? 'explained by another' : 'missed'})`,
            );
        }
        const extra = result.findings.filter(
          (f) =>
            !wanted(f) &&
            !Object.entries(PROXIES).some(
              ([factor, proxies]) =>
                proxies.includes(f.factor) &&
                planted.some((e) => e.factor === factor && sameOutcome(e.outcome, f.outcome)),
            ),
        );
        if (extra.length)
          notes.push(`seed ${seed}: unrelated findings ${extra.map((f) => `${pairOf(f)} lag ${f.lag}`).join('; ')}`);
        break;
      }
      default:
        break;
    }
  }
  return {
    family,
    journals,
    successes,
    denominator,
    notes,
    covered,
    intervals,
    untestable,
    seconds: (performance.now() - started) / 1000,
  };
}

function describeMiss(result: InsightsResult, effect: Planted): string {
  const best = result.tests.find(
    (t) => t.factor === effect.factor && t.outcome === effect.outcome && t.p !== null && !t.flags.includes('other-lag'),
  );
  if (!best) return 'not tested';
  return `best lag ${best.lag}, status ${best.status}, p ${best.p?.toPrecision(2)}, q ${best.q?.toPrecision(2)}`;
}

/** The share a family is judged on: journals without findings for null families, successes otherwise. */
export function share(result: FamilyResult): number {
  if (result.denominator === 0) return Number.NaN;
  return result.family.check === 'no-finding'
    ? 1 - result.successes / result.denominator
    : result.successes / result.denominator;
}

export function meetsTarget(result: FamilyResult): boolean {
  const value = share(result);
  if (Number.isNaN(value)) return true;
  return result.family.check === 'no-finding'
    ? value <= result.family.target + 1e-9
    : value >= result.family.target - 1e-9;
}
