import type { Db } from '../db/database';
import { readDailySeries } from '../trends/series';
import { csvDocument, type CsvValue } from './csv';
import { experimentCsvFiles } from '../experiments/exchange';

export interface CsvFile {
  name: string;
  content: string;
}

/**
 * One CSV file per kind of record, with readable names instead of database ids, plus
 * `daily.csv`: one row per calendar day and one column per factor and outcome exactly as the
 * insights engine sees them (empty = not recorded), and `daily-columns.csv` describing them.
 */
const TABLES: readonly { name: string; sql: string }[] = [
  {
    name: 'days.csv',
    sql: `SELECT date, bloating, discomfort, water_glasses, stress, sleep_hours, sleep_quality, exercise_minutes, relaxation_minutes,
                 mood, meditation_minutes, cycle_day, notes, notes_for_dermatologist, meals_complete, created_at, updated_at
          FROM days ORDER BY date`,
  },
  {
    name: 'skin_scores.csv',
    sql: `SELECT s.date, c.name AS condition, s.severity, s.itch, s.sleep_lost, s.new_lesions, s.flare,
                 (SELECT group_concat(value, ';') FROM json_each(s.areas)) AS body_areas
          FROM skin_scores s JOIN conditions c ON c.id = s.condition_id ORDER BY s.date, c.sort, c.id`,
  },
  {
    name: 'meals.csv',
    sql: `SELECT m.date, m.position + 1 AS meal_number, m.kind AS meal, m.time, f.name AS food, mf.servings
          FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN foods f ON f.id = mf.food_id
          ORDER BY m.date, m.position, mf.position`,
  },
  {
    name: 'bowel_movements.csv',
    sql: 'SELECT date, time, bristol AS stool_type FROM bowel_movements ORDER BY date, position',
  },
  {
    name: 'treatment_doses.csv',
    sql: `SELECT d.date, t.id AS treatment_id, t.name AS treatment, d.taken
          FROM treatment_doses d JOIN treatments t ON t.id = d.treatment_id ORDER BY d.date, t.id`,
  },
  {
    name: 'custom_values.csv',
    sql: `SELECT v.date, f.name AS factor, f.kind, v.value FROM custom_values v JOIN custom_factors f ON f.id = v.factor_id
          ORDER BY v.date, f.sort, f.id`,
  },
  {
    name: 'conditions.csv',
    sql: 'SELECT name, builtin_key IS NOT NULL AS built_in, tracked FROM conditions ORDER BY sort, id',
  },
  {
    name: 'foods.csv',
    sql: `SELECT f.name, f.builtin_key IS NOT NULL AS built_in, f.plant, f.archived,
                 (SELECT group_concat(category, ';') FROM (SELECT category FROM food_categories c WHERE c.food_id = f.id ORDER BY category)) AS categories
          FROM foods f ORDER BY f.name COLLATE NOCASE`,
  },
  {
    name: 'treatments.csv',
    sql: 'SELECT id AS treatment_id, name, kind, dose, started_on, stopped_on FROM treatments ORDER BY id',
  },
  { name: 'custom_factors.csv', sql: 'SELECT name, kind, unit, archived FROM custom_factors ORDER BY sort, id' },
  {
    name: 'meditation_sessions.csv',
    sql: `SELECT date, started_at, type, planned_seconds, actual_seconds, stress_before, stress_after, note
          FROM meditation_sessions ORDER BY started_at, id`,
  },
  { name: 'photos.csv', sql: 'SELECT date, body_area, mime, width, height, created_at FROM photos ORDER BY date, id' },
];

/** Tables added by later features; exported when the database has them. */
const OPTIONAL_TABLES: readonly { name: string; table: string }[] = [{ name: 'poem.csv', table: 'poem_scores' }];

export function exportJournalCsv(db: Db, today: string): CsvFile[] {
  return db.transaction(() => {
    const files = TABLES.map(({ name, sql }) => tableFile(db, name, sql));
    for (const { name, table } of OPTIONAL_TABLES) {
      const present = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
      if (present) files.push(tableFile(db, name, `SELECT * FROM ${table} ORDER BY rowid`));
    }
    files.push(...experimentCsvFiles(db, today));
    files.push(...dailyFiles(db, today));
    return files;
  })();
}

function tableFile(db: Db, name: string, sql: string): CsvFile {
  const statement = db.prepare(sql);
  const header = statement.columns().map((column) => column.name);
  const rows = (statement.raw(true).all() as CsvValue[][]).map((row) => row.map((value) => value));
  return { name, content: csvDocument(header, rows) };
}

function dailyFiles(db: Db, today: string): CsvFile[] {
  const hasDays = db.prepare('SELECT 1 FROM days LIMIT 1').get();
  const data = hasDays ? readDailySeries(db, {}, today) : null;
  const series = data?.series ?? [];
  const rows = (data?.dates ?? []).map((date, i) => [date, ...series.map((s) => s.values[i])]);
  return [
    { name: 'daily.csv', content: csvDocument(['date', ...series.map((s) => s.key)], rows) },
    {
      name: 'daily-columns.csv',
      content: csvDocument(
        ['column', 'label', 'kind', 'unit', 'role'],
        series.map((s) => [s.key, s.label, s.kind, s.unit, s.role]),
      ),
    },
  ];
}
