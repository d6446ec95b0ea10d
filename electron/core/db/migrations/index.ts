import type { Migration } from './migration';
import { m0001Settings } from './0001_settings';
import { m0002Journal } from './0002_journal';
import { m0003Meditation } from './0003_meditation';
import { m0004Poem } from './0004_poem';
import { m0005UsualMeals } from './0005_usual_meals';
import { m0006MealsComplete } from './0006_meals_complete';
import { m0007Experiments } from './0007_experiments';
import { m0008Imports } from './0008_imports';
import { m0009JournalBinding } from './0009_journal_binding';

export type { Migration } from './migration';

/** Every schema change, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  m0001Settings,
  m0002Journal,
  m0003Meditation,
  m0004Poem,
  m0005UsualMeals,
  m0006MealsComplete,
  m0007Experiments,
  m0008Imports,
  m0009JournalBinding,
];
