import { FINDING_Q, type InsightStatus, type InsightTest } from '$contract/insightsTerms';

/**
 * Words and numbers of the insights view. Pure: no state, no DOM. Decimals always use a point,
 * like the engine's sentences they sit next to.
 */

import { inSentence } from '$contract/insightsTerms';

export { inSentence };

/** "Same day", "1 day later", "2 days later": short, for chips and table cells. */
export function lagShort(lag: number): string {
  if (lag === 0) return 'Same day';
  return `${lag} ${lag === 1 ? 'day' : 'days'} later`;
}

/** "on the same day", "the next day", "2 days later": inside a sentence. */
export function lagPhrase(lag: number): string {
  if (lag === 0) return 'on the same day';
  if (lag === 1) return 'the next day';
  return `${lag} days later`;
}

/** The setting's choices: "the same day only", "1 day later", "7 days later". */
export function maxLagOption(lag: number): string {
  if (lag === 0) return 'the same day only';
  return `${lag} ${lag === 1 ? 'day' : 'days'} later`;
}

/** A whole number with thousands separators: "1,440". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

/** "1 day", "18 days". */
export function countOf(value: number, word: string, plural = `${word}s`): string {
  return `${formatCount(value)} ${value === 1 ? word : plural}`;
}

const MINUS = '\u2212';

/** A decimal with a real minus sign: "−0.9", "2.1". */
export function formatDecimal(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** A signed decimal: "+2.1", "−0.9", "0.0". */
export function formatSigned(value: number, digits = 1): string {
  const text = formatDecimal(value, digits);
  return value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? `+${text}` : text;
}

/** The unit of a difference in an outcome. */
export function outcomeUnit(outcomeKey: string): string {
  return outcomeKey === 'gut.stool' ? 'on the Bristol scale' : 'points';
}

/** "+2.1 points", "−0.4 on the Bristol scale", "—" when there is no difference to show. */
export function formatEffect(effect: number | null, outcomeKey: string): string {
  if (effect === null) return '—';
  return `${formatSigned(effect)} ${outcomeUnit(outcomeKey)}`;
}

/** Spearman's rho with its sign and two decimals: "+0.60", "−0.35". */
export function formatRho(rho: number | null): string {
  return rho === null ? '—' : formatSigned(rho, 2);
}

/** p or q: "< 0.001", "0.012" (three decimals below 0.05), "0.43". */
export function formatProbability(value: number | null): string {
  if (value === null) return '—';
  if (value < 0.001) return '< 0.001';
  if (value < FINDING_Q) return value.toFixed(3);
  return value.toFixed(2);
}

/** How strong a rank correlation is, in the usual rough bands. */
export function strengthWord(rho: number | null): string {
  if (rho === null) return '';
  const size = Math.abs(rho);
  if (size < 0.1) return 'very weak';
  if (size < 0.3) return 'weak';
  if (size < 0.5) return 'moderate';
  return 'strong';
}

export const STATUS_LABELS: Record<InsightStatus, string> = {
  finding: 'Pattern found',
  explained: 'Explained by another factor',
  'no-finding': 'No clear pattern',
  'not-enough-data': 'Not enough data yet',
  'no-variation': 'Cannot compare',
};

/**
 * What the result column says: the status; for a waiting test what it needs; for an explained one
 * what explains it (named by `names`, from the run's own factor names); a shared slow trend as such.
 */
export function statusText(test: InsightTest, names: (key: string) => string | null = () => null): string {
  if (test.status === 'not-enough-data') return test.needed ? `Needs ${test.needed.text}` : STATUS_LABELS[test.status];
  if (test.status === 'no-variation') return 'Cannot compare: always the same';
  if (test.status === 'explained') {
    const by = test.explainedBy ? names(test.explainedBy) : null;
    return by ? `Explained by ${by}` : STATUS_LABELS.explained;
  }
  if (test.status === 'no-finding' && test.flags?.includes('shared-trend')) return 'Slow change together';
  return STATUS_LABELS[test.status];
}

/** A test's 95% interval for its difference: "+1.2 to +2.6 points", "—" when there is none. */
export function formatInterval(test: Pick<InsightTest, 'ciLow' | 'ciHigh' | 'outcome'>): string {
  const { ciLow, ciHigh } = test;
  if (typeof ciLow !== 'number' || typeof ciHigh !== 'number' || !Number.isFinite(ciLow) || !Number.isFinite(ciHigh))
    return '—';
  return `${formatSigned(ciLow)} to ${formatSigned(ciHigh)} ${outcomeUnit(test.outcome)}`;
}

/** The two groups a test compared, as row labels: "With dairy" / "Without dairy", "Stress above 5" / "Stress 5 or less". */
export function groupLabels(test: InsightTest): { high: string; low: string } {
  const name = test.factorLabel;
  if (test.factorKind === 'yesno') {
    if (test.factor.startsWith('treatment.')) return { high: `Taking ${name}`, low: `Not taking ${name}` };
    const inner = inSentence(name, test.factor);
    return { high: `With ${inner}`, low: `Without ${inner}` };
  }
  const split = test.groups?.split;
  if (split === null || split === undefined)
    return { high: `Higher ${inSentence(name, test.factor)}`, low: `Lower ${inSentence(name, test.factor)}` };
  const value = formatDecimalTrim(split);
  if (test.groups!.highIncludesSplit) return { high: `${name} ${value} or more`, low: `${name} below ${value}` };
  if (split === 0) return { high: `${name} above 0`, low: `${name}: none` };
  return { high: `${name} above ${value}`, low: `${name} ${value} or less` };
}

/** "5", "2.5": whole numbers without decimals, others with one. */
export function formatDecimalTrim(value: number): string {
  return Number.isInteger(value) ? formatDecimal(value, 0) : formatDecimal(value, 1);
}

/** "Dairy and acne severity, 2 days later": an accessible name for a test's chart button or row. */
export function pairName(test: Pick<InsightTest, 'factor' | 'factorLabel' | 'outcome' | 'outcomeLabel'>): string {
  return `${test.factorLabel} and ${inSentence(test.outcomeLabel, test.outcome)}`;
}

/** Percent done of a run, or null while the total is not known yet. */
export function progressPercent(progress: { done: number; total: number }): number | null {
  if (progress.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((progress.done * 100) / progress.total)));
}
