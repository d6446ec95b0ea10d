import type { MeditationSession, MeditationSettings, MeditationStats, SessionType } from '../../contract/meditation';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { AppError } from '../errors';
import { addDays, weekStart } from '../journal/dates';
import { timestamp } from '../clock';

interface SessionRow {
  id: number;
  date: string;
  started_at: string;
  type: SessionType;
  planned_seconds: number | null;
  actual_seconds: number;
  stress_before: number | null;
  stress_after: number | null;
  note: string;
}

function toSession(row: SessionRow): MeditationSession {
  return {
    id: row.id,
    date: row.date,
    startedAt: row.started_at,
    type: row.type,
    plannedSeconds: row.planned_seconds,
    actualSeconds: row.actual_seconds,
    stressBefore: row.stress_before,
    stressAfter: row.stress_after,
    note: row.note,
  };
}

/** The whole minutes a day's timer sessions put into its Meditation field (at least 1 when any time was sat). */
function sessionMinutesOf(seconds: number): number {
  return seconds === 0 ? 0 : Math.max(1, Math.round(seconds / 60));
}

function sessionMinutesOn(db: Db, date: string): number {
  const { seconds } = db
    .prepare('SELECT coalesce(sum(actual_seconds), 0) AS seconds FROM meditation_sessions WHERE date = ?')
    .get(date) as {
    seconds: number;
  };
  return sessionMinutesOf(seconds);
}

/**
 * The journal's meditation minutes for a day follow its logged sessions: set whenever a session
 * is added, changed or removed (a day with no entry yet gets one). Minutes the person typed into
 * the day on top of the sessions' (meditation done without the timer) are kept: the day holds
 * those plus the sessions' minutes. `before` is the sessions' minutes before the change.
 */
function syncDayMinutes(db: Db, date: string, before: number): void {
  const after = sessionMinutesOn(db, date);
  const day = db.prepare('SELECT meditation_minutes AS minutes FROM days WHERE date = ?').get(date) as
    { minutes: number | null } | undefined;
  const typed = day?.minutes == null ? 0 : Math.max(0, day.minutes - before);
  const total = typed + after;
  const minutes = total === 0 ? null : total;
  if (day && day.minutes === minutes) return;
  const now = timestamp(db);
  if (day) db.prepare('UPDATE days SET meditation_minutes = ?, updated_at = ? WHERE date = ?').run(minutes, now, date);
  else if (minutes !== null)
    db.prepare('INSERT INTO days (date, meditation_minutes, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      date,
      minutes,
      now,
      now,
    );
}

export function insertSession(db: Db, session: Omit<MeditationSession, 'id'>): MeditationSession {
  return db.transaction(() => {
    const before = sessionMinutesOn(db, session.date);
    const id = db
      .prepare(
        `INSERT INTO meditation_sessions (date, started_at, type, planned_seconds, actual_seconds, stress_before, stress_after, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.date,
        session.startedAt,
        session.type,
        session.plannedSeconds,
        session.actualSeconds,
        session.stressBefore,
        session.stressAfter,
        session.note,
        timestamp(db),
      ).lastInsertRowid;
    syncDayMinutes(db, session.date, before);
    return getSession(db, Number(id));
  })();
}

export function getSession(db: Db, id: number): MeditationSession {
  const row = db.prepare('SELECT * FROM meditation_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) throw new AppError('INVALID_INPUT', 'That session no longer exists.');
  return toSession(row);
}

export function listSessions(db: Db, limit: number, before?: string): MeditationSession[] {
  const rows = (
    before
      ? db
          .prepare('SELECT * FROM meditation_sessions WHERE started_at < ? ORDER BY started_at DESC LIMIT ?')
          .all(before, limit)
      : db.prepare('SELECT * FROM meditation_sessions ORDER BY started_at DESC LIMIT ?').all(limit)
  ) as SessionRow[];
  return rows.map(toSession);
}

export function updateSession(
  db: Db,
  input: { id: number; actualSeconds: number; stressBefore: number | null; stressAfter: number | null; note: string },
): MeditationSession {
  return db.transaction(() => {
    const current = getSession(db, input.id);
    const before = sessionMinutesOn(db, current.date);
    db.prepare(
      'UPDATE meditation_sessions SET actual_seconds = ?, stress_before = ?, stress_after = ?, note = ? WHERE id = ?',
    ).run(input.actualSeconds, input.stressBefore, input.stressAfter, input.note, input.id);
    syncDayMinutes(db, current.date, before);
    return getSession(db, input.id);
  })();
}

export function deleteSession(db: Db, id: number): void {
  db.transaction(() => {
    const current = getSession(db, id);
    const before = sessionMinutesOn(db, current.date);
    db.prepare('DELETE FROM meditation_sessions WHERE id = ?').run(id);
    syncDayMinutes(db, current.date, before);
  })();
}

/**
 * Weekly timer minutes for the last 12 weeks; streaks of consecutive days with any meditation
 * (a timer session or minutes typed into the day); and the totals by where they come from: the
 * app's timer sessions, and minutes typed into days beyond what their sessions put there.
 */
export function meditationStats(db: Db, today: string): MeditationStats {
  const thisWeek = weekStart(today);
  const firstWeek = addDays(thisWeek, -7 * 11);
  const perWeek = new Map<string, number>();
  const sessionDays = db
    .prepare('SELECT date, sum(actual_seconds) AS seconds FROM meditation_sessions GROUP BY date ORDER BY date')
    .all() as { date: string; seconds: number }[];
  for (const row of sessionDays) {
    if (row.date < firstWeek) continue;
    const week = weekStart(row.date);
    perWeek.set(week, (perWeek.get(week) ?? 0) + row.seconds / 60);
  }
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const start = addDays(firstWeek, 7 * i);
    return { weekStart: start, minutes: Math.round(perWeek.get(start) ?? 0) };
  });

  // Minutes typed into days beyond their sessions' share.
  const sessionMinutes = new Map(sessionDays.map((row) => [row.date, sessionMinutesOf(row.seconds)]));
  const dayRows = db
    .prepare('SELECT date, meditation_minutes AS minutes FROM days WHERE meditation_minutes > 0')
    .all() as { date: string; minutes: number }[];
  let typedMinutes = 0;
  let typedDays = 0;
  let meditationMinutes = 0;
  for (const row of dayRows) {
    const typed = Math.max(0, row.minutes - (sessionMinutes.get(row.date) ?? 0));
    meditationMinutes += row.minutes;
    if (typed > 0) {
      typedMinutes += typed;
      typedDays++;
    }
  }

  const days = new Set([...sessionDays.map((row) => row.date), ...dayRows.map((row) => row.date)]);
  const ordered = [...days].sort();
  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const date of ordered) {
    run = previous !== null && addDays(previous, 1) === date ? run + 1 : 1;
    best = Math.max(best, run);
    previous = date;
  }
  // The current streak still counts if today has no meditation yet but yesterday did.
  let current = 0;
  let cursor = days.has(today) ? today : addDays(today, -1);
  while (days.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  const totals = db
    .prepare('SELECT count(*) AS n, coalesce(sum(actual_seconds), 0) AS seconds FROM meditation_sessions')
    .get() as {
    n: number;
    seconds: number;
  };
  return {
    weeks,
    currentStreakDays: current,
    bestStreakDays: best,
    totalMinutes: Math.round(totals.seconds / 60),
    sessionCount: totals.n,
    typedMinutes,
    typedDays,
    meditationDays: days.size,
    meditationMinutes,
  };
}

const SETTINGS_KEY = 'meditation';

export function readMeditationSettings(db: Db): MeditationSettings {
  return { hideStreaks: false, lastPlan: null, ...readSetting<Partial<MeditationSettings>>(db, SETTINGS_KEY) };
}

export function writeMeditationSettings(db: Db, patch: Partial<MeditationSettings>): MeditationSettings {
  const next = { ...readMeditationSettings(db), ...patch };
  writeSetting(db, SETTINGS_KEY, next);
  return next;
}
