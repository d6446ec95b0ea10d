import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations';

const root = join(import.meta.dirname, '../../..');
const migrationsDir = join(root, 'electron/core/db/migrations');

/** Statements that change rows a journal already has (or adds rows to it), rather than only making new tables. */
const CHANGES_DATA = /\b(INSERT|UPDATE|DELETE|REPLACE|ALTER\s+TABLE|DROP)\b|\.run\(/i;

// The rule of docs/testing.md: a migration that changes data has its own test here, seeded at the
// previous schema version (see 0002-journal.test.ts and tests/helpers/migrationAt.ts).
it('every data-changing migration has its own test in tests/integration/migrations/', () => {
  const tests = readdirSync(import.meta.dirname);
  const sources = readdirSync(migrationsDir).filter((name) => /^\d{4}_.+\.ts$/.test(name));
  expect(sources).toHaveLength(MIGRATIONS.length);
  const missing = sources
    .filter((name) => {
      // Only the statements the migration runs (its template literals and calls), not its comments.
      const code = readFileSync(join(migrationsDir, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Triggers and foreign-key actions name INSERT/UPDATE/DELETE without running them now.
      return CHANGES_DATA.test(
        code.replace(/CREATE TRIGGER[\s\S]*?END;/gi, '').replace(/\bON\s+(DELETE|UPDATE)\b/gi, ''),
      );
    })
    .filter((name) => !tests.some((test) => test.startsWith(`${name.slice(0, 4)}-`)));
  expect(missing, 'data-changing migrations without a test').toEqual([]);
});
