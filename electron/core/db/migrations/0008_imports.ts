import type { Migration } from './migration';

/**
 * Import from another app: each import (its app, the file's name and SHA-256, when), every value it
 * put in the journal with the value it replaced (so the import can be undone as a whole, leaving
 * later edits alone), what it created (foods, treatments, factors), and the mapping last used per
 * app so the next import of the same app starts from it.
 */
export const m0008Imports: Migration = {
  version: 8,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        format TEXT NOT NULL CHECK (length(format) BETWEEN 1 AND 40),
        file_name TEXT NOT NULL CHECK (length(file_name) <= 260),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        imported_at TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        undone_at TEXT
      ) STRICT;
      CREATE INDEX imports_file ON imports (file_sha256);

      CREATE TABLE import_values (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        target TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        previous TEXT NOT NULL CHECK (json_valid(previous)),
        PRIMARY KEY (import_id, date, target)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_values_date ON import_values (date);

      CREATE TABLE import_created (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('food', 'treatment', 'factor', 'condition_tracked')),
        ref_id INTEGER NOT NULL,
        PRIMARY KEY (import_id, kind, ref_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_mappings (
        format TEXT PRIMARY KEY,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
