import { Notification } from 'electron';
import type { AppCommand } from '../contract/app';
import {
  EXPERIMENT_REMINDER_BODY,
  EXPERIMENT_REMINDER_TITLE,
  nextExperimentReminder,
  type ExperimentReminderStatus,
} from '../contract/experimentsTerms';
import type { Backend } from '../core/backend';
import { experimentReminderStatus } from '../core/experiments/reminder';
import { localDate } from '../core/journal/dates';

export interface ExperimentReminder {
  /** Works out the next time again from the wall clock (timers do not run while the computer sleeps). */
  replan(): void;
  stop(): void;
}

/**
 * The optional experiment reminder (docs/experiments.md): one notification at the chosen time on
 * days an experiment runs. The setting lives in the encrypted journal, so it is read while the
 * journal is open and remembered in memory only (never on disk) for the times it is locked.
 * The notification says only EXPERIMENT_REMINDER_BODY: it may show on a lock screen.
 */
export function scheduleExperimentReminder(
  backend: Backend,
  openCommand: (command: AppCommand) => void,
): ExperimentReminder {
  let known: ExperimentReminderStatus | null = null;
  let timer: NodeJS.Timeout | null = null;
  let shown: Notification | null = null;

  const read = (): void => {
    if (!backend.vault.isUnlocked) return;
    try {
      known = experimentReminderStatus(backend.vault.db, localDate(Date.now()));
    } catch {
      // Keep what was known; the next unlock or change reads it again.
    }
  };

  /** The next reminder after `now` by what is known (a status from an earlier day knows nothing of today's log). */
  const nextAfter = (now: Date): Date | null => {
    if (!known) return null;
    const today = localDate(now.getTime());
    return nextExperimentReminder(now, known.today === today ? known : { ...known, today, todayLogged: false });
  };

  const plan = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = nextAfter(new Date());
    if (!next) return;
    // setTimeout holds at most about 24.8 days; a later reminder is planned again on the way.
    const delay = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1);
    timer = setTimeout(() => {
      read();
      // Still wanted at this moment? (Turned off, today logged since, or a clamped wait: no.)
      if (nextAfter(new Date(next.getTime() - 1))?.getTime() === next.getTime() && Date.now() >= next.getTime())
        remind();
      plan();
    }, delay);
  };

  const remind = (): void => {
    shown?.close();
    shown = new Notification({ title: EXPERIMENT_REMINDER_TITLE, body: EXPERIMENT_REMINDER_BODY });
    shown.on('click', () => openCommand('new-entry'));
    shown.show();
  };

  const onEvent = (event: { type: string }): void => {
    if (event.type === 'vault-unlocked' || event.type === 'experiments-changed') {
      read();
      plan();
    }
  };
  backend.events.on('event', onEvent);
  read();
  plan();
  return {
    replan: () => {
      read();
      plan();
    },
    stop: () => {
      backend.events.off('event', onEvent);
      if (timer) clearTimeout(timer);
      shown?.close();
    },
  };
}
