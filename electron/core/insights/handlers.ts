import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';

/** Insights: start a run (in the worker where there is one) and ask how it is going. */
export function insightsHandlers(backend: Backend): HandlersOf<'insights'> {
  const { vault, insights } = backend;
  return {
    'insights.run': (input) => insights.run(vault.db, input?.maxLag),
    'insights.status': () => insights.status(vault.db),
  };
}
