import type { Backend } from '../backend';
import { dataHandlers } from '../data/handlers';
import { dayHandlers } from '../day/handlers';
import { experimentHandlers } from '../experiments/handlers';
import { importFromHandlers } from '../importers/handlers';
import { insightsHandlers } from '../insights/handlers';
import { journalHandlers } from '../journal/handlers';
import { meditationHandlers } from '../meditation/handlers';
import { poemHandlers } from '../poem/handlers';
import { preferenceHandlers } from '../preferences/handlers';
import { reportHandlers } from '../report/handlers';
import { trendsHandlers } from '../trends/handlers';
import { vaultHandlers } from '../vault/handlers';
import type { Handlers } from './handlerTypes';

export type { Handler, Handlers } from './handlerTypes';

/**
 * One function per contract method, gathered from each feature's `handlers.ts`; the compiler
 * insists every method has exactly one. Whether a method needs the journal open is declared in
 * the contract and checked by the dispatcher, so handlers do not check it themselves.
 */
export function createHandlers(backend: Backend): Handlers {
  return {
    ...vaultHandlers(backend),
    ...dayHandlers(backend),
    ...journalHandlers(backend),
    ...meditationHandlers(backend),
    ...trendsHandlers(backend),
    ...insightsHandlers(backend),
    ...dataHandlers(backend),
    ...importFromHandlers(backend),
    ...poemHandlers(backend),
    ...reportHandlers(backend),
    ...preferenceHandlers(backend),
    ...experimentHandlers(backend),
  };
}
