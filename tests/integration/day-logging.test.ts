import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyConnectionSettings, openCipherDatabase } from '../../electron/core/db/database';
import { latestVersion, migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { listUsualMeals, saveUsualMeal } from '../../electron/core/journal/usualMeals';
import { tempDir } from '../helpers/tempVault';
import { emptyDay } from '../../electron/core/day/days';
import { FOOD_LIBRARY, FOOD_SYNONYMS, TYPICAL_FOR_MEAL } from '../../electron/core/journal/foodLibrary';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';

const journal = journalAppsClosedAfterEach();

describe('food suggestions for logging a day fast', () => {
  it('ships common dishes with categories, so they are never added uncategorised', async () => {
    const app = await journal();
    const foods = await app.call('foods.list');
    for (const dish of ['Salad', 'Sandwich', 'Soup', 'Curry', 'Stir-fry', 'Smoothie', 'Porridge']) {
      const food = foods.find((f) => f.name === dish);
      expect(food, dish).toBeDefined();
      expect(food!.categories.length, `${dish} has categories`).toBeGreaterThan(0);
    }
  });

  it('every other name and every typical food points at a food in the library', () => {
    const keys = new Set(FOOD_LIBRARY.map((f) => f.key));
    for (const [word, key] of Object.entries(FOOD_SYNONYMS)) expect(keys.has(key), `${word} → ${key}`).toBe(true);
    for (const [meal, list] of Object.entries(TYPICAL_FOR_MEAL))
      for (const key of list) expect(keys.has(key), `${meal}: ${key}`).toBe(true);
  });

  it('finds a food by another name people type ("oatmeal", "yoghurt", "zucchini")', async () => {
    const app = await journal();
    const names = async (query: string) => (await app.call('foods.suggest', { query, limit: 5 })).map((f) => f.name);
    expect((await names('oatmeal'))[0]).toBe('Porridge');
    expect(await names('yoghurt')).toContain('Yogurt');
    expect(await names('zucchini')).toContain('Courgette');
  });

  it('ranks foods by the meal: breakfast offers the person’s breakfasts, dinner their dinners', async () => {
    const app = await journal();
    const foods = await app.call('foods.list');
    const id = (name: string) => foods.find((f) => f.name === name)!.id;
    for (const date of ['2026-06-10', '2026-06-11', '2026-06-12']) {
      await app.call('day.save', {
        ...emptyDay(date),
        meals: [
          {
            kind: 'breakfast',
            time: null,
            foods: [
              { foodId: id('Oats'), servings: 1 },
              { foodId: id('Kefir'), servings: 1 },
            ],
          },
          {
            kind: 'dinner',
            time: null,
            foods: [
              { foodId: id('Brown rice'), servings: 1 },
              { foodId: id('Onion'), servings: 1 },
            ],
          },
        ],
      });
    }
    const breakfast = (await app.call('foods.suggest', { query: '', limit: 4, meal: 'breakfast' })).map((f) => f.name);
    const dinner = (await app.call('foods.suggest', { query: '', limit: 4, meal: 'dinner' })).map((f) => f.name);
    expect(breakfast.slice(0, 2).sort()).toEqual(['Kefir', 'Oats']);
    expect(dinner.slice(0, 2).sort()).toEqual(['Brown rice', 'Onion']);
  });

  it('a new journal suggests foods typical for the meal before it knows any habits', async () => {
    const app = await journal();
    const breakfast = (await app.call('foods.suggest', { query: '', limit: 5, meal: 'breakfast' })).map((f) => f.name);
    expect(breakfast).toEqual(expect.arrayContaining(['Oats']));
    expect(breakfast).not.toContain('Brown rice');
  });
});

describe('usual meals', () => {
  it('are saved, listed, edited and deleted; names are unique and foods must exist', async () => {
    const app = await journal();
    const foods = await app.call('foods.list');
    const id = (name: string) => foods.find((f) => f.name === name)!.id;
    const saved = await app.call('usualMeals.save', {
      name: 'My usual breakfast',
      kind: 'breakfast',
      foods: [
        { foodId: id('Oats'), servings: 1 },
        { foodId: id('Kefir'), servings: 1.5 },
      ],
    });
    expect(saved).toEqual([
      {
        id: expect.any(Number),
        name: 'My usual breakfast',
        kind: 'breakfast',
        foods: [
          { foodId: id('Oats'), servings: 1 },
          { foodId: id('Kefir'), servings: 1.5 },
        ],
      },
    ]);
    await expect(
      app.call('usualMeals.save', {
        name: 'my usual BREAKFAST',
        kind: 'lunch',
        foods: [{ foodId: id('Oats'), servings: 1 }],
      }),
    ).rejects.toThrow(/already a usual meal/);
    await expect(app.call('usualMeals.save', { name: 'Empty', kind: 'lunch', foods: [] })).rejects.toThrow(
      /at least one food/,
    );
    await expect(
      app.call('usualMeals.save', { name: 'Ghost', kind: 'lunch', foods: [{ foodId: 999_999, servings: 1 }] }),
    ).rejects.toThrow(/not in your food library/);
    const edited = await app.call('usualMeals.save', {
      id: saved[0]!.id,
      name: 'Weekday breakfast',
      kind: 'breakfast',
      foods: [{ foodId: id('Porridge'), servings: 2 }],
    });
    expect(edited[0]).toMatchObject({ name: 'Weekday breakfast', foods: [{ foodId: id('Porridge'), servings: 2 }] });
    expect(await app.call('usualMeals.delete', { id: saved[0]!.id })).toEqual([]);
  });

  it('travel with the JSON export into another journal (foods by name)', async () => {
    const source = await journal();
    const mine = await source.call('foods.save', {
      name: 'Grandma’s granola',
      plant: true,
      categories: ['whole_grain', 'fibre_rich'],
    });
    const oats = (await source.call('foods.list')).find((f) => f.name === 'Oats')!;
    await source.call('usualMeals.save', {
      name: 'Sunday brunch',
      kind: 'breakfast',
      foods: [
        { foodId: mine.id, servings: 1 },
        { foodId: oats.id, servings: 0.5 },
      ],
    });
    const file = await source.call('data.exportJson', { photos: false });
    const content = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(JSON.parse(content).usualMeals).toEqual([
      {
        name: 'Sunday brunch',
        kind: 'breakfast',
        foods: [
          { food: 'Grandma’s granola', servings: 1 },
          { food: 'Oats', servings: 0.5 },
        ],
      },
    ]);

    const target = await journal();
    expect((await target.call('data.import', { content, dryRun: true })).usualMeals).toEqual({ added: 1, replaced: 0 });
    expect(await target.call('usualMeals.list')).toEqual([]);
    await target.call('data.import', { content, dryRun: false });
    const [meal] = await target.call('usualMeals.list');
    const targetFoods = await target.call('foods.list');
    expect(meal!.foods.map((f) => targetFoods.find((t) => t.id === f.foodId)!.name)).toEqual([
      'Grandma’s granola',
      'Oats',
    ]);
    expect((await target.call('data.import', { content, dryRun: false })).usualMeals).toEqual({
      added: 0,
      replaced: 1,
    });
  });
});

describe('the usual meals migration', () => {
  it('adds its tables to a journal with days already in it, which keeps them', () => {
    const db = openCipherDatabase(join(tempDir(), 'journal.db'), randomBytes(32), { create: true });
    applyConnectionSettings(db);
    const before = MIGRATIONS.find((m) => m.name === 'usual_meals')!.version - 1;
    migrate(db, MIGRATIONS, before);
    db.prepare("INSERT INTO foods (name, plant, created_at) VALUES ('Oats', 1, 'x')").run();
    db.prepare("INSERT INTO days (date, stress, created_at, updated_at) VALUES ('2026-06-01', 4, 'x', 'x')").run();
    expect(migrate(db)).toBe(latestVersion());
    expect(db.prepare('SELECT stress FROM days').pluck().get()).toBe(4);
    const oats = db.prepare("SELECT id FROM foods WHERE name = 'Oats'").pluck().get() as number;
    saveUsualMeal(db, { name: 'Porridge bowl', kind: 'breakfast', foods: [{ foodId: oats, servings: 1 }] });
    expect(listUsualMeals(db)).toHaveLength(1);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT food_id, servings FROM usual_meal_foods WHERE usual_meal_id = ? ORDER BY position',
      )
      .all(1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (PRIMARY KEY|INDEX)/);
    db.close();
  });
});
