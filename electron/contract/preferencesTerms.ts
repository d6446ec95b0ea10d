/**
 * Settings that belong to this computer rather than to the journal (zod-free, so the renderer
 * can import them cheaply). They are read while the journal is locked, so they are kept outside
 * the encrypted database, in preferences.json next to it.
 */

/** Minutes without activity after which an unlocked journal locks itself, until the person chooses. */
export const IDLE_LOCK_MINUTES = 10;

/** The choices offered for the automatic lock, in minutes. */
export const IDLE_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60, 120] as const;
export const IDLE_LOCK_MAX_MINUTES = 120;

export interface ReminderPreference {
  enabled: boolean;
  /** Local time of day, HH:MM (24-hour). */
  time: string;
}

/** What the person can change. */
export interface Preferences {
  idleLockMinutes: number;
  reminder: ReminderPreference;
}

/** Whether this computer can keep the passphrase safely, and whether it does. */
export interface RememberPassphraseState {
  available: boolean;
  /** Why it is not available, in words for the person (null when it is). */
  unavailableReason: string | null;
  enabled: boolean;
}

export interface PreferencesView extends Preferences {
  remember: RememberPassphraseState;
  /** Daily reminders need the desktop app's notifications. */
  remindersAvailable: boolean;
}

export const DEFAULT_REMINDER: ReminderPreference = { enabled: false, time: '20:30' };

export const REMINDER_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "1 minute", "15 minutes", "1 hour", "2 hours". */
export function lockDelayWords(minutes: number): string {
  if (minutes === 1) return '1 minute';
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} minutes`;
  return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}
