import type { PoemEntry } from '../../contract/poem';
import { poemBand, poemTotal, type PoemQuestionKey } from '../../contract/poemTerms';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { timestamp } from '../clock';

/** The answer columns of poem_scores, in question order. */
const ANSWER_COLUMNS = [
  'itch',
  'sleep',
  'bleeding',
  'weeping',
  'cracked',
  'flaking',
  'dry',
] as const satisfies readonly PoemQuestionKey[];

type ScoreRow = Record<(typeof ANSWER_COLUMNS)[number], number> & {
  week_ending: string;
  total: number;
  created_at: string;
  updated_at: string;
};

function toEntry(row: ScoreRow): PoemEntry {
  return {
    date: row.week_ending,
    answers: ANSWER_COLUMNS.map((column) => row[column]),
    total: row.total,
    band: poemBand(row.total).key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every check, newest first. */
export function listScores(db: Db): PoemEntry[] {
  return (db.prepare('SELECT * FROM poem_scores ORDER BY week_ending DESC').all() as ScoreRow[]).map(toEntry);
}

export function readScore(db: Db, date: string): PoemEntry | null {
  const row = db.prepare('SELECT * FROM poem_scores WHERE week_ending = ?').get(date) as ScoreRow | undefined;
  return row ? toEntry(row) : null;
}

/** Saves the check filled in on `date`; one already saved that day is replaced (keeping when it was first made). */
export function saveScore(db: Db, input: { date: string; answers: readonly number[] }, today: string): PoemEntry {
  if (input.date > today) {
    throw new AppError(
      'INVALID_INPUT',
      'That date is in the future. You can fill in the eczema check for today or any day before it.',
    );
  }
  const now = timestamp(db);
  const values = [input.date, ...input.answers, poemTotal(input.answers), now, now];
  db.prepare(
    `INSERT INTO poem_scores (week_ending, ${ANSWER_COLUMNS.join(', ')}, total, created_at, updated_at)
     VALUES (${values.map(() => '?').join(', ')})
     ON CONFLICT (week_ending) DO UPDATE SET
       ${ANSWER_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')},
       total = excluded.total, updated_at = excluded.updated_at`,
  ).run(...values);
  return readScore(db, input.date)!;
}

export function deleteScore(db: Db, date: string): void {
  const removed = db.prepare('DELETE FROM poem_scores WHERE week_ending = ?').run(date);
  if (removed.changes === 0)
    throw new AppError('INVALID_INPUT', 'There is no eczema check saved for that date, so nothing was deleted.');
}

/** The newest check on or before `today` (one dated later can only come from a clock that went back). */
export function lastScoreDate(db: Db, today: string): string | null {
  const row = db.prepare('SELECT max(week_ending) AS date FROM poem_scores WHERE week_ending <= ?').get(today) as {
    date: string | null;
  };
  return row.date;
}
