/**
 * The Patient-Oriented Eczema Measure (POEM), free of zod so the renderer can import it cheaply:
 * the seven questions in the published patient wording, the answers, scoring and severity bands.
 */

export const POEM_ATTRIBUTION =
  'The Patient-Oriented Eczema Measure (POEM) is © The University of Nottingham. It may be used for personal, non-commercial use.';

export const POEM_QUESTIONS = [
  {
    key: 'itch',
    short: 'Itchy skin',
    text: 'Over the last week, on how many days has your skin been itchy because of your eczema?',
  },
  {
    key: 'sleep',
    short: 'Disturbed sleep',
    text: 'Over the last week, on how many nights has your sleep been disturbed because of your eczema?',
  },
  {
    key: 'bleeding',
    short: 'Bleeding',
    text: 'Over the last week, on how many days has your skin been bleeding because of your eczema?',
  },
  {
    key: 'weeping',
    short: 'Weeping or oozing',
    text: 'Over the last week, on how many days has your skin been weeping or oozing clear fluid because of your eczema?',
  },
  {
    key: 'cracked',
    short: 'Cracked',
    text: 'Over the last week, on how many days has your skin been cracked because of your eczema?',
  },
  {
    key: 'flaking',
    short: 'Flaking',
    text: 'Over the last week, on how many days has your skin been flaking off because of your eczema?',
  },
  {
    key: 'dry',
    short: 'Dry or rough',
    text: 'Over the last week, on how many days has your skin felt dry or rough because of your eczema?',
  },
] as const;
export type PoemQuestionKey = (typeof POEM_QUESTIONS)[number]['key'];
export const POEM_QUESTION_COUNT = POEM_QUESTIONS.length;

/** Each answer scores 0–4 by the number of days. */
export const POEM_ANSWERS = [
  { score: 0, label: 'No days' },
  { score: 1, label: '1–2 days' },
  { score: 2, label: '3–4 days' },
  { score: 3, label: '5–6 days' },
  { score: 4, label: 'Every day' },
] as const;
export const POEM_MAX_ANSWER = 4;
export const POEM_MAX_TOTAL = POEM_MAX_ANSWER * POEM_QUESTION_COUNT;

export const POEM_BAND_KEYS = ['clear', 'mild', 'moderate', 'severe', 'very_severe'] as const;
export type PoemBandKey = (typeof POEM_BAND_KEYS)[number];

export interface PoemBand {
  key: PoemBandKey;
  /** Lowest and highest total in the band, both included. */
  min: number;
  max: number;
  label: string;
  /** For chart labels. */
  short: string;
}

/** The severity bands the POEM's authors suggest for the total. */
export const POEM_BANDS: readonly PoemBand[] = [
  { key: 'clear', min: 0, max: 2, label: 'Clear or almost clear', short: 'Clear' },
  { key: 'mild', min: 3, max: 7, label: 'Mild eczema', short: 'Mild' },
  { key: 'moderate', min: 8, max: 16, label: 'Moderate eczema', short: 'Moderate' },
  { key: 'severe', min: 17, max: 24, label: 'Severe eczema', short: 'Severe' },
  { key: 'very_severe', min: 25, max: 28, label: 'Very severe eczema', short: 'Very severe' },
];

/** A weekly check is due this many days after the last one. */
export const POEM_DUE_AFTER_DAYS = 7;

export function isPoemAnswer(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= POEM_MAX_ANSWER;
}

/** The sum of the seven answers (0–28). */
export function poemTotal(answers: readonly number[]): number {
  return answers.reduce((sum, answer) => sum + answer, 0);
}

/** The band a total falls in; totals outside 0–28 are clamped to the nearest band. */
export function poemBand(total: number): PoemBand {
  return POEM_BANDS.find((band) => total <= band.max) ?? POEM_BANDS.at(-1)!;
}

export function poemBandByKey(key: PoemBandKey): PoemBand {
  return POEM_BANDS.find((band) => band.key === key)!;
}

/** Whole days from one YYYY-MM-DD date to a later one (calendar days, whatever the time zone). */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string): number => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Due when eczema is tracked and there is no check yet, or the last one is a week old or more. */
export function isPoemDue(eczemaTracked: boolean, daysSinceLast: number | null): boolean {
  return eczemaTracked && (daysSinceLast === null || daysSinceLast >= POEM_DUE_AFTER_DAYS);
}
