import type { Migration } from './migration';

const answer = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} BETWEEN 0 AND 4)`;

/**
 * The weekly Patient-Oriented Eczema Measure: one row per day it was filled in (saving the same
 * day again replaces it), the seven answers in question order, and their total, which a CHECK
 * keeps equal to their sum. A plain column rather than a generated one, so export and import can
 * treat this table like any other.
 */
export const m0004Poem: Migration = {
  version: 4,
  name: 'poem',
  up(db) {
    db.exec(`
      CREATE TABLE poem_scores (
        id INTEGER PRIMARY KEY,
        week_ending TEXT NOT NULL UNIQUE CHECK (week_ending GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        ${answer('itch')},
        ${answer('sleep')},
        ${answer('bleeding')},
        ${answer('weeping')},
        ${answer('cracked')},
        ${answer('flaking')},
        ${answer('dry')},
        total INTEGER NOT NULL CHECK (total = itch + sleep + bleeding + weeping + cracked + flaking + dry),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
