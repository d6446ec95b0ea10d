import type { PoemStatus } from '../../contract/poem';
import { daysBetween, isPoemDue } from '../../contract/poemTerms';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { lastScoreDate } from './scores';

const SETTINGS_KEY = 'poem';

interface PoemSettings {
  /** The day the weekly prompt was last put aside: it stays hidden for the rest of that day. */
  promptDismissedOn: string | null;
}

/** The built-in Eczema condition, or one of the person's own with "eczema" in its name, is tracked. */
export function isEczemaTracked(db: Db): boolean {
  const row = db
    .prepare("SELECT 1 FROM conditions WHERE tracked = 1 AND (builtin_key = 'eczema' OR name LIKE '%eczema%') LIMIT 1")
    .get();
  return row !== undefined;
}

export function poemStatus(db: Db, today: string): PoemStatus {
  const eczemaTracked = isEczemaTracked(db);
  const lastDate = lastScoreDate(db, today);
  const daysSinceLast = lastDate === null ? null : daysBetween(lastDate, today);
  const settings = readSetting<Partial<PoemSettings>>(db, SETTINGS_KEY);
  return {
    eczemaTracked,
    lastDate,
    daysSinceLast,
    due: isPoemDue(eczemaTracked, daysSinceLast),
    promptDismissedToday: settings?.promptDismissedOn === today,
  };
}

export function dismissPrompt(db: Db, today: string): PoemStatus {
  writeSetting(db, SETTINGS_KEY, {
    ...readSetting<Partial<PoemSettings>>(db, SETTINGS_KEY),
    promptDismissedOn: today,
  } satisfies Partial<PoemSettings>);
  return poemStatus(db, today);
}
