import type { Migration } from './migration';

const date = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

/**
 * Self-experiments (randomised N-of-1 trials). The plan is frozen once made: a trigger refuses
 * any change to it, and everything that happens later (a pause, ending early, looking at the
 * result while it runs) is a deviation row with a reason, never an edit. One-tap "I did / didn't
 * follow today's plan" answers live in experiment_checkins.
 */
export const m0007Experiments: Migration = {
  version: 7,
  name: 'experiments',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        plan TEXT NOT NULL CHECK (json_valid(plan)),
        factor_key TEXT NOT NULL,
        outcome_key TEXT NOT NULL,
        design TEXT NOT NULL CHECK (design IN ('pairs', 'elimination', 'before-after')),
        ${date('start_date')} NOT NULL,
        ${date('end_date')} NOT NULL,
        backdated INTEGER NOT NULL CHECK (backdated IN (0, 1)),
        created_at TEXT NOT NULL,
        ${date('ended_on')},
        end_reason TEXT,
        CHECK (end_date >= start_date),
        CHECK ((ended_on IS NULL) = (end_reason IS NULL))
      ) STRICT;
      CREATE INDEX experiments_dates ON experiments (start_date, end_date);
      CREATE TRIGGER experiments_plan_frozen BEFORE UPDATE OF plan, factor_key, outcome_key, design, start_date, end_date, backdated ON experiments
      BEGIN
        SELECT RAISE(ABORT, 'An experiment''s plan is frozen once made.');
      END;
      CREATE TABLE experiment_deviations (
        id INTEGER PRIMARY KEY,
        experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('pause', 'stop', 'peek')),
        ${date('from_date')} NOT NULL,
        ${date('to_date')} NOT NULL,
        reason TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        CHECK (to_date >= from_date)
      ) STRICT;
      CREATE INDEX experiment_deviations_experiment ON experiment_deviations (experiment_id);
      CREATE TABLE experiment_checkins (
        experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        ${date('date')} NOT NULL,
        followed INTEGER NOT NULL CHECK (followed IN (0, 1)),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (experiment_id, date)
      ) STRICT;
    `);
  },
};
