import { AppError } from '../errors';
import type { Db } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a journal written by a newer app: it is left exactly as it is. */
export function assertNotFromTheFuture(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This journal was saved by a newer version of Axis Journal (format ${current}; this app knows up to ${latest}). Please update the app. Nothing was changed.`,
    );
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}

/**
 * Applies each pending migration in its own transaction, setting `user_version` in the same
 * transaction, so a failure leaves the database at the last complete version.
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
  target = latestVersion(migrations),
): number {
  assertOrdered(migrations);
  assertNotFromTheFuture(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
