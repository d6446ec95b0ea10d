import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';
import {
  assignmentsOn,
  checkIn,
  createExperiment,
  experimentChoices,
  experimentDetail,
  finishedExperimentsIn,
  listExperiments,
  pauseExperiment,
  planPreview,
  stopExperiment,
} from './service';
import { experimentReminderStatus, saveExperimentReminder } from './reminder';

type ExperimentHandlers = Pick<Handlers, `experiments.${string}` & keyof Handlers>;

/** The experiments methods of the contract. */
export function experimentHandlers(backend: Backend): ExperimentHandlers {
  const db = () => backend.vault.db;
  const today = (): string => backend.today();
  const now = (): Date => backend.now();
  /** Tells the desktop shell to plan the experiment reminder again (after the change has been made). */
  const changed = <T>(value: T): T => {
    backend.events.emit('event', { type: 'experiments-changed' });
    return value;
  };
  return {
    'experiments.choices': () => experimentChoices(db(), today()),
    'experiments.plan': (input) => planPreview(db(), input, today()),
    'experiments.create': (input) => changed(createExperiment(db(), input, today(), now())),
    'experiments.list': () => listExperiments(db(), today()),
    'experiments.get': ({ id, reveal }) => experimentDetail(db(), id, today(), reveal, now()),
    'experiments.stop': ({ id, reason }) => changed(stopExperiment(db(), id, reason, today(), now())),
    'experiments.pause': (input) => changed(pauseExperiment(db(), input, today(), now())),
    'experiments.checkIn': (input) => changed(checkIn(db(), input, today(), now())),
    'experiments.today': ({ date }) => assignmentsOn(db(), date, today()),
    // Every finished or ended experiment, newest first, for Insights ("Your experiments").
    'experiments.results': () => finishedExperimentsIn(db(), '0000-01-01', '9999-12-31', today(), now()).reverse(),
    'experiments.reminder': () => experimentReminderStatus(db(), today()),
    'experiments.setReminder': (input) => changed(saveExperimentReminder(db(), input, today())),
  };
}
