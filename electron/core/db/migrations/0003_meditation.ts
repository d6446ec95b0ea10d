import type { Migration } from './migration';

/** Logged meditation sessions; the day's meditation minutes are derived from them. */
export const m0003Meditation: Migration = {
  version: 3,
  name: 'meditation',
  up(db) {
    db.exec(`
      CREATE TABLE meditation_sessions (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        started_at TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('silent', 'box', '478', 'paced')),
        planned_seconds INTEGER CHECK (planned_seconds IS NULL OR planned_seconds > 0),
        actual_seconds INTEGER NOT NULL CHECK (actual_seconds BETWEEN 1 AND 43200),
        stress_before INTEGER CHECK (stress_before BETWEEN 0 AND 10),
        stress_after INTEGER CHECK (stress_after BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meditation_sessions_date ON meditation_sessions (date);
    `);
  },
};
