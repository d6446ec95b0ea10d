import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { deleteDay, readDay, writeDay } from './days';

/** The Day view's methods: one day's entry, read, saved whole (one transaction) or deleted. */
export function dayHandlers(backend: Backend): HandlersOf<'day'> {
  const { vault } = backend;
  return {
    'day.get': ({ date }) => readDay(vault.db, date),
    'day.save': (entry) => {
      writeDay(vault.db, entry, backend.today());
      return readDay(vault.db, entry.date);
    },
    'day.delete': ({ date }) => {
      deleteDay(vault.db, date);
      return null;
    },
  };
}
