import type { Migration } from './index';

/**
 * "I logged everything I ate today": 1 (yes), 0 (no) or NULL (not answered — every day written
 * before this version). Insights counts a food as "without" only on days whose meals are
 * complete (docs/insights-method.md, "Logging completeness").
 */
export const m0005MealsComplete: Migration = {
  version: 5,
  name: 'meals_complete',
  up(db) {
    db.exec('ALTER TABLE days ADD COLUMN meals_complete INTEGER CHECK (meals_complete IN (0, 1))');
  },
};
