import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { readDailySeries } from './series';

/** Trends: the daily series over a range of days. */
export function trendsHandlers(backend: Backend): HandlersOf<'trends'> {
  return {
    'trends.series': (range) => readDailySeries(backend.vault.db, range, backend.today()),
  };
}
