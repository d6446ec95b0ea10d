import type { Food } from '../../contract/journal';
import type { FoodCategory } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import type { MealKind } from '../../contract/journalTerms';
import { FOOD_LIBRARY, FOOD_SYNONYMS, TYPICAL_FOR_MEAL } from './foodLibrary';
import { timestamp } from '../clock';

interface FoodRow {
  id: number;
  name: string;
  builtin_key: string | null;
  plant: number;
  archived: number;
  categories: string | null;
  times_used: number;
  last_used: string | null;
}

const FOOD_SELECT = `
  SELECT f.id, f.name, f.builtin_key, f.plant, f.archived,
         (SELECT group_concat(category) FROM food_categories c WHERE c.food_id = f.id) AS categories,
         (SELECT count(*) FROM meal_foods mf WHERE mf.food_id = f.id) AS times_used,
         (SELECT max(m.date) FROM meal_foods mf JOIN meals m ON m.id = mf.meal_id WHERE mf.food_id = f.id) AS last_used
  FROM foods f`;

function toFood(row: FoodRow): Food {
  return {
    id: row.id,
    name: row.name,
    builtin: row.builtin_key !== null,
    plant: row.plant === 1,
    archived: row.archived === 1,
    categories: row.categories ? (row.categories.split(',').sort() as FoodCategory[]) : [],
    timesUsed: row.times_used,
    lastUsed: row.last_used,
  };
}

/**
 * Adds library foods this journal does not have yet (a newer app may ship more). Foods the
 * person already has, even edited ones, are never touched.
 */
export function syncFoodLibrary(db: Db): number {
  const known = db.prepare('SELECT count(*) AS n FROM foods WHERE builtin_key IS NOT NULL').get() as { n: number };
  if (known.n >= FOOD_LIBRARY.length) return 0;
  const exists = db.prepare('SELECT 1 FROM foods WHERE builtin_key = ? OR name = ?');
  const insert = db.prepare('INSERT INTO foods (builtin_key, name, plant, created_at) VALUES (?, ?, ?, ?)');
  const category = db.prepare('INSERT INTO food_categories (food_id, category) VALUES (?, ?)');
  const now = timestamp(db);
  let added = 0;
  db.transaction(() => {
    for (const food of FOOD_LIBRARY) {
      if (exists.get(food.key, food.name)) continue;
      const id = insert.run(food.key, food.name, food.plant ? 1 : 0, now).lastInsertRowid;
      for (const c of food.categories) category.run(id, c);
      added++;
    }
  })();
  return added;
}

export function listFoods(db: Db): Food[] {
  return (db.prepare(`${FOOD_SELECT} ORDER BY f.name`).all() as FoodRow[]).map(toFood);
}

/** Library keys whose other names (FOOD_SYNONYMS) start with the query: "oatmeal" finds Porridge. */
function synonymKeys(q: string): string[] {
  if (q.length < 2) return [];
  return [
    ...new Set(
      Object.entries(FOOD_SYNONYMS)
        .filter(([word]) => word.startsWith(q))
        .map(([, key]) => key),
    ),
  ];
}

/**
 * Type-ahead: foods whose name starts with or contains the query, or whose other name starts
 * with it; ranked by prefix match, then by how often the food was logged in this kind of meal
 * (so breakfast offers the person's breakfasts), then by how recently and how often it was logged
 * at all. A new journal with no history leans on foods typical for the meal. An empty query gives
 * the recent and frequent foods.
 */
export function suggestFoods(db: Db, query: string, limit: number, meal?: MealKind): Food[] {
  const q = query.trim().toLowerCase();
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const synonyms = synonymKeys(q);
  const typical = meal ? TYPICAL_FOR_MEAL[meal] : [];
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT base.*,
                (SELECT count(*) FROM meal_foods mf JOIN meals m ON m.id = mf.meal_id WHERE mf.food_id = base.id AND m.kind = @meal) AS in_meal,
                (SELECT key FROM json_each(@typical) WHERE value = base.builtin_key) AS typical_rank
         FROM (${FOOD_SELECT}) AS base
         WHERE base.archived = 0 AND (@q = '' OR lower(base.name) LIKE @like ESCAPE '\\' OR base.builtin_key IN (SELECT value FROM json_each(@synonyms))))
       ORDER BY
         CASE WHEN @q <> '' AND (lower(name) LIKE @prefix ESCAPE '\\' OR builtin_key IN (SELECT value FROM json_each(@synonyms))) THEN 0 ELSE 1 END,
         in_meal DESC,
         (last_used IS NULL), last_used DESC, times_used DESC,
         (typical_rank IS NULL), typical_rank,
         name
       LIMIT @limit`,
    )
    .all({
      q,
      like: `%${escaped}%`,
      prefix: `${escaped}%`,
      synonyms: JSON.stringify(synonyms),
      meal: meal ?? '',
      typical: JSON.stringify(typical),
      limit,
    }) as FoodRow[];
  return rows.map(toFood);
}

export function saveFood(
  db: Db,
  input: { id?: number | undefined; name: string; plant: boolean; categories: FoodCategory[] },
): Food {
  const clash = db.prepare('SELECT id FROM foods WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null) as
    { id: number } | undefined;
  if (clash) throw new AppError('INVALID_INPUT', `There is already a food called "${input.name}". Nothing was saved.`);
  const id = db.transaction(() => {
    let foodId = input.id;
    if (foodId === undefined) {
      foodId = Number(
        db
          .prepare('INSERT INTO foods (name, plant, created_at) VALUES (?, ?, ?)')
          .run(input.name, input.plant ? 1 : 0, timestamp(db)).lastInsertRowid,
      );
    } else {
      const changed = db
        .prepare('UPDATE foods SET name = ?, plant = ? WHERE id = ?')
        .run(input.name, input.plant ? 1 : 0, foodId);
      if (changed.changes === 0) throw new AppError('INVALID_INPUT', 'That food no longer exists. Nothing was saved.');
      db.prepare('DELETE FROM food_categories WHERE food_id = ?').run(foodId);
    }
    const category = db.prepare('INSERT INTO food_categories (food_id, category) VALUES (?, ?)');
    for (const c of new Set(input.categories)) category.run(foodId, c);
    return foodId;
  })();
  return getFood(db, id);
}

export function archiveFood(db: Db, id: number, archived: boolean): Food {
  const changed = db.prepare('UPDATE foods SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
  if (changed.changes === 0) throw new AppError('INVALID_INPUT', 'That food no longer exists.');
  return getFood(db, id);
}

function getFood(db: Db, id: number): Food {
  return toFood(db.prepare(`${FOOD_SELECT} WHERE f.id = ?`).get(id) as FoodRow);
}
