import type { Migration } from './migration';

/**
 * "I logged everything I ate today": 1 (yes), 0 (no) or NULL (not answered — every day written
 * before this version). Insights counts a food as "without" only on days whose meals are
 * complete (docs/insights-method.md, "Logging completeness").
 */
export const m0006MealsComplete: Migration = {
  version: 6,
  name: 'meals_complete',
  up(db) {
    db.exec('ALTER TABLE days ADD COLUMN meals_complete INTEGER CHECK (meals_complete IN (0, 1))');
  },
};
