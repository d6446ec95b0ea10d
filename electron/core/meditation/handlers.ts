import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import {
  deleteSession,
  listSessions,
  meditationStats,
  readMeditationSettings,
  updateSession,
  writeMeditationSettings,
} from './sessions';

/** The meditation timer (one running session at a time) and the logged sessions. */
export function meditationHandlers(backend: Backend): HandlersOf<'meditation'> {
  const { vault, meditation } = backend;
  return {
    'meditation.start': ({ plan, stressBefore }) => meditation.start(vault.db, plan, stressBefore),
    'meditation.current': () => meditation.current(),
    'meditation.pause': () => meditation.pause(),
    'meditation.resume': () => meditation.resume(),
    'meditation.end': () => meditation.end(),
    'meditation.finish': ({ save, stressAfter, note, keepShort }) =>
      meditation.finish(vault.db, save, stressAfter, note, keepShort),
    'meditation.list': ({ limit, before }) => listSessions(vault.db, limit, before),
    'meditation.update': ({ id, actualMinutes, stressBefore, stressAfter, note }) =>
      updateSession(vault.db, { id, actualSeconds: Math.round(actualMinutes * 60), stressBefore, stressAfter, note }),
    'meditation.delete': ({ id }) => {
      deleteSession(vault.db, id);
      return null;
    },
    'meditation.stats': () => meditationStats(vault.db, backend.today()),
    'meditation.settings': () => readMeditationSettings(vault.db),
    'meditation.saveSettings': ({ hideStreaks }) => writeMeditationSettings(vault.db, { hideStreaks }),
  };
}
