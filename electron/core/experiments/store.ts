import type { ExperimentDeviation, ExperimentPlan } from '../../contract/experimentsTerms';
import type { Db } from '../db/database';
import { AppError } from '../errors';

export interface ExperimentRow {
  id: number;
  title: string;
  plan: ExperimentPlan;
  startDate: string;
  endDate: string;
  createdAt: string;
  endedOn: string | null;
  endReason: string | null;
}

interface RawRow {
  id: number;
  title: string;
  plan: string;
  start_date: string;
  end_date: string;
  created_at: string;
  ended_on: string | null;
  end_reason: string | null;
}

function toRow(raw: RawRow): ExperimentRow {
  return {
    id: raw.id,
    title: raw.title,
    plan: JSON.parse(raw.plan) as ExperimentPlan,
    startDate: raw.start_date,
    endDate: raw.end_date,
    createdAt: raw.created_at,
    endedOn: raw.ended_on,
    endReason: raw.end_reason,
  };
}

export function insertExperiment(db: Db, row: Omit<ExperimentRow, 'id' | 'endedOn' | 'endReason'>): number {
  const result = db
    .prepare(
      `INSERT INTO experiments (title, plan, factor_key, outcome_key, design, start_date, end_date, backdated, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.title,
      JSON.stringify(row.plan),
      row.plan.factorKey,
      row.plan.outcomeKey,
      row.plan.design,
      row.startDate,
      row.endDate,
      row.plan.backdated ? 1 : 0,
      row.createdAt,
    );
  return Number(result.lastInsertRowid);
}

export function readExperiment(db: Db, id: number): ExperimentRow {
  const raw = db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as RawRow | undefined;
  if (!raw) throw new AppError('INVALID_INPUT', 'That experiment does not exist.');
  return toRow(raw);
}

export function listExperimentRows(db: Db): ExperimentRow[] {
  return (db.prepare('SELECT * FROM experiments ORDER BY start_date DESC, id DESC').all() as RawRow[]).map(toRow);
}

export function readDeviations(db: Db, id: number): ExperimentDeviation[] {
  return (
    db
      .prepare(
        'SELECT id, kind, from_date, to_date, reason, recorded_at FROM experiment_deviations WHERE experiment_id = ? ORDER BY from_date, id',
      )
      .all(id) as {
      id: number;
      kind: ExperimentDeviation['kind'];
      from_date: string;
      to_date: string;
      reason: string;
      recorded_at: string;
    }[]
  ).map((d) => ({
    id: d.id,
    kind: d.kind,
    fromDate: d.from_date,
    toDate: d.to_date,
    reason: d.reason,
    recordedAt: d.recorded_at,
  }));
}

export function insertDeviation(db: Db, id: number, deviation: Omit<ExperimentDeviation, 'id'>): void {
  db.prepare(
    'INSERT INTO experiment_deviations (experiment_id, kind, from_date, to_date, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, deviation.kind, deviation.fromDate, deviation.toDate, deviation.reason, deviation.recordedAt);
}

export function markEnded(db: Db, id: number, endedOn: string, reason: string): void {
  db.prepare('UPDATE experiments SET ended_on = ?, end_reason = ? WHERE id = ? AND ended_on IS NULL').run(
    endedOn,
    reason,
    id,
  );
}

export function readCheckIns(db: Db, id: number): Map<string, boolean> {
  const rows = db.prepare('SELECT date, followed FROM experiment_checkins WHERE experiment_id = ?').all(id) as {
    date: string;
    followed: number;
  }[];
  return new Map(rows.map((r) => [r.date, r.followed === 1]));
}

export function writeCheckIn(db: Db, id: number, date: string, followed: boolean | null, now: string): void {
  if (followed === null) {
    db.prepare('DELETE FROM experiment_checkins WHERE experiment_id = ? AND date = ?').run(id, date);
    return;
  }
  db.prepare(
    `INSERT INTO experiment_checkins (experiment_id, date, followed, recorded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (experiment_id, date) DO UPDATE SET followed = excluded.followed, recorded_at = excluded.recorded_at`,
  ).run(id, date, followed ? 1 : 0, now);
}
