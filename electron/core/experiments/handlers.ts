import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';
import {
  assignmentsOn,
  checkIn,
  createExperiment,
  experimentChoices,
  experimentDetail,
  listExperiments,
  pauseExperiment,
  planPreview,
  stopExperiment,
} from './service';

type ExperimentHandlers = Pick<Handlers, `experiments.${string}` & keyof Handlers>;

/** The experiments methods of the contract. */
export function experimentHandlers(backend: Backend): ExperimentHandlers {
  const db = () => backend.vault.db;
  const today = (): string => backend.today();
  const now = (): Date => backend.now();
  return {
    'experiments.choices': () => experimentChoices(db(), today()),
    'experiments.plan': (input) => planPreview(db(), input, today()),
    'experiments.create': (input) => createExperiment(db(), input, today(), now()),
    'experiments.list': () => listExperiments(db(), today()),
    'experiments.get': ({ id, reveal }) => experimentDetail(db(), id, today(), reveal, now()),
    'experiments.stop': ({ id, reason }) => stopExperiment(db(), id, reason, today(), now()),
    'experiments.pause': (input) => pauseExperiment(db(), input, today(), now()),
    'experiments.checkIn': (input) => checkIn(db(), input, today(), now()),
    'experiments.today': ({ date }) => assignmentsOn(db(), date, today()),
  };
}
