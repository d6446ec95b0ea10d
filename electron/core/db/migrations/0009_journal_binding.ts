import type { Migration } from './migration';

/**
 * Which journal this is and how far along: a random id and a generation that goes up each time
 * the journal is opened and closed, mirrored in vault.json under a MAC of the data key, so a
 * journal.db from another vault or an older copy is recognised (core/vault/binding.ts). One row
 * at most; the vault writes it the first time it opens the journal.
 */
export const m0009JournalBinding: Migration = {
  version: 9,
  name: 'journal binding',
  up(db) {
    db.exec(`
      CREATE TABLE journal_binding (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        journal_id TEXT NOT NULL CHECK (length(journal_id) = 32),
        generation INTEGER NOT NULL CHECK (generation >= 1)
      ) STRICT;
    `);
  },
};
