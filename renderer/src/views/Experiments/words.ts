import type { ExperimentSummary, ScheduleDay } from '$contract/experimentsTerms';
import { shortDate as longDate } from '../../lib/dates';

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** "Day 12 of 84 — 72 days left. 92% of days as planned so far (2 days nobody can tell yet)." */
export function progressWords(
  e: Pick<
    ExperimentSummary,
    | 'state'
    | 'daysDone'
    | 'daysTotal'
    | 'daysLeft'
    | 'adherence'
    | 'daysUnknown'
    | 'endDate'
    | 'endedOn'
    | 'endReason'
    | 'plan'
  >,
): string {
  const adherence =
    e.adherence === null
      ? ''
      : ` ${Math.round(e.adherence * 100)}% of days as planned${e.state === 'running' ? ' so far' : ''}${e.daysUnknown > 0 ? ` (${days(e.daysUnknown)} nobody can tell yet)` : ''}.`;
  switch (e.state) {
    case 'planned':
      return `Starts ${longDate(e.plan.startDate)} and lasts ${days(e.daysTotal)}.`;
    case 'running':
      return `Day ${e.daysDone} of ${e.daysTotal} — ${days(e.daysLeft)} left.${adherence}`;
    case 'stopped':
      return `Ended early on ${longDate(e.endedOn!)}: ${e.endReason}.${adherence}`;
    default:
      return `Finished on ${longDate(e.endDate)}.${adherence}`;
  }
}

export interface ScheduleBlock {
  /** "Avoid phase", "Block 3" */
  name: string;
  pair: number | null;
  arm: 'on' | 'off';
  from: string;
  to: string;
  washoutDays: number;
}

/** The schedule as blocks (for the plan's table): consecutive days of one block or the run-in. */
export function scheduleBlocks(schedule: readonly ScheduleDay[]): ScheduleBlock[] {
  const blocks: ScheduleBlock[] = [];
  for (const day of schedule) {
    const name = day.phase === 'run-in' ? 'Avoid phase' : `Block ${day.block! + 1}`;
    const last = blocks.at(-1);
    if (last && last.name === name) {
      last.to = day.date;
      if (day.washout) last.washoutDays++;
    } else {
      blocks.push({
        name,
        pair: day.pair === null ? null : day.pair + 1,
        arm: day.arm,
        from: day.date,
        to: day.date,
        washoutDays: day.washout ? 1 : 0,
      });
    }
  }
  return blocks;
}

/** "points (0–10)" → "points". */
export function shortUnit(unit: string): string {
  return unit.split('(')[0]!.trim() || 'points';
}

/** 0.83 → "8 times", 0.1 → "1 time". */
export function timesInTen(power: number): string {
  const n = Math.round(power * 10);
  return `${n} time${n === 1 ? '' : 's'}`;
}
