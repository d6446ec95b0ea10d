import { randomInt } from 'node:crypto';
import {
  type AdherenceDay,
  type ExperimentChoice,
  type ExperimentChoices,
  type ExperimentDetail,
  type ExperimentPlan,
  type ExperimentState,
  type ExperimentSummary,
  type PlanPreview,
  type ScheduleDay,
  type SecondaryOutcome,
  type TodayAssignment,
  EXPERIMENT_ALPHA,
  FINISHED_EXPERIMENT_FIELDS,
  safetySentences,
} from '../../contract/experimentsTerms';
import type { ParsedInput } from '../../contract/contract';
import type { DailySeries } from '../../contract/trendsTerms';
import type { ReportExperiment } from '../../contract/reportTerms';
import { timestamp } from '../clock';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readDailySeries } from '../trends/series';
import { addDays } from '../journal/dates';
import { analyseAsDone, analyseExperiment } from './analysis';
import { designLengthWords, estimatePower, outcomeHistory, type DesignShape } from './planner';
import { buildSchedule, drawOrders, planLengthDays } from './schedule';
import {
  insertDeviation,
  insertExperiment,
  listExperimentRows,
  markEnded,
  readCheckIns,
  readDeviations,
  readExperiment,
  writeCheckIn,
  type ExperimentRow,
} from './store';
import { formatNumber, resultSentences, secondarySentence, shortUnit } from './words';

const OUTCOME_ROLES = new Set(['skin', 'gut']);

function choice(series: DailySeries): ExperimentChoice {
  return { key: series.key, label: series.label, kind: series.kind, unit: series.unit, group: series.group };
}

/** What can be tested (every insights factor) against what (every skin and gut outcome). */
export function experimentChoices(db: Db, today: string): ExperimentChoices {
  const { series } = readDailySeries(db, { from: addDays(today, -1), to: today }, today);
  const factors = series.filter((s) => s.role === 'factor').map(choice);
  // Treatments are series only where doses were ticked; a new supplement can be tested before its first tick.
  const treatments = db.prepare('SELECT id, name FROM treatments ORDER BY name, id').all() as {
    id: number;
    name: string;
  }[];
  for (const t of treatments) {
    if (!factors.some((f) => f.key === `treatment.${t.id}`))
      factors.push({ key: `treatment.${t.id}`, label: t.name, kind: 'yesno', unit: '', group: 'treatment' });
  }
  return {
    factors,
    outcomes: series.filter((s) => OUTCOME_ROLES.has(s.role) || s.key === 'skin.sleepLost').map(choice),
  };
}

function findChoice(list: ExperimentChoice[], key: string, what: string): ExperimentChoice {
  const found = list.find((c) => c.key === key);
  if (!found)
    throw new AppError(
      'INVALID_INPUT',
      `"${key}" is not ${what} in this journal. See \`axis insights --json\` for the keys.`,
    );
  return found;
}

/** A cautious spread when the journal has too little of the outcome: a quarter of its range. */
function defaultSd(unit: string): number {
  if (unit.startsWith('Bristol')) return 1;
  if (unit.startsWith('points')) return 2;
  return 1;
}

/** The outcome's last year, for the planner. */
function outcomeValues(db: Db, key: string, today: string): (number | null)[] {
  const data = readDailySeries(db, { from: addDays(today, -364), to: today }, today);
  return data.series.find((s) => s.key === key)?.values ?? [];
}

function shapeOf(input: DesignShape): DesignShape {
  return {
    design: input.design,
    pairs: input.design === 'before-after' ? 1 : input.pairs,
    blockDays: input.blockDays,
    washoutDays: input.washoutDays,
    runInDays: input.design === 'elimination' ? input.runInDays : 0,
  };
}

/** Live power for the planning form and `axis experiment create`. */
export function planPreview(
  db: Db,
  input: Pick<ParsedInput<'experiments.plan'>, 'factorKey' | 'outcomeKey' | 'targetChange' | 'startDate'> & DesignShape,
  today: string,
): PlanPreview {
  const choices = experimentChoices(db, today);
  findChoice(choices.factors, input.factorKey, 'a habit, food or treatment');
  const outcome = findChoice(choices.outcomes, input.outcomeKey, 'a skin or gut measure');
  const shape = shapeOf(input);
  const history = outcomeHistory(outcomeValues(db, input.outcomeKey, today), defaultSd(outcome.unit));
  const estimate = estimatePower(shape, history, input.targetChange);
  const lengthDays = planLengthDays(shape);
  const start = input.startDate ?? today;
  const unit = shortUnit(outcome.unit);
  const length = designLengthWords(shape.design, shape.pairs, shape.blockDays, shape.runInDays);
  const sentences: string[] = [];
  let warning: string | null = null;
  const what = shape.design === 'elimination' ? `an avoid phase of ${shape.runInDays} days, then ` : '';
  if (shape.design === 'before-after') {
    warning =
      'Before/after is the weakest design: with no random order, no test can tell the change from anything else that changed at the same time. The app will show the difference only.';
    sentences.push(`${shape.blockDays} days before and ${shape.blockDays} days after — ${length}.`);
  } else if (!estimate.canReach) {
    warning = `With ${shape.pairs} pair${shape.pairs === 1 ? '' : 's'} there are only ${2 ** shape.pairs} possible orders, so the smallest p this design can give is ${estimate.minP!.toFixed(3)} — it can never reach ${EXPERIMENT_ALPHA}, whatever the effect. Choose at least 6 pairs (shorter blocks keep it short).`;
    sentences.push(`${what}${shape.pairs} pairs of ${shape.blockDays}-day blocks — ${length}.`);
  } else {
    const power = Math.round((estimate.power ?? 0) * 10);
    sentences.push(
      `With ${what}${shape.pairs} pairs of ${shape.blockDays}-day blocks — ${length} — a change of ${formatNumber(input.targetChange)} ${unit} would show up about ${power} time${power === 1 ? '' : 's'} in 10.`,
    );
    sentences.push(
      estimate.detectable === null
        ? 'Even a very large change would often be missed with this design.'
        : `A change of about ${formatNumber(estimate.detectable)} ${unit} would show up 8 times in 10.`,
    );
    sentences.push(
      `The smallest p it can give is ${estimate.minP!.toFixed(3)} (2 of the ${2 ** shape.pairs} possible orders).`,
    );
  }
  sentences.push(
    history.fromJournal
      ? `From ${history.daysLogged} logged days of your ${outcome.label.toLowerCase()}: it varies by about ${formatNumber(history.sd)} ${unit} from day to day, and ${Math.round(history.carryOver * 100)}% of a day carries over to the next.`
      : `Your journal does not yet have enough days of ${outcome.label.toLowerCase()} (${history.daysLogged} logged; 28 needed) to say how much it varies, so the planner assumes a cautious spread of ${formatNumber(history.sd)} ${unit} and strong carry-over.`,
  );
  if (shape.washoutDays === 0 && shape.design !== 'before-after') {
    sentences.push(
      'With no settling-in days, what carries over from one block into the next is counted against the change.',
    );
  }
  return {
    power: estimate.power,
    detectableChange: estimate.detectable,
    minP: estimate.minP,
    canReach: estimate.canReach,
    simulations: estimate.simulations,
    lengthDays,
    endDate: addDays(start, lengthDays - 1),
    history,
    sentences,
    safety: safetySentences(input.factorKey),
    warning,
  };
}

export function createExperiment(
  db: Db,
  input: ParsedInput<'experiments.create'>,
  today: string,
  now: Date,
): ExperimentDetail {
  if (input.startDate < today && !input.backdate) {
    throw new AppError(
      'INVALID_INPUT',
      'The start date is in the past. An experiment is planned before it starts; to enter one already run (say, from a paper diary), mark it as planned after the fact.',
    );
  }
  const choices = experimentChoices(db, today);
  const factor = findChoice(choices.factors, input.factorKey, 'a habit, food or treatment');
  const outcome = findChoice(choices.outcomes, input.outcomeKey, 'a skin or gut measure');
  for (const key of input.secondaryKeys) findChoice(choices.outcomes, key, 'a skin or gut measure');
  if (factor.kind === 'number' && input.onThreshold === null) {
    throw new AppError(
      'INVALID_INPUT',
      `Say how much ${factor.label.toLowerCase()} counts as “on” (for example at least 10 ${factor.unit}).`,
    );
  }
  const shape = shapeOf(input);
  const preview = planPreview(db, { ...input, ...shape }, today);
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  const orders = shape.design === 'before-after' ? [] : drawOrders(shape.pairs, seed);
  const plan: ExperimentPlan = {
    ...shape,
    startDate: input.startDate,
    orders,
    seed,
    factorKey: factor.key,
    factorLabel: factor.label,
    factorKind: factor.kind,
    factorUnit: factor.unit,
    onThreshold: factor.kind === 'number' ? input.onThreshold : null,
    outcomeKey: outcome.key,
    outcomeLabel: outcome.label,
    outcomeUnit: outcome.unit,
    secondaryKeys: input.secondaryKeys.filter((key) => key !== outcome.key),
    onText: input.onText,
    offText: input.offText,
    backdated: input.startDate < today,
    targetChange: input.targetChange,
    predictedPower: preview.power,
    detectableChange: preview.detectableChange,
    fromFinding: input.fromFinding,
  };
  const title = input.title || `${factor.label} and ${outcome.label.toLowerCase()}`;
  const id = db.transaction(() =>
    insertExperiment(db, {
      title,
      plan,
      startDate: plan.startDate,
      endDate: addDays(plan.startDate, planLengthDays(plan) - 1),
      createdAt: now.toISOString(),
    }),
  )();
  return experimentDetail(db, id, today, false, now);
}

function stateOf(row: ExperimentRow, today: string): ExperimentState {
  if (row.endedOn !== null) return row.endedOn < row.endDate ? 'stopped' : 'finished';
  if (today < row.startDate) return 'planned';
  return today > row.endDate ? 'finished' : 'running';
}

/** The last day that counts: today, the plan's end, or the day it was ended, whichever is first. */
function lastDayOf(row: ExperimentRow, today: string): string {
  const candidates = [today, row.endDate, row.endedOn ?? row.endDate];
  return candidates.sort()[0]!;
}

function pausedDates(deviations: ReturnType<typeof readDeviations>): Set<string> {
  const dates = new Set<string>();
  for (const d of deviations) {
    if (d.kind !== 'pause') continue;
    for (let date = d.fromDate; date <= d.toDate; date = addDays(date, 1)) dates.add(date);
  }
  return dates;
}

interface Loaded {
  row: ExperimentRow;
  schedule: ScheduleDay[];
  deviations: ReturnType<typeof readDeviations>;
  paused: Set<string>;
  factor: Map<string, number | null>;
  outcome: Map<string, number | null>;
  /** The exploratory outcomes, labelled from the journal (the key when it no longer has that measure). */
  secondary: { key: string; label: string; unit: string; values: Map<string, number | null> }[];
  checkIns: Map<string, boolean>;
}

function load(db: Db, id: number, today: string): Loaded {
  const row = readExperiment(db, id);
  const schedule = buildSchedule(row.plan);
  const deviations = readDeviations(db, id);
  const data = readDailySeries(db, { from: row.startDate, to: row.endDate }, today);
  const byDate = (key: string) => {
    const values = data.series.find((s) => s.key === key)?.values ?? [];
    return new Map(data.dates.map((date, i) => [date, values[i] ?? null]));
  };
  return {
    row,
    schedule,
    deviations,
    paused: pausedDates(deviations),
    factor: byDate(row.plan.factorKey),
    outcome: byDate(row.plan.outcomeKey),
    secondary: row.plan.secondaryKeys.map((key) => {
      const series = data.series.find((s) => s.key === key);
      return { key, label: series?.label ?? key, unit: series?.unit ?? '', values: byDate(key) };
    }),
    checkIns: readCheckIns(db, id),
  };
}

/** Whether the thing was present that day by the journal: yes/no factors as logged, numbers against the threshold. */
function exposureOf(plan: ExperimentPlan, value: number | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  if (plan.factorKind === 'yesno') return value >= 1;
  return value >= (plan.onThreshold ?? 0);
}

function adherenceOf(loaded: Loaded, today: string): { days: AdherenceDay[]; share: number | null; unknown: number } {
  const last = lastDayOf(loaded.row, today);
  const days: AdherenceDay[] = [];
  let followed = 0;
  let known = 0;
  let unknown = 0;
  for (const day of loaded.schedule) {
    if (day.date > last || loaded.paused.has(day.date)) continue;
    const exposed = exposureOf(loaded.row.plan, loaded.factor.get(day.date));
    let answer: boolean | null = null;
    let from: AdherenceDay['from'] = null;
    if (exposed !== null) {
      answer = exposed === (day.arm === 'on');
      from = 'journal';
    } else if (loaded.checkIns.has(day.date)) {
      answer = loaded.checkIns.get(day.date)!;
      from = 'check-in';
    }
    days.push({ date: day.date, followed: answer, from });
    if (answer === null) unknown++;
    else {
      known++;
      if (answer) followed++;
    }
  }
  return { days, share: known > 0 ? followed / known : null, unknown };
}

function summaryOf(loaded: Loaded, today: string): ExperimentSummary {
  const { row } = loaded;
  const state = stateOf(row, today);
  const adherence = adherenceOf(loaded, today);
  const daysTotal = loaded.schedule.length;
  const last = lastDayOf(row, today);
  const daysDone = today < row.startDate ? 0 : loaded.schedule.filter((d) => d.date <= last).length;
  return {
    id: row.id,
    title: row.title,
    plan: row.plan,
    state,
    createdAt: row.createdAt,
    endDate: row.endDate,
    endedOn: row.endedOn,
    endReason: row.endReason,
    daysDone,
    daysTotal,
    daysLeft: state === 'running' || state === 'planned' ? daysTotal - daysDone : 0,
    adherence: adherence.share,
    daysUnknown: adherence.unknown,
  };
}

export function listExperiments(db: Db, today: string): ExperimentSummary[] {
  return listExperimentRows(db).map((row) => summaryOf(load(db, row.id, today), today));
}

/**
 * One experiment with its schedule, adherence and (unless it is still running and nobody asked)
 * its analysis. Asking to see the result while it runs is recorded as a deviation ("peek").
 */
export function experimentDetail(db: Db, id: number, today: string, reveal: boolean, now: Date): ExperimentDetail {
  let loaded = load(db, id, today);
  const summary = summaryOf(loaded, today);
  const running = summary.state === 'running';
  if (running && reveal && !loaded.deviations.some((d) => d.kind === 'peek' && d.fromDate === today)) {
    insertDeviation(db, id, {
      kind: 'peek',
      fromDate: today,
      toDate: today,
      reason: 'Looked at the result before the end.',
      recordedAt: now.toISOString(),
    });
    loaded = { ...loaded, deviations: readDeviations(db, id) };
  }
  const adherence = adherenceOf(loaded, today);
  const hidden = running && !reveal;
  const lastDay = lastDayOf(loaded.row, today);
  const base = {
    schedule: loaded.schedule,
    orders: loaded.row.plan.orders,
    outcome: loaded.outcome,
    excluded: loaded.paused,
    lastDay,
  };
  const analyse = (outcome: Map<string, number | null>) =>
    analyseExperiment({
      ...base,
      outcome,
      design: loaded.row.plan.design,
      adherence: adherence.share,
      finished: !running && summary.state !== 'planned',
    });
  const analysis = hidden ? null : analyse(loaded.outcome);
  // Secondary outcomes: the same exact test, labelled exploratory (several outcomes, more chances).
  const secondary: SecondaryOutcome[] = hidden
    ? []
    : loaded.secondary.map(({ key, label, unit, values }) => {
        const result = analyse(values);
        return {
          key,
          label,
          unit,
          analysis: result,
          sentence: secondarySentence(loaded.row.plan, { key, label, unit }, result),
        };
      });
  const exposure = new Map(
    loaded.schedule.map((d) => [d.date, exposureOf(loaded.row.plan, loaded.factor.get(d.date))]),
  );
  const asDone = hidden ? null : analyseAsDone(base, exposure);
  const peeked = loaded.deviations.some((d) => d.kind === 'peek');
  return {
    ...summary,
    schedule: loaded.schedule,
    deviations: loaded.deviations,
    adherenceDays: adherence.days,
    outcome: loaded.schedule.map((d) => (d.date <= lastDay ? (loaded.outcome.get(d.date) ?? null) : null)),
    analysis,
    asDone,
    sentences: resultSentences(loaded.row.plan, summary.state, analysis, asDone, peeked),
    secondary,
    secondaryLabels: loaded.secondary.map((s) => s.label),
    hidden,
  };
}

export function stopExperiment(db: Db, id: number, reason: string, today: string, now: Date): ExperimentDetail {
  db.transaction(() => {
    const row = readExperiment(db, id);
    if (row.endedOn !== null)
      throw new AppError('INVALID_INPUT', `This experiment was already ended on ${row.endedOn}.`);
    if (today > row.endDate) throw new AppError('INVALID_INPUT', 'This experiment has already finished as planned.');
    // Ended today: today's own log still counts; a plan that never started ends the day before it.
    const endedOn = today < row.startDate ? addDays(row.startDate, -1) : today;
    insertDeviation(db, id, {
      kind: 'stop',
      fromDate: endedOn < row.startDate ? row.startDate : endedOn,
      toDate: row.endDate,
      reason,
      recordedAt: now.toISOString(),
    });
    markEnded(db, id, endedOn, reason);
  })();
  return experimentDetail(db, id, today, false, now);
}

export function pauseExperiment(
  db: Db,
  input: { id: number; fromDate: string; toDate: string; reason: string },
  today: string,
  now: Date,
): ExperimentDetail {
  db.transaction(() => {
    const row = readExperiment(db, input.id);
    if (row.endedOn !== null)
      throw new AppError('INVALID_INPUT', 'This experiment has ended; a pause can no longer be added.');
    if (input.fromDate < row.startDate || input.toDate > row.endDate) {
      throw new AppError(
        'INVALID_INPUT',
        `A pause must fall within the experiment (${row.startDate} to ${row.endDate}).`,
      );
    }
    insertDeviation(db, input.id, {
      kind: 'pause',
      fromDate: input.fromDate,
      toDate: input.toDate,
      reason: input.reason,
      recordedAt: now.toISOString(),
    });
  })();
  return experimentDetail(db, input.id, today, false, now);
}

export function checkIn(
  db: Db,
  input: { id: number; date: string; followed: boolean | null },
  today: string,
  now: Date,
): TodayAssignment {
  const row = readExperiment(db, input.id);
  if (input.date > today) throw new AppError('INVALID_INPUT', 'That day has not come yet.');
  if (input.date < row.startDate || input.date > row.endDate)
    throw new AppError('INVALID_INPUT', 'That day is not part of this experiment.');
  writeCheckIn(db, input.id, input.date, input.followed, now.toISOString());
  const assignment = assignmentsOn(db, input.date, today).find((a) => a.experimentId === input.id);
  if (!assignment) throw new AppError('INVALID_INPUT', 'This experiment was not running that day.');
  return assignment;
}

/** What each experiment running on `date` asks for that day (the Day view's line). */
export function assignmentsOn(db: Db, date: string, today: string): TodayAssignment[] {
  const rows = db
    .prepare(
      'SELECT id FROM experiments WHERE start_date <= ? AND end_date >= ? AND (ended_on IS NULL OR ended_on >= ?) ORDER BY start_date, id',
    )
    .pluck()
    .all(date, date, date) as number[];
  return rows.flatMap((id) => {
    const loaded = load(db, id, today);
    const day = loaded.schedule.find((d) => d.date === date);
    if (!day || loaded.paused.has(date)) return [];
    const plan = loaded.row.plan;
    const blockCount = plan.design === 'before-after' ? 2 : 2 * plan.pairs;
    const exposed = exposureOf(plan, loaded.factor.get(date));
    const checked = loaded.checkIns.get(date);
    const followed = exposed !== null ? exposed === (day.arm === 'on') : (checked ?? null);
    return [
      {
        experimentId: id,
        title: loaded.row.title,
        date,
        arm: day.arm,
        text: day.arm === 'on' ? plan.onText : plan.offText,
        washout: day.washout,
        phase: day.phase,
        block: day.block === null ? 0 : day.block + 1,
        blockCount,
        dayOfBlock: day.dayOfBlock,
        daysInBlock: day.phase === 'run-in' ? plan.runInDays : plan.blockDays,
        followed,
        followedFrom: exposed !== null ? 'journal' : checked !== undefined ? 'check-in' : null,
        needsCheckIn: exposed === null,
      } satisfies TodayAssignment,
    ];
  });
}

/** Finished or ended experiments that overlap a period, for the dermatologist report. */
export function finishedExperimentsIn(
  db: Db,
  from: string,
  to: string,
  today: string,
  now: Date = new Date(timestamp(db)),
): ReportExperiment[] {
  return listExperimentRows(db)
    .reverse()
    .filter((row) => row.startDate <= to && (row.endedOn ?? row.endDate) >= from)
    .map((row) => experimentDetail(db, row.id, today, false, now))
    .filter((detail) => detail.state === 'finished' || detail.state === 'stopped')
    .map(
      (detail) =>
        Object.fromEntries(FINISHED_EXPERIMENT_FIELDS.map((field) => [field, detail[field]])) as ReportExperiment,
    );
}
