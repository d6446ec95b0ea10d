import { describe, expect, it } from 'vitest';
import {
  POEM_ANSWERS,
  POEM_ATTRIBUTION,
  POEM_BANDS,
  POEM_MAX_TOTAL,
  POEM_QUESTIONS,
  daysBetween,
  isPoemAnswer,
  isPoemDue,
  poemBand,
  poemTotal,
} from '../../electron/contract/poemTerms';

describe('POEM terms', () => {
  it('has the seven published questions, first person, about the last week', () => {
    expect(POEM_QUESTIONS).toHaveLength(7);
    expect(POEM_QUESTIONS.map((q) => q.key)).toEqual([
      'itch',
      'sleep',
      'bleeding',
      'weeping',
      'cracked',
      'flaking',
      'dry',
    ]);
    for (const question of POEM_QUESTIONS) {
      expect(question.text).toMatch(
        /^Over the last week, on how many (days|nights) has your (skin|sleep) .+ because of your eczema\?$/,
      );
    }
    expect(POEM_QUESTIONS[0].text).toBe(
      'Over the last week, on how many days has your skin been itchy because of your eczema?',
    );
    expect(POEM_QUESTIONS[1].text).toBe(
      'Over the last week, on how many nights has your sleep been disturbed because of your eczema?',
    );
  });

  it('scores the five answers 0–4 by number of days', () => {
    expect(POEM_ANSWERS.map((a) => [a.score, a.label])).toEqual([
      [0, 'No days'],
      [1, '1–2 days'],
      [2, '3–4 days'],
      [3, '5–6 days'],
      [4, 'Every day'],
    ]);
    expect([0, 4].every(isPoemAnswer)).toBe(true);
    expect([-1, 5, 1.5, '2', null, undefined, Number.NaN].some(isPoemAnswer)).toBe(false);
  });

  it('adds the seven answers to a total of 0–28', () => {
    expect(poemTotal([0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(poemTotal([4, 3, 0, 1, 2, 2, 4])).toBe(16);
    expect(poemTotal([4, 4, 4, 4, 4, 4, 4])).toBe(POEM_MAX_TOTAL);
    expect(POEM_MAX_TOTAL).toBe(28);
  });

  it('puts each total in its band, at every boundary', () => {
    const cases: [number, string][] = [
      [0, 'clear'],
      [2, 'clear'],
      [3, 'mild'],
      [7, 'mild'],
      [8, 'moderate'],
      [16, 'moderate'],
      [17, 'severe'],
      [24, 'severe'],
      [25, 'very_severe'],
      [28, 'very_severe'],
    ];
    for (const [total, band] of cases) expect(poemBand(total).key, `total ${total}`).toBe(band);
    expect(poemBand(2).label).toBe('Clear or almost clear');
    expect(poemBand(25).label).toBe('Very severe eczema');
  });

  it('bands cover 0–28 without gaps or overlaps', () => {
    expect(POEM_BANDS[0]!.min).toBe(0);
    expect(POEM_BANDS.at(-1)!.max).toBe(28);
    POEM_BANDS.slice(1).forEach((band, i) => expect(band.min).toBe(POEM_BANDS[i]!.max + 1));
  });

  it('names the University of Nottingham and the personal, non-commercial use', () => {
    expect(POEM_ATTRIBUTION).toContain('© The University of Nottingham');
    expect(POEM_ATTRIBUTION).toMatch(/personal, non-commercial use/);
  });

  it('counts calendar days and says when the weekly check is due', () => {
    expect(daysBetween('2026-06-15', '2026-06-22')).toBe(7);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a clock change in Europe
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(isPoemDue(true, null)).toBe(true);
    expect(isPoemDue(true, 6)).toBe(false);
    expect(isPoemDue(true, 7)).toBe(true);
    expect(isPoemDue(false, null)).toBe(false);
    expect(isPoemDue(false, 30)).toBe(false);
  });
});
