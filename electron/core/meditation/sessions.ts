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

/**
 * The journal's meditation minutes for a day follow its logged sessions: set whenever a
 * session is added, changed or removed (a day with no entry yet gets one).
 */
function syncDayMinutes(db: Db, date: string): void {
  const { seconds } = db.prepare('SELECT coalesce(sum(actual_seconds), 0) AS seconds FROM meditation_sessions WHERE date = ?').get(date) as {
    seconds: number;
  };
  const minutes = seconds === 0 ? null : Math.max(1, Math.round(seconds / 60));
  const now = timestamp(db);
  const updated = db.prepare('UPDATE days SET meditation_minutes = ?, updated_at = ? WHERE date = ?').run(minutes, now, date);
  if (updated.changes === 0 && minutes !== null) {
    db.prepare('INSERT INTO days (date, meditation_minutes, created_at, updated_at) VALUES (?, ?, ?, ?)').run(date, minutes, now, now);
  }
}

export function insertSession(db: Db, session: Omit<MeditationSession, 'id'>): MeditationSession {
  return db.transaction(() => {
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
    syncDayMinutes(db, session.date);
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
      ? db.prepare('SELECT * FROM meditation_sessions WHERE started_at < ? ORDER BY started_at DESC LIMIT ?').all(before, limit)
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
    db.prepare('UPDATE meditation_sessions SET actual_seconds = ?, stress_before = ?, stress_after = ?, note = ? WHERE id = ?').run(
      input.actualSeconds,
      input.stressBefore,
      input.stressAfter,
      input.note,
      input.id,
    );
    syncDayMinutes(db, current.date);
    return getSession(db, input.id);
  })();
}

export function deleteSession(db: Db, id: number): void {
  db.transaction(() => {
    const current = getSession(db, id);
    db.prepare('DELETE FROM meditation_sessions WHERE id = ?').run(id);
    syncDayMinutes(db, current.date);
  })();
}

/** Weekly minutes for the last 12 weeks, and streaks of consecutive days with a session. */
export function meditationStats(db: Db, today: string): MeditationStats {
  const thisWeek = weekStart(today);
  const firstWeek = addDays(thisWeek, -7 * 11);
  const perWeek = new Map<string, number>();
  const dayRows = db
    .prepare('SELECT date, sum(actual_seconds) AS seconds FROM meditation_sessions GROUP BY date ORDER BY date')
    .all() as { date: string; seconds: number }[];
  for (const row of dayRows) {
    if (row.date < firstWeek) continue;
    const week = weekStart(row.date);
    perWeek.set(week, (perWeek.get(week) ?? 0) + row.seconds / 60);
  }
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const start = addDays(firstWeek, 7 * i);
    return { weekStart: start, minutes: Math.round(perWeek.get(start) ?? 0) };
  });

  let best = 0;
  let run = 0;
  let previous: string | null = null;
  for (const { date } of dayRows) {
    run = previous !== null && addDays(previous, 1) === date ? run + 1 : 1;
    best = Math.max(best, run);
    previous = date;
  }
  // The current streak still counts if today has no session yet but yesterday did.
  const days = new Set(dayRows.map((r) => r.date));
  let current = 0;
  let cursor = days.has(today) ? today : addDays(today, -1);
  while (days.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  const totals = db.prepare('SELECT count(*) AS n, coalesce(sum(actual_seconds), 0) AS seconds FROM meditation_sessions').get() as {
    n: number;
    seconds: number;
  };
  return { weeks, currentStreakDays: current, bestStreakDays: best, totalMinutes: Math.round(totals.seconds / 60), sessionCount: totals.n };
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
