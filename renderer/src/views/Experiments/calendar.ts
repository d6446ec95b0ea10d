import type { ExperimentDeviation, ScheduleDay } from '$contract/experimentsTerms';
import { addDaysIso } from '../../lib/dates';

/** How a day of the schedule is shaded; every kind also has words, so colour is never the only cue. */
export type CalendarKind = 'on' | 'off' | 'settling-on' | 'settling-off' | 'run-in' | 'paused';

export interface CalendarDay {
  date: string;
  /** Day of the month, for the cell. */
  day: number;
  kind: CalendarKind;
  /** Short words shown in the cell ("On", "Off · settling in", "Avoid", "Paused"). */
  label: string;
  today: boolean;
}

export interface CalendarWeek {
  /** The Monday that starts the week (ISO). */
  monday: string;
  /** Monday to Sunday; null for days outside the experiment. */
  days: (CalendarDay | null)[];
}

export const CALENDAR_LABELS: Record<CalendarKind, string> = {
  on: 'On',
  off: 'Off',
  'settling-on': 'On · settling in',
  'settling-off': 'Off · settling in',
  'run-in': 'Avoid',
  paused: 'Paused',
};

function weekday(date: string): number {
  // 0 = Monday … 6 = Sunday; dates are calendar days, so read them at noon UTC.
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

function kindOf(day: ScheduleDay, paused: ReadonlySet<string>): CalendarKind {
  if (paused.has(day.date)) return 'paused';
  if (day.phase === 'run-in') return 'run-in';
  if (day.washout) return day.arm === 'on' ? 'settling-on' : 'settling-off';
  return day.arm;
}

/**
 * The schedule as calendar weeks (Monday first), each day with its arm, settling in, the avoid
 * phase or a recorded pause, and whether it is today.
 */
export function calendarWeeks(
  schedule: readonly ScheduleDay[],
  deviations: readonly Pick<ExperimentDeviation, 'kind' | 'fromDate' | 'toDate'>[],
  today: string,
): CalendarWeek[] {
  if (schedule.length === 0) return [];
  const paused = new Set<string>();
  for (const d of deviations) {
    if (d.kind !== 'pause') continue;
    for (let date = d.fromDate; date <= d.toDate; date = addDaysIso(date, 1)) paused.add(date);
  }
  const weeks: CalendarWeek[] = [];
  for (const day of schedule) {
    const column = weekday(day.date);
    const monday = addDaysIso(day.date, -column);
    let week = weeks.at(-1);
    if (!week || week.monday !== monday) {
      week = { monday, days: Array.from({ length: 7 }, () => null) };
      weeks.push(week);
    }
    const kind = kindOf(day, paused);
    week.days[column] = {
      date: day.date,
      day: Number(day.date.slice(8, 10)),
      kind,
      label: CALENDAR_LABELS[kind],
      today: day.date === today,
    };
  }
  return weeks;
}
