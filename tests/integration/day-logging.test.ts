import { describe, expect, it } from 'vitest';
import { emptyDay } from '../../electron/core/journal/days';
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
    for (const [meal, list] of Object.entries(TYPICAL_FOR_MEAL)) for (const key of list) expect(keys.has(key), `${meal}: ${key}`).toBe(true);
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
      await app.call('journal.saveDay', {
        ...emptyDay(date),
        meals: [
          { kind: 'breakfast', time: null, foods: [{ foodId: id('Oats'), servings: 1 }, { foodId: id('Kefir'), servings: 1 }] },
          { kind: 'dinner', time: null, foods: [{ foodId: id('Brown rice'), servings: 1 }, { foodId: id('Onion'), servings: 1 }] },
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
