import type { ImportSummary } from '../../contract/dataExport';
import type { ExperimentPlan, ExportedExperiment } from '../../contract/experiments';
import { csvDocument, type CsvValue } from '../data/csv';
import { timestamp } from '../clock';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { addDays } from '../journal/dates';
import { planLengthDays } from './schedule';
import { experimentDetail } from './service';
import {
  insertDeviation,
  insertExperiment,
  listExperimentRows,
  markEnded,
  readCheckIns,
  readDeviations,
  writeCheckIn,
} from './store';

/** A key's name in this journal, the way `relink` looks it up again in another (the key itself otherwise). */
function labelOf(db: Db, key: string): string {
  const match = /^(treatment|custom|skin\.severity|skin\.itch|skin\.flare)\.(\d+)$/.exec(key);
  if (!match) return key;
  const [, kind, id] = match;
  const table = kind === 'treatment' ? 'treatments' : kind === 'custom' ? 'custom_factors' : 'conditions';
  const name = db.prepare(`SELECT name FROM ${table} WHERE id = ?`).pluck().get(Number(id)) as string | undefined;
  if (name === undefined) return key;
  const suffix = { 'skin.severity': ' severity', 'skin.itch': ' itch', 'skin.flare': ' flare' }[kind!] ?? '';
  return name + suffix;
}

/** Every experiment for the JSON export: the frozen plan, what happened to it, and the one-tap answers. */
export function exportExperiments(db: Db): ExportedExperiment[] {
  return listExperimentRows(db)
    .reverse()
    .map((row) => ({
      title: row.title,
      plan: { ...row.plan, secondaryLabels: row.plan.secondaryKeys.map((key) => labelOf(db, key)) },
      createdAt: row.createdAt,
      endedOn: row.endedOn,
      endReason: row.endReason,
      deviations: readDeviations(db, row.id).map(({ id: _id, ...d }) => d),
      checkIns: [...readCheckIns(db, row.id)].map(([date, followed]) => ({ date, followed })),
    }));
}

/**
 * The keys of another journal point at its own ids (treatment.3, custom.2, skin.severity.1): they
 * are re-linked by name here. Keys without an id (food.dairy, life.stress) are the same everywhere.
 */
function relink(db: Db, key: string, label: string): string | null {
  const match = /^(treatment|custom|skin\.severity|skin\.itch|skin\.flare)\.\d+$/.exec(key);
  if (!match) return key;
  const kind = match[1]!;
  if (kind === 'treatment') {
    const id = db.prepare('SELECT id FROM treatments WHERE name = ? ORDER BY id LIMIT 1').pluck().get(label) as
      number | undefined;
    return id === undefined ? null : `treatment.${id}`;
  }
  if (kind === 'custom') {
    const id = db.prepare('SELECT id FROM custom_factors WHERE name = ? ORDER BY id LIMIT 1').pluck().get(label) as
      number | undefined;
    return id === undefined ? null : `custom.${id}`;
  }
  const suffix = { 'skin.severity': ' severity', 'skin.itch': ' itch', 'skin.flare': ' flare' }[kind]!;
  const name = label.endsWith(suffix) ? label.slice(0, -suffix.length) : label;
  const id = db.prepare('SELECT id FROM conditions WHERE name = ? ORDER BY id LIMIT 1').pluck().get(name) as
    number | undefined;
  return id === undefined ? null : `${kind}.${id}`;
}

/** Adds the file's experiments (inside the import's transaction); one already there is left as it is. */
export function importExperiments(db: Db, experiments: readonly ExportedExperiment[], summary: ImportSummary): void {
  const counts = { added: 0, alreadyThere: 0 };
  summary.experiments = counts;
  const same = db.prepare(
    'SELECT 1 FROM experiments WHERE start_date = ? AND factor_key = ? AND outcome_key = ? AND design = ?',
  );
  for (const experiment of experiments) {
    const source = experiment.plan;
    const factorKey = relink(db, source.factorKey, source.factorLabel);
    const outcomeKey = relink(db, source.outcomeKey, source.outcomeLabel);
    if (!factorKey || !outcomeKey) {
      throw new AppError(
        'IMPORT_INVALID',
        `The experiment “${experiment.title}” refers to ${factorKey ? source.outcomeLabel : source.factorLabel}, which is not in the file or this journal. Nothing was imported.`,
      );
    }
    const { secondaryLabels, ...frozen } = source;
    // Older files carry no names for secondary outcomes: those pointing at an id cannot be re-linked.
    const secondaryKeys = source.secondaryKeys.flatMap((key, i) => {
      const label = secondaryLabels?.[i];
      if (label === undefined) return /\.\d+$/.test(key) ? [] : [key];
      const linked = relink(db, key, label);
      if (!linked) {
        throw new AppError(
          'IMPORT_INVALID',
          `The experiment “${experiment.title}” also looks at ${label}, which is not in the file or this journal. Nothing was imported.`,
        );
      }
      return [linked];
    });
    const plan: ExperimentPlan = { ...frozen, factorKey, outcomeKey, secondaryKeys };
    if (same.get(plan.startDate, factorKey, outcomeKey, plan.design)) {
      counts.alreadyThere++;
      continue;
    }
    const id = insertExperiment(db, {
      title: experiment.title || `${plan.factorLabel} and ${plan.outcomeLabel.toLowerCase()}`,
      plan,
      startDate: plan.startDate,
      endDate: addDays(plan.startDate, planLengthDays(plan) - 1),
      createdAt: experiment.createdAt,
    });
    for (const deviation of experiment.deviations) insertDeviation(db, id, deviation);
    for (const checkIn of experiment.checkIns)
      writeCheckIn(db, id, checkIn.date, checkIn.followed, experiment.createdAt);
    if (experiment.endedOn !== null) markEnded(db, id, experiment.endedOn, experiment.endReason ?? 'Ended early');
    counts.added++;
  }
}

/**
 * experiments.csv (one row per experiment with its main result; a running one's result stays
 * empty, as in the app), experiment_secondary.csv (each secondary outcome's exploratory result,
 * once the main one is shown) and experiment_days.csv (every planned day with its arm and outcome).
 */
export function experimentCsvFiles(db: Db, today: string): { name: string; content: string }[] {
  const rows: CsvValue[][] = [];
  const days: CsvValue[][] = [];
  const secondary: CsvValue[][] = [];
  for (const row of listExperimentRows(db).reverse()) {
    const detail = experimentDetail(db, row.id, today, false, new Date(timestamp(db)));
    const a = detail.analysis;
    const p = detail.plan;
    rows.push([
      detail.id,
      detail.title,
      p.design,
      p.factorKey,
      p.factorLabel,
      p.outcomeKey,
      p.outcomeLabel,
      p.onText,
      p.offText,
      p.pairs,
      p.blockDays,
      p.washoutDays,
      p.startDate,
      detail.endDate,
      detail.state,
      detail.endedOn,
      detail.endReason,
      p.backdated ? 1 : 0,
      p.seed,
      a?.effect ?? null,
      a?.ciLow ?? null,
      a?.ciHigh ?? null,
      a?.p ?? null,
      a?.daysOn ?? null,
      a?.daysOff ?? null,
      detail.adherence,
      a?.status ?? 'hidden',
    ]);
    for (const outcome of detail.secondary) {
      const s = outcome.analysis;
      secondary.push([
        detail.id,
        outcome.key,
        outcome.label,
        1,
        s.effect,
        s.ciLow,
        s.ciHigh,
        s.p,
        s.daysOn,
        s.daysOff,
        s.status,
      ]);
    }
    const followed = new Map(detail.adherenceDays.map((d) => [d.date, d.followed]));
    detail.schedule.forEach((day, i) => {
      const answer = followed.get(day.date);
      days.push([
        detail.id,
        day.date,
        day.arm,
        day.washout ? 1 : 0,
        day.phase,
        day.block === null ? null : day.block + 1,
        detail.outcome[i] ?? null,
        answer === undefined || answer === null ? null : answer ? 1 : 0,
      ]);
    });
  }
  return [
    {
      name: 'experiments.csv',
      content: csvDocument(
        [
          'experiment_id',
          'title',
          'design',
          'factor_key',
          'factor',
          'outcome_key',
          'outcome',
          'on_means',
          'off_means',
          'pairs',
          'block_days',
          'washout_days',
          'start_date',
          'end_date',
          'state',
          'ended_on',
          'end_reason',
          'planned_after_the_fact',
          'seed',
          'effect',
          'ci_low',
          'ci_high',
          'p',
          'days_on',
          'days_off',
          'adherence',
          'status',
        ],
        rows,
      ),
    },
    {
      name: 'experiment_secondary.csv',
      content: csvDocument(
        [
          'experiment_id',
          'outcome_key',
          'outcome',
          'exploratory',
          'effect',
          'ci_low',
          'ci_high',
          'p',
          'days_on',
          'days_off',
          'status',
        ],
        secondary,
      ),
    },
    {
      name: 'experiment_days.csv',
      content: csvDocument(['experiment_id', 'date', 'arm', 'washout', 'phase', 'block', 'outcome', 'followed'], days),
    },
  ];
}
