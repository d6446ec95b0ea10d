import { MEAL_KINDS } from '../../../contract/journalTerms';
import type { Migration } from './migration';

const kinds = MEAL_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * Usual meals: a meal saved under a name ("My usual breakfast") to add to a day with one action.
 * Journal data like everything else here: in the encrypted database, in the JSON export.
 */
export const m0005UsualMeals: Migration = {
  version: 5,
  name: 'usual_meals',
  up(db) {
    db.exec(`
      CREATE TABLE usual_meals (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE usual_meal_foods (
        usual_meal_id INTEGER NOT NULL REFERENCES usual_meals (id) ON DELETE CASCADE,
        food_id INTEGER NOT NULL REFERENCES foods (id),
        position INTEGER NOT NULL,
        servings REAL NOT NULL CHECK (servings > 0 AND servings <= 20),
        PRIMARY KEY (usual_meal_id, food_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX usual_meal_foods_food ON usual_meal_foods (food_id);
    `);
  },
};
