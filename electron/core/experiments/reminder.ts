import {
  DEFAULT_EXPERIMENT_REMINDER,
  type ExperimentReminderSetting,
  type ExperimentReminderStatus,
} from '../../contract/experimentsTerms';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { assignmentsOn } from './service';

const SETTING_KEY = 'experiments.reminder';

export function readExperimentReminder(db: Db): ExperimentReminderSetting {
  return { ...DEFAULT_EXPERIMENT_REMINDER, ...readSetting<ExperimentReminderSetting>(db, SETTING_KEY) };
}

/**
 * What a host needs to plan the reminder: the setting, the days on which an experiment runs from
 * today on, and whether today is already told for every experiment running today.
 */
export function experimentReminderStatus(db: Db, today: string): ExperimentReminderStatus {
  const setting = readExperimentReminder(db);
  const ranges = (
    db
      .prepare(
        `SELECT max(start_date, ?) AS "from", CASE WHEN ended_on IS NOT NULL AND ended_on < end_date THEN ended_on ELSE end_date END AS "to"
         FROM experiments WHERE coalesce(ended_on, end_date) >= ? AND end_date >= ? ORDER BY start_date, id`,
      )
      .all(today, today, today) as { from: string; to: string }[]
  ).filter((r) => r.from <= r.to);
  const todays = assignmentsOn(db, today, today);
  return {
    ...setting,
    ranges,
    today,
    todayLogged: todays.length > 0 && todays.every((a) => a.followed !== null),
  };
}

export function saveExperimentReminder(
  db: Db,
  setting: ExperimentReminderSetting,
  today: string,
): ExperimentReminderStatus {
  writeSetting(db, SETTING_KEY, setting);
  return experimentReminderStatus(db, today);
}
