import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { deleteScore, listScores, saveScore } from './scores';
import { dismissPrompt, poemStatus } from './status';

/** The weekly eczema check (POEM): its scores and whether one is due. */
export function poemHandlers(backend: Backend): HandlersOf<'poem'> {
  const { vault } = backend;
  return {
    'poem.list': () => listScores(vault.db),
    'poem.save': (input) => saveScore(vault.db, input, backend.today()),
    'poem.delete': ({ date }) => {
      deleteScore(vault.db, date);
      return null;
    },
    'poem.status': () => poemStatus(vault.db, backend.today()),
    'poem.dismissPrompt': () => dismissPrompt(vault.db, backend.today()),
  };
}
