import { AppError } from '../errors';
import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { listDays, monthCalendar, searchNotes } from '../day/days';
import {
  listConditions,
  listFactors,
  listTreatments,
  readJournalSettings,
  saveCondition,
  saveFactor,
  saveTreatment,
  writeJournalSettings,
} from './catalog';
import { archiveFood, listFoods, saveFood, suggestFoods } from './foods';
import { deletePhoto, insertPhoto, listPhotos, preparePhoto, readPhoto } from './photos';
import { deleteUsualMeal, listUsualMeals, saveUsualMeal } from './usualMeals';

type JournalFeatures = 'journal' | 'conditions' | 'foods' | 'usualMeals' | 'treatments' | 'factors' | 'photos';

/**
 * The Journal view's calendar, list and search, and what the journal is made of: its settings, the
 * tracked conditions, foods, usual meals, treatments, custom factors and photos.
 */
export function journalHandlers(backend: Backend): HandlersOf<JournalFeatures> {
  const { vault } = backend;
  return {
    'journal.month': ({ year, month }) => monthCalendar(vault.db, year, month),
    'journal.list': ({ before, limit }) => listDays(vault.db, before, limit),
    'journal.search': ({ query, limit }) => searchNotes(vault.db, query, limit),
    'journal.settings': () => readJournalSettings(vault.db),
    'journal.saveSettings': (settings) => writeJournalSettings(vault.db, settings),
    'conditions.list': () => listConditions(vault.db),
    'conditions.save': (input) => saveCondition(vault.db, input),
    'foods.list': () => listFoods(vault.db),
    'foods.suggest': ({ query, limit, meal }) => suggestFoods(vault.db, query, limit, meal),
    'foods.save': (input) => saveFood(vault.db, input),
    'foods.archive': ({ id, archived }) => archiveFood(vault.db, id, archived),
    'usualMeals.list': () => listUsualMeals(vault.db),
    'usualMeals.save': (input) => saveUsualMeal(vault.db, input),
    'usualMeals.delete': ({ id }) => deleteUsualMeal(vault.db, id),
    'treatments.list': () => listTreatments(vault.db),
    'treatments.save': (input) => saveTreatment(vault.db, input),
    'factors.list': () => listFactors(vault.db),
    'factors.save': (input) => saveFactor(vault.db, input),
    'photos.add': async ({ date, bodyArea, dataBase64 }) => {
      if (date > backend.today()) {
        throw new AppError('INVALID_INPUT', 'That date is in the future. The photo was not saved.');
      }
      const prepared = await preparePhoto(Buffer.from(dataBase64, 'base64'));
      return insertPhoto(vault.db, { date, bodyArea }, prepared);
    },
    'photos.list': (filter) => listPhotos(vault.db, filter),
    'photos.image': ({ id, size }) => readPhoto(vault.db, id, size),
    'photos.delete': ({ id }) => {
      deletePhoto(vault.db, id);
      return null;
    },
  };
}
