import { describe, expect, it } from 'vitest';
import type { InsightTest } from '../../electron/contract/insightsTerms';
import { aTest } from '../helpers/insightTest';
import {
  formatDecimal,
  formatEffect,
  formatProbability,
  formatRho,
  formatSigned,
  groupLabels,
  inSentence,
  lagChip,
  maxLagOption,
  pairName,
  progressPercent,
  statusText,
  strengthWord,
} from '../../renderer/src/views/Insights/format';
import { formatCount, lagInSentence, plural } from '../../renderer/src/lib/format';

describe('insights view: delays in words', () => {
  it('names the delay for chips, sentences and the setting', () => {
    expect([0, 1, 2, 14].map(lagChip)).toEqual(['Same day', '1 day later', '2 days later', '14 days later']);
    expect([0, 1, 3].map(lagInSentence)).toEqual(['on the same day', 'the next day', '3 days later']);
    expect([0, 1, 7].map(maxLagOption)).toEqual(['the same day only', '1 day later', '7 days later']);
  });
});

describe('insights view: numbers', () => {
  it('uses a real minus sign and never shows a negative zero', () => {
    expect(formatDecimal(-0.94)).toBe('−0.9');
    expect(formatDecimal(-0.04)).toBe('0.0');
    expect(formatSigned(2.06)).toBe('+2.1');
    expect(formatSigned(-0.35, 2)).toBe('−0.35');
    expect(formatSigned(0.001)).toBe('0.0');
  });

  it('gives effects their unit, and rho two signed decimals', () => {
    expect(formatEffect(2.1, 'skin.severity.1')).toBe('+2.1 points');
    expect(formatEffect(-0.4, 'gut.stool')).toBe('−0.4 on the Bristol scale');
    expect(formatEffect(null, 'gut.bloating')).toBe('—');
    expect(formatRho(0.6)).toBe('+0.60');
    expect(formatRho(null)).toBe('—');
  });

  it('shows p and q like the engine: < 0.001, three decimals below 0.05, two above', () => {
    expect(formatProbability(0.0004)).toBe('< 0.001');
    expect(formatProbability(0.0123)).toBe('0.012');
    expect(formatProbability(0.4321)).toBe('0.43');
    expect(formatProbability(null)).toBe('—');
  });

  it('counts with separators and the right plural', () => {
    expect(formatCount(1440)).toBe('1,440');
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(18, 'more day')).toBe('18 more days');
    expect(plural(2, 'delay')).toBe('2 delays');
  });

  it('puts rough words on the strength of a correlation', () => {
    expect([0.05, -0.2, 0.35, -0.6].map(strengthWord)).toEqual(['very weak', 'weak', 'moderate', 'strong']);
    expect(strengthWord(null)).toBe('');
  });

  it('turns progress into a whole percent, or null while the total is unknown', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBeNull();
    expect(progressPercent({ done: 1280, total: 1720 })).toBe(74);
    expect(progressPercent({ done: 1720, total: 1720 })).toBe(100);
    expect(progressPercent({ done: 9, total: 5 })).toBe(100);
  });
});

describe('insights view: names', () => {
  it('lower-cases built-in names inside a sentence but keeps what a person typed', () => {
    expect(inSentence('Acne severity', 'skin.severity.1')).toBe('acne severity');
    expect(inSentence('SAPHO severity', 'skin.severity.9')).toBe('SAPHO severity');
    expect(inSentence('Zinc', 'treatment.2')).toBe('Zinc');
    expect(inSentence('Late Night', 'custom.1')).toBe('Late Night');
  });

  it('names a pair for buttons and rows', () => {
    expect(pairName(aTest())).toBe('Dairy and acne severity');
  });

  it('labels the compared groups of days', () => {
    expect(groupLabels(aTest())).toEqual({ high: 'With dairy', low: 'Without dairy' });
    expect(groupLabels(aTest({ factor: 'treatment.2', factorLabel: 'Zinc' }))).toEqual({
      high: 'Taking Zinc',
      low: 'Not taking Zinc',
    });
    const number = (split: number, highIncludesSplit: boolean): InsightTest =>
      aTest({
        factor: 'life.stress',
        factorLabel: 'Stress',
        factorKind: 'number',
        groups: {
          highLabel: 'higher',
          lowLabel: 'lower',
          high: { days: 61, mean: 4 },
          low: { days: 106, mean: 3 },
          split,
          highIncludesSplit,
        },
      });
    expect(groupLabels(number(5, false))).toEqual({ high: 'Stress above 5', low: 'Stress 5 or less' });
    expect(groupLabels(number(10, true))).toEqual({ high: 'Stress 10 or more', low: 'Stress below 10' });
    expect(groupLabels(number(0, false))).toEqual({ high: 'Stress above 0', low: 'Stress: none' });
    expect(groupLabels(number(2.5, false)).high).toBe('Stress above 2.5');
  });

  it('says what a waiting test still needs', () => {
    expect(statusText(aTest())).toBe('Pattern found');
    expect(statusText(aTest({ status: 'no-finding' }))).toBe('No clear pattern');
    expect(statusText(aTest({ status: 'not-enough-data', needed: { days: 2, text: '2 more days without it' } }))).toBe(
      'Needs 2 more days without it',
    );
    expect(statusText(aTest({ status: 'no-variation' }))).toBe('Cannot compare: always the same');
  });
});
