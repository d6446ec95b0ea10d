import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_REMINDER,
  IDLE_LOCK_MAX_MINUTES,
  REMINDER_TIME_PATTERN,
  type Preferences,
} from '../../contract/preferencesTerms';
import { IDLE_LOCK_MINUTES } from '../../contract/preferencesTerms';
import { writeFileAtomically } from '../durableFiles';

export const PREFERENCES_FILE = 'preferences.json';

export const DEFAULT_PREFERENCES: Preferences = {
  idleLockMinutes: IDLE_LOCK_MINUTES,
  reminder: DEFAULT_REMINDER,
};

/**
 * This computer's settings for one vault folder: the automatic lock and the daily reminder.
 * They are needed while the journal is locked, so they live in plain JSON next to it and hold
 * nothing from the journal. A missing or damaged file means the defaults, never a failure.
 */
export class PreferencesStore {
  private cached: Preferences | null = null;
  private readonly listeners = new Set<(preferences: Preferences) => void>();

  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, PREFERENCES_FILE);
  }

  read(): Preferences {
    this.cached ??= parsePreferences(this.readFile());
    return this.cached;
  }

  /** Writes the changed fields (atomically) and tells the listeners. */
  save(patch: Partial<Preferences>): Preferences {
    const next: Preferences = { ...this.read(), ...patch };
    writeFileAtomically(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.cached = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Back to the defaults, with no file left behind. */
  reset(): void {
    rmSync(this.path, { force: true });
    this.cached = null;
    for (const listener of this.listeners) listener(this.read());
  }

  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readFile(): unknown {
    if (!existsSync(this.path)) return null;
    try {
      return JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return null;
    }
  }
}

/** Keeps each valid field of a stored file and replaces anything else by its default. */
export function parsePreferences(raw: unknown): Preferences {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const minutes = stored.idleLockMinutes;
  const idleLockMinutes =
    typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= IDLE_LOCK_MAX_MINUTES
      ? minutes
      : DEFAULT_PREFERENCES.idleLockMinutes;
  const reminder = (stored.reminder && typeof stored.reminder === 'object' ? stored.reminder : {}) as Record<
    string,
    unknown
  >;
  return {
    idleLockMinutes,
    reminder: {
      enabled: reminder.enabled === true,
      time:
        typeof reminder.time === 'string' && REMINDER_TIME_PATTERN.test(reminder.time)
          ? reminder.time
          : DEFAULT_REMINDER.time,
    },
  };
}
