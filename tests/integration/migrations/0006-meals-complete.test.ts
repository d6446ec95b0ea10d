import { afterEach, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate';
import { journalAtVersion, migrateTo } from '../../helpers/migrationAt';
import { removeTempDirs } from '../../helpers/tempVault';

afterEach(removeTempDirs);

// 0006 changes the days table: it adds meals_complete ("I logged everything I ate today").
it('0006 meals complete: a version-5 journal keeps its days, each with the mark unanswered', () => {
  const db = journalAtVersion(5);
  const stamp = '2026-01-02T08:00:00.000Z';
  db.prepare('INSERT INTO days (date, stress, sleep_hours, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    '2026-01-01',
    4,
    7.5,
    stamp,
    stamp,
  );
  db.prepare('INSERT INTO days (date, created_at, updated_at) VALUES (?, ?, ?)').run('2026-01-02', stamp, stamp);

  migrateTo(db, 6);

  expect(schemaVersion(db)).toBe(6);
  const days = db.prepare('SELECT date, stress, sleep_hours, meals_complete, updated_at FROM days ORDER BY date').all();
  // Nothing is invented: a day written before the mark existed has it unanswered (NULL), not "no".
  expect(days).toEqual([
    { date: '2026-01-01', stress: 4, sleep_hours: 7.5, meals_complete: null, updated_at: stamp },
    { date: '2026-01-02', stress: null, sleep_hours: null, meals_complete: null, updated_at: stamp },
  ]);
  db.prepare('UPDATE days SET meals_complete = 1 WHERE date = ?').run('2026-01-01');
  expect(() => db.prepare('UPDATE days SET meals_complete = 2 WHERE date = ?').run('2026-01-02')).toThrow(
    /CHECK constraint/,
  );
  db.close();
});
