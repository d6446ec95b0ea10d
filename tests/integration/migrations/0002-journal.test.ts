import { afterEach, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS } from '../../../electron/contract/journalTerms';
import { schemaVersion } from '../../../electron/core/db/migrate';
import { readSetting, writeSetting } from '../../../electron/core/db/settings';
import { journalAtVersion, migrateTo } from '../../helpers/migrationAt';
import { removeTempDirs } from '../../helpers/tempVault';

afterEach(removeTempDirs);

// 0002 changes data: it adds the built-in skin conditions, untracked, in their fixed order.
it('0002 journal: a version-1 journal keeps its settings and gains the built-in conditions, untracked', () => {
  const db = journalAtVersion(1);
  writeSetting(db, 'theme', { choice: 'dark' });
  writeSetting(db, 'insights.maxLag', 3);

  migrateTo(db, 2);

  expect(schemaVersion(db)).toBe(2);
  expect(readSetting(db, 'theme')).toEqual({ choice: 'dark' });
  expect(readSetting(db, 'insights.maxLag')).toBe(3);
  const conditions = db
    .prepare('SELECT builtin_key, name, tracked, sort, created_at FROM conditions ORDER BY sort')
    .all() as {
    builtin_key: string;
    name: string;
    tracked: number;
    sort: number;
    created_at: string;
  }[];
  expect(conditions.map(({ builtin_key, name, tracked, sort }) => ({ builtin_key, name, tracked, sort }))).toEqual(
    BUILTIN_CONDITIONS.map((condition, index) => ({
      builtin_key: condition.key,
      name: condition.name,
      tracked: 0,
      sort: index,
    })),
  );
  for (const { created_at } of conditions) expect(new Date(created_at).toISOString()).toBe(created_at);
  // The journal tables start empty: no day, meal or photo is invented.
  for (const table of ['days', 'meals', 'photos', 'treatments', 'custom_factors']) {
    expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  }
  db.close();
});
