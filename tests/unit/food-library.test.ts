import { describe, expect, it } from 'vitest';
import { FOOD_CATEGORIES, type FoodCategory } from '../../electron/contract/journalTerms';
import { FOOD_LIBRARY, type LibraryFood } from '../../electron/core/journal/foodLibrary';

function food(key: string): LibraryFood {
  const found = FOOD_LIBRARY.find((entry) => entry.key === key);
  if (!found) throw new Error(`no food with key ${key}`);
  return found;
}

function expectFood(
  key: string,
  has: readonly FoodCategory[],
  lacks: readonly FoodCategory[] = [],
  plant?: boolean,
): void {
  const entry = food(key);
  for (const category of has) expect(entry.categories, `${key} should be ${category}`).toContain(category);
  for (const category of lacks) expect(entry.categories, `${key} should not be ${category}`).not.toContain(category);
  if (plant !== undefined) expect(entry.plant, `${key} plant`).toBe(plant);
}

describe('the food library: shape', () => {
  it('holds between 140 and 190 foods', () => {
    expect(FOOD_LIBRARY.length).toBeGreaterThanOrEqual(140);
    expect(FOOD_LIBRARY.length).toBeLessThanOrEqual(190);
  });

  it('has unique lower-snake-case keys', () => {
    const keys = FOOD_LIBRARY.map((entry) => entry.key);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has unique, tidy names (case-insensitively)', () => {
    const names = FOOD_LIBRARY.map((entry) => entry.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const { name } of FOOD_LIBRARY) {
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/\s{2}/);
      expect(name[0]).toBe(name[0]?.toUpperCase());
    }
  });

  it('is sorted by name', () => {
    const names = FOOD_LIBRARY.map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('uses only known categories, each at most once per food', () => {
    const known = new Set<string>(FOOD_CATEGORIES);
    for (const entry of FOOD_LIBRARY) {
      for (const category of entry.categories) expect(known.has(category), `${entry.key}: ${category}`).toBe(true);
      expect(new Set(entry.categories).size, entry.key).toBe(entry.categories.length);
    }
  });

  it('uses every category for at least 3 foods', () => {
    for (const category of FOOD_CATEGORIES) {
      const count = FOOD_LIBRARY.filter((entry) => entry.categories.includes(category)).length;
      expect(count, category).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the food library: categories follow the rules', () => {
  it('marks the classic prebiotic foods', () => {
    for (const key of ['garlic', 'onion', 'leek', 'asparagus', 'banana', 'oats'])
      expectFood(key, ['prebiotic'], [], true);
  });

  it('marks the classic fermented / probiotic foods', () => {
    for (const key of [
      'yogurt',
      'greek_yogurt',
      'kefir',
      'kimchi',
      'sauerkraut',
      'kombucha',
      'miso',
      'tempeh',
      'natto',
      'fermented_pickles',
    ]) {
      expectFood(key, ['fermented']);
    }
  });

  it('does not count drinks or foods without live cultures as probiotic', () => {
    for (const key of [
      'beer',
      'red_wine',
      'white_wine',
      'cider',
      'spirits',
      'vinegar_pickles',
      'sourdough_bread',
      'soy_sauce',
    ]) {
      expectFood(key, [], ['fermented']);
    }
  });

  it('spot checks', () => {
    expectFood('white_bread', ['gluten'], ['whole_grain', 'fibre_rich'], false);
    expectFood('wholemeal_bread', ['gluten', 'whole_grain', 'fibre_rich'], [], true);
    expectFood('beer', ['alcohol', 'gluten'], ['fermented'], false);
    expectFood('spirits', ['alcohol'], ['gluten']);
    expectFood('lentils', ['fibre_rich', 'prebiotic'], [], true);
    expectFood('chickpeas', ['fibre_rich', 'prebiotic'], [], true);
    expectFood('kefir', ['dairy', 'fermented'], [], false);
    expectFood('greek_yogurt', ['dairy', 'fermented'], ['added_sugar']);
    expectFood('crisps', ['ultra_processed'], [], false);
    expectFood('instant_noodles', ['ultra_processed', 'gluten'], [], false);
    expectFood('oats', ['whole_grain', 'fibre_rich'], ['gluten'], true);
    expectFood('barley', ['whole_grain', 'gluten'], [], true);
    expectFood('white_rice', [], ['whole_grain', 'gluten'], false);
    expectFood('brown_rice', ['whole_grain'], ['gluten'], true);
    expectFood('coffee', ['caffeine'], [], true);
    expectFood('green_tea', ['caffeine'], [], true);
    expectFood('cola', ['caffeine', 'added_sugar', 'ultra_processed'], [], false);
    expectFood('dark_chocolate', ['caffeine']);
    expectFood('chilli', ['spicy', 'vegetable'], [], true);
    expectFood('hot_sauce', ['spicy']);
    expectFood('kimchi', ['fermented', 'vegetable', 'spicy'], ['dairy'], true);
    expectFood('sweets', ['added_sugar', 'ultra_processed'], [], false);
    expectFood('fizzy_drink', ['added_sugar', 'ultra_processed'], [], false);
    expectFood('ice_cream', ['dairy', 'added_sugar'], [], false);
    expectFood('pizza', ['gluten', 'ultra_processed'], [], false);
    expectFood('avocado', ['fibre_rich', 'fruit'], [], true);
    expectFood('tofu', [], ['fermented', 'dairy'], true);
    expectFood('eggs', [], ['dairy'], false);
    expectFood('chicken', [], [], false);
  });

  it('keeps the categories consistent across the list', () => {
    for (const entry of FOOD_LIBRARY) {
      const has = (category: FoodCategory) => entry.categories.includes(category);
      // Fruit, vegetables and whole grains always count as plants.
      if (has('fruit') || has('vegetable') || has('whole_grain')) expect(entry.plant, `${entry.key} plant`).toBe(true);
      // Whole grains carry their fibre.
      if (has('whole_grain')) expect(has('fibre_rich'), `${entry.key} fibre_rich`).toBe(true);
      // Alcoholic drinks are never counted as probiotic, nor as plants.
      if (has('alcohol')) {
        expect(has('fermented'), `${entry.key} fermented`).toBe(false);
        expect(entry.plant, `${entry.key} plant`).toBe(false);
      }
      // A food is not both a fruit and a vegetable.
      expect(has('fruit') && has('vegetable'), entry.key).toBe(false);
    }
  });
});
