import type { UsualMeal, UsualMealInput } from '../../contract/journal';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { timestamp } from '../clock';

/** Usual meals, by name: each with its kind and foods (in order, with servings). */
export function listUsualMeals(db: Db): UsualMeal[] {
  const meals = db.prepare('SELECT id, name, kind FROM usual_meals ORDER BY name COLLATE NOCASE, id').all() as Omit<
    UsualMeal,
    'foods'
  >[];
  const foodsOf = db.prepare(
    'SELECT food_id, servings FROM usual_meal_foods WHERE usual_meal_id = ? ORDER BY position',
  );
  return meals.map((meal) => ({
    ...meal,
    foods: (foodsOf.all(meal.id) as { food_id: number; servings: number }[]).map((f) => ({
      foodId: f.food_id,
      servings: f.servings,
    })),
  }));
}

/** Adds or replaces a usual meal in one transaction; a name already used by another is refused. */
export function saveUsualMeal(db: Db, input: UsualMealInput): UsualMeal[] {
  const clash = db
    .prepare('SELECT id FROM usual_meals WHERE name = ? AND id IS NOT ?')
    .get(input.name, input.id ?? null);
  if (clash) throw invalid(`There is already a usual meal called "${input.name}". Choose another name.`);
  const seen = new Set<number>();
  const food = db.prepare('SELECT 1 FROM foods WHERE id = ?');
  for (const f of input.foods) {
    if (seen.has(f.foodId)) throw invalid('The same food is listed twice in this meal.');
    seen.add(f.foodId);
    if (!food.get(f.foodId))
      throw invalid('One of the foods is not in your food library any more. Reload and try again.');
  }
  db.transaction(() => {
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO usual_meals (name, kind, created_at) VALUES (?, ?, ?)')
          .run(input.name, input.kind, timestamp(db)).lastInsertRowid,
      );
    } else {
      const changed = db
        .prepare('UPDATE usual_meals SET name = ?, kind = ? WHERE id = ?')
        .run(input.name, input.kind, id);
      if (changed.changes === 0) throw invalid('That usual meal no longer exists.');
      db.prepare('DELETE FROM usual_meal_foods WHERE usual_meal_id = ?').run(id);
    }
    const insert = db.prepare(
      'INSERT INTO usual_meal_foods (usual_meal_id, food_id, position, servings) VALUES (?, ?, ?, ?)',
    );
    input.foods.forEach((f, position) => insert.run(id, f.foodId, position, f.servings));
  })();
  return listUsualMeals(db);
}

export function deleteUsualMeal(db: Db, id: number): UsualMeal[] {
  db.prepare('DELETE FROM usual_meals WHERE id = ?').run(id);
  return listUsualMeals(db);
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', `${message} Nothing was saved.`);
}
