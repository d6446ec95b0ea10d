import { Notification } from 'electron';
import type { AppCommand } from '../contract/app';
import type { Backend } from '../core/backend';
import { readDay } from '../core/day/days';
import { localDate } from '../core/journal/dates';
import { nextReminderAt } from '../core/preferences/reminderSchedule';

// Shown on lock screens too, so it never says anything about the journal or the person's health.
export const REMINDER_TITLE = 'Axis Journal';
export const REMINDER_BODY = 'A minute for today’s check-in?';

export interface DailyReminder {
  /** Works out the next time again from the wall clock (timers do not run while the computer sleeps). */
  replan(): void;
  stop(): void;
}

/**
 * The optional daily reminder: one notification at the chosen local time, skipped when today
 * is already written down (if the journal is open and can tell). Clicking it opens today's entry.
 */
export function scheduleDailyReminder(backend: Backend, openCommand: (command: AppCommand) => void): DailyReminder {
  let timer: NodeJS.Timeout | null = null;
  let shown: Notification | null = null;

  const plan = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { reminder } = backend.preferences.read();
    if (!reminder.enabled) return;
    const delay = nextReminderAt(new Date(), reminder.time).getTime() - Date.now();
    timer = setTimeout(() => {
      remind();
      plan();
    }, delay);
  };

  const remind = (): void => {
    if (todayIsWritten(backend)) return;
    shown = new Notification({ title: REMINDER_TITLE, body: REMINDER_BODY });
    shown.on('click', () => openCommand('new-entry'));
    shown.show();
  };

  const stopWatching = backend.preferences.onChange(plan);
  plan();
  return {
    replan: plan,
    stop: () => {
      stopWatching();
      if (timer) clearTimeout(timer);
      shown?.close();
    },
  };
}

function todayIsWritten(backend: Backend): boolean {
  if (!backend.vault.isUnlocked) return false;
  try {
    return readDay(backend.vault.db, localDate(Date.now())).saved;
  } catch {
    return false;
  }
}
