import { afterEach, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate';
import { advanceJournalBinding, readJournalBinding } from '../../../electron/core/vault/binding';
import { journalAtVersion, migrateTo } from '../../helpers/migrationAt';
import { removeTempDirs } from '../../helpers/tempVault';

afterEach(removeTempDirs);

// 0009 adds journal_binding (empty): the vault writes the journal's id and generation on open.
it('0009 journal binding: a version-8 journal gains an empty binding table that holds one row at most', () => {
  const db = journalAtVersion(8);
  expect(readJournalBinding(db)).toBeNull();
  migrateTo(db, 9);
  expect(schemaVersion(db)).toBe(9);
  expect(readJournalBinding(db)).toBeNull();

  const first = advanceJournalBinding(db);
  expect(first).toEqual({ journalId: expect.stringMatching(/^[0-9a-f]{32}$/), generation: 1 });
  expect(advanceJournalBinding(db)).toEqual({ journalId: first.journalId, generation: 2 });
  const renamed = advanceJournalBinding(db, { newId: true });
  expect(renamed.generation).toBe(3);
  expect(renamed.journalId).not.toBe(first.journalId);
  expect(db.prepare('SELECT count(*) FROM journal_binding').pluck().get()).toBe(1);
  expect(() => db.prepare("INSERT INTO journal_binding VALUES (2, 'x', 1)").run()).toThrow(/CHECK/);
  db.close();
});
