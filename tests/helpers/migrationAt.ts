import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { applyConnectionSettings, openCipherDatabase, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from './tempVault';

/**
 * A real encrypted journal database in a temp folder, brought by the real migrations up to
 * `version` and no further: the starting point of a migration test (docs/testing.md), which seeds
 * it as a journal of that version would be, then runs the next migration.
 */
export function journalAtVersion(version: number): Db {
  const db = openCipherDatabase(join(tempDir(), 'journal.db'), randomBytes(32), { create: true });
  applyConnectionSettings(db);
  migrate(db, MIGRATIONS, version);
  return db;
}

/** Runs the migrations after the database's version up to `version`. */
export function migrateTo(db: Db, version: number): void {
  migrate(db, MIGRATIONS, version);
}
