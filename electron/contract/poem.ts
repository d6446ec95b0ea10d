import { z } from 'zod';
import { isoDate } from './journal';
import { isPoemAnswer, POEM_MAX_ANSWER, POEM_QUESTION_COUNT, POEM_QUESTIONS, type PoemBandKey } from './poemTerms';
export * from './poemTerms';

/** "Question 3 (bleeding) needs …": names the question a bad answer belongs to. */
function answerMessage(index: number): string {
  const question = POEM_QUESTIONS[index]!;
  return `Question ${index + 1} (${question.short.toLowerCase()}) needs one of the five answers, from 0 (no days) to ${POEM_MAX_ANSWER} (every day).`;
}

// Each answer is checked on the whole list, where its position (and so its question) is known.
const answers = z
  .array(z.custom<number>(), { error: 'Please give the answers to the seven questions.' })
  .length(POEM_QUESTION_COUNT, 'Please answer all seven questions.')
  .superRefine((values, context) => {
    const bad = values.findIndex((value) => !isPoemAnswer(value));
    if (bad >= 0) context.addIssue({ code: 'custom', message: answerMessage(bad), path: [bad] });
  });

/** One filled-in questionnaire, as stored and shown. */
export interface PoemEntry {
  /** The day it was filled in (YYYY-MM-DD); it covers the week up to that day. */
  date: string;
  /** The seven answers (0–4) in question order. */
  answers: number[];
  /** 0–28. */
  total: number;
  band: PoemBandKey;
  createdAt: string;
  updatedAt: string;
}

export interface PoemStatus {
  /** Eczema (or a condition of your own with "eczema" in its name) is tracked. */
  eczemaTracked: boolean;
  /** The newest check on or before today, or null when there is none. */
  lastDate: string | null;
  daysSinceLast: number | null;
  /** Eczema is tracked and there is no check yet, or the last one is 7 or more days old. */
  due: boolean;
  /** The weekly prompt was put aside today. */
  promptDismissedToday: boolean;
}

export const poemSchemas = {
  save: z.object({ date: isoDate, answers }).strict(),
  date: z.object({ date: isoDate }).strict(),
};
