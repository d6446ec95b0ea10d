import type { Backend } from '../backend';
import { PRODUCT_NAME } from '../paths';
import {
  listConditions,
  listFactors,
  listTreatments,
  readJournalSettings,
  saveCondition,
  saveFactor,
  saveTreatment,
  writeJournalSettings,
} from '../journal/catalog';
import { localDate } from '../journal/dates';
import { deleteDay, listDays, monthCalendar, readDay, searchNotes, writeDay } from '../day/days';
import { archiveFood, listFoods, saveFood, suggestFoods } from '../journal/foods';
import { deleteUsualMeal, listUsualMeals, saveUsualMeal } from '../journal/usualMeals';
import { deletePhoto, insertPhoto, listPhotos, preparePhoto, readPhoto } from '../journal/photos';
import { AppError } from '../errors';
import { readDailySeries } from '../trends/series';
import { dataHandlers } from '../data/handlers';
import { importFromHandlers } from '../importers/handlers';
import { reportHandlers } from '../report/handlers';
import { preferenceHandlers } from '../preferences/handlers';
import { experimentHandlers } from '../experiments/handlers';
import {
  deleteSession,
  listSessions,
  meditationStats,
  readMeditationSettings,
  updateSession,
  writeMeditationSettings,
} from '../meditation/sessions';
import { deleteScore, listScores, saveScore } from '../poem/scores';
import { dismissPrompt, poemStatus } from '../poem/status';
import type { Handlers } from './handlerTypes';

export type { Handler, Handlers } from './handlerTypes';

/** One function per contract method; the compiler insists every method has one. */
export function createHandlers(backend: Backend): Handlers {
  const { vault } = backend;
  const today = (): string => localDate((backend.options.now ?? Date.now)());
  return {
    'app.info': () => ({
      name: PRODUCT_NAME,
      version: backend.options.version,
      host: backend.options.host,
      vaultDir: vault.dir,
      idleLockMinutes: backend.idleLockMs / 60_000,
    }),
    'app.activity': () => null,
    'vault.status': () => backend.status(),
    'vault.create': ({ passphrase }) => vault.create(passphrase),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      const status = await vault.recover(recoveryKey, newPassphrase);
      await backend.rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return status;
    },
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase);
      await backend.rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return null;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault.rekey': async ({ currentPassphrase, newPassphrase }) => {
      const recoveryKey = await vault.rekey(currentPassphrase, newPassphrase ?? null);
      if (newPassphrase) await backend.rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return { recoveryKey };
    },
    'vault.lock': () => {
      backend.lock('user');
      return backend.status();
    },
    'day.get': ({ date }) => readDay(vault.db, date),
    'day.save': (entry) => {
      writeDay(vault.db, entry, today());
      return readDay(vault.db, entry.date);
    },
    'day.delete': ({ date }) => {
      deleteDay(vault.db, date);
      return null;
    },
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
      if (date > today()) throw new AppError('INVALID_INPUT', 'That date is in the future. The photo was not saved.');
      void vault.db; // fail fast with VAULT_LOCKED before the slow re-encode
      const prepared = await preparePhoto(Buffer.from(dataBase64, 'base64'));
      return insertPhoto(vault.db, { date, bodyArea }, prepared);
    },
    'photos.list': (filter) => listPhotos(vault.db, filter),
    'photos.image': ({ id, size }) => readPhoto(vault.db, id, size),
    'photos.delete': ({ id }) => {
      deletePhoto(vault.db, id);
      return null;
    },
    'meditation.start': ({ plan, stressBefore }) => backend.meditation.start(vault.db, plan, stressBefore),
    'meditation.current': () => {
      void vault.db;
      return backend.meditation.current();
    },
    'meditation.pause': () => backend.meditation.pause(),
    'meditation.resume': () => backend.meditation.resume(),
    'meditation.end': () => backend.meditation.end(),
    'meditation.finish': ({ save, stressAfter, note, keepShort }) =>
      backend.meditation.finish(vault.db, save, stressAfter, note, keepShort),
    'meditation.list': ({ limit, before }) => listSessions(vault.db, limit, before),
    'meditation.update': ({ id, actualMinutes, stressBefore, stressAfter, note }) =>
      updateSession(vault.db, { id, actualSeconds: Math.round(actualMinutes * 60), stressBefore, stressAfter, note }),
    'meditation.delete': ({ id }) => {
      deleteSession(vault.db, id);
      return null;
    },
    'meditation.stats': () => meditationStats(vault.db, today()),
    'meditation.settings': () => readMeditationSettings(vault.db),
    'meditation.saveSettings': ({ hideStreaks }) => writeMeditationSettings(vault.db, { hideStreaks }),
    'trends.series': (range) => readDailySeries(vault.db, range, today()),
    'insights.run': (input) => backend.insights.run(vault.db, input?.maxLag),
    'insights.status': () => backend.insights.status(vault.db),
    ...dataHandlers(backend, today),
    ...importFromHandlers(backend, today),
    'poem.list': () => listScores(vault.db),
    'poem.save': (input) => saveScore(vault.db, input, today()),
    'poem.delete': ({ date }) => {
      deleteScore(vault.db, date);
      return null;
    },
    'poem.status': () => poemStatus(vault.db, today()),
    'poem.dismissPrompt': () => dismissPrompt(vault.db, today()),
    ...reportHandlers(backend, today),
    ...preferenceHandlers(backend),
    ...experimentHandlers(backend, today),
  };
}
