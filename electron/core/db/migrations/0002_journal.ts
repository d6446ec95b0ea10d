import { BUILTIN_CONDITIONS, FOOD_CATEGORIES } from '../../../contract/journalTerms';
import type { Migration } from './migration';
import { timestamp } from '../../clock';

const categoryList = FOOD_CATEGORIES.map((c) => `'${c}'`).join(', ');

/**
 * The daily journal: one row per calendar day with gut and lifestyle values, and child tables
 * for skin scores per condition, meals and their foods, bowel movements, treatment doses,
 * custom factor values and photos. Missing values are NULL, never zero.
 */
export const m0002Journal: Migration = {
  version: 2,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE conditions (
        id INTEGER PRIMARY KEY,
        builtin_key TEXT UNIQUE,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
        tracked INTEGER NOT NULL DEFAULT 0 CHECK (tracked IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE foods (
        id INTEGER PRIMARY KEY,
        builtin_key TEXT UNIQUE,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
        plant INTEGER NOT NULL DEFAULT 0 CHECK (plant IN (0, 1)),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE food_categories (
        food_id INTEGER NOT NULL REFERENCES foods (id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN (${categoryList})),
        PRIMARY KEY (food_id, category)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE treatments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        kind TEXT NOT NULL CHECK (kind IN ('probiotic', 'supplement', 'topical', 'oral', 'other')),
        dose TEXT NOT NULL DEFAULT '' CHECK (length(dose) <= 200),
        started_on TEXT,
        stopped_on TEXT,
        created_at TEXT NOT NULL,
        CHECK (stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on)
      ) STRICT;

      CREATE TABLE custom_factors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
        kind TEXT NOT NULL CHECK (kind IN ('yesno', 'number', 'scale')),
        unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE days (
        date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        bloating INTEGER CHECK (bloating BETWEEN 0 AND 10),
        discomfort INTEGER CHECK (discomfort BETWEEN 0 AND 10),
        water_glasses INTEGER CHECK (water_glasses BETWEEN 0 AND 40),
        stress INTEGER CHECK (stress BETWEEN 0 AND 10),
        sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
        sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
        exercise_minutes INTEGER CHECK (exercise_minutes BETWEEN 0 AND 1440),
        relaxation_minutes INTEGER CHECK (relaxation_minutes BETWEEN 0 AND 1440),
        mood INTEGER CHECK (mood BETWEEN 0 AND 10),
        meditation_minutes INTEGER CHECK (meditation_minutes BETWEEN 0 AND 1440),
        cycle_day INTEGER CHECK (cycle_day BETWEEN 1 AND 60),
        notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
        notes_for_dermatologist INTEGER NOT NULL DEFAULT 0 CHECK (notes_for_dermatologist IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE skin_scores (
        date TEXT NOT NULL REFERENCES days (date) ON DELETE CASCADE,
        condition_id INTEGER NOT NULL REFERENCES conditions (id),
        severity INTEGER CHECK (severity BETWEEN 0 AND 10),
        itch INTEGER CHECK (itch BETWEEN 0 AND 10),
        sleep_lost INTEGER CHECK (sleep_lost BETWEEN 0 AND 10),
        new_lesions INTEGER CHECK (new_lesions BETWEEN 0 AND 500),
        flare INTEGER NOT NULL DEFAULT 0 CHECK (flare IN (0, 1)),
        areas TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(areas)),
        PRIMARY KEY (date, condition_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX skin_scores_condition ON skin_scores (condition_id, date);

      CREATE TABLE meals (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL REFERENCES days (date) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('breakfast', 'lunch', 'dinner', 'snack', 'drink')),
        time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]')
      ) STRICT;
      CREATE INDEX meals_date ON meals (date);

      CREATE TABLE meal_foods (
        meal_id INTEGER NOT NULL REFERENCES meals (id) ON DELETE CASCADE,
        food_id INTEGER NOT NULL REFERENCES foods (id),
        position INTEGER NOT NULL,
        servings REAL NOT NULL DEFAULT 1 CHECK (servings > 0 AND servings <= 20),
        PRIMARY KEY (meal_id, food_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX meal_foods_food ON meal_foods (food_id);

      CREATE TABLE bowel_movements (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL REFERENCES days (date) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
        bristol INTEGER NOT NULL CHECK (bristol BETWEEN 1 AND 7)
      ) STRICT;
      CREATE INDEX bowel_movements_date ON bowel_movements (date);

      CREATE TABLE treatment_doses (
        date TEXT NOT NULL REFERENCES days (date) ON DELETE CASCADE,
        treatment_id INTEGER NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
        taken INTEGER NOT NULL CHECK (taken IN (0, 1)),
        PRIMARY KEY (date, treatment_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE custom_values (
        date TEXT NOT NULL REFERENCES days (date) ON DELETE CASCADE,
        factor_id INTEGER NOT NULL REFERENCES custom_factors (id) ON DELETE CASCADE,
        value REAL NOT NULL,
        PRIMARY KEY (date, factor_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        body_area TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/webp')),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        image BLOB NOT NULL,
        thumbnail BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX photos_area_date ON photos (body_area, date);
      CREATE INDEX photos_date ON photos (date);

      CREATE VIRTUAL TABLE notes_search USING fts5 (
        notes, content = 'days', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER days_notes_insert AFTER INSERT ON days BEGIN
        INSERT INTO notes_search (rowid, notes) VALUES (new.rowid, new.notes);
      END;
      CREATE TRIGGER days_notes_delete AFTER DELETE ON days BEGIN
        INSERT INTO notes_search (notes_search, rowid, notes) VALUES ('delete', old.rowid, old.notes);
      END;
      CREATE TRIGGER days_notes_update AFTER UPDATE OF notes ON days BEGIN
        INSERT INTO notes_search (notes_search, rowid, notes) VALUES ('delete', old.rowid, old.notes);
        INSERT INTO notes_search (rowid, notes) VALUES (new.rowid, new.notes);
      END;
    `);
    const now = timestamp(db);
    const insertCondition = db.prepare(
      'INSERT INTO conditions (builtin_key, name, sort, created_at) VALUES (?, ?, ?, ?)',
    );
    BUILTIN_CONDITIONS.forEach((condition, index) => insertCondition.run(condition.key, condition.name, index, now));
  },
};
