import type { Condition, CustomFactor, JournalSettings, Treatment } from '../../contract/journal';
import type { FactorKind, TreatmentKind } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { AppError } from '../errors';
import { timestamp } from '../clock';

/** The person's own lists: tracked conditions, treatments and custom factors. */

export function listConditions(db: Db): Condition[] {
  return (
    db.prepare('SELECT id, name, builtin_key, tracked FROM conditions ORDER BY sort, id').all() as {
      id: number;
      name: string;
      builtin_key: string | null;
      tracked: number;
    }[]
  ).map((row) => ({ id: row.id, name: row.name, builtin: row.builtin_key !== null, tracked: row.tracked === 1 }));
}

export function saveCondition(db: Db, input: { id?: number | undefined; name: string; tracked: boolean }): Condition[] {
  assertUniqueName(db, 'conditions', input.name, input.id, 'skin condition');
  if (input.id === undefined) {
    const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM conditions').get() as { n: number }).n;
    db.prepare('INSERT INTO conditions (name, tracked, sort, created_at) VALUES (?, ?, ?, ?)').run(
      input.name,
      input.tracked ? 1 : 0,
      sort,
      timestamp(db),
    );
  } else {
    const changed = db
      .prepare('UPDATE conditions SET name = ?, tracked = ? WHERE id = ?')
      .run(input.name, input.tracked ? 1 : 0, input.id);
    if (changed.changes === 0) throw gone('skin condition');
  }
  return listConditions(db);
}

interface TreatmentRow {
  id: number;
  name: string;
  kind: TreatmentKind;
  dose: string;
  started_on: string | null;
  stopped_on: string | null;
}

export function listTreatments(db: Db): Treatment[] {
  return (db.prepare('SELECT * FROM treatments ORDER BY (stopped_on IS NOT NULL), name').all() as TreatmentRow[]).map(
    (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      dose: row.dose,
      startedOn: row.started_on,
      stoppedOn: row.stopped_on,
    }),
  );
}

export function saveTreatment(db: Db, input: Omit<Treatment, 'id'> & { id?: number | undefined }): Treatment[] {
  const values = [input.name, input.kind, input.dose, input.startedOn, input.stoppedOn] as const;
  if (input.id === undefined) {
    db.prepare(
      'INSERT INTO treatments (name, kind, dose, started_on, stopped_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(...values, timestamp(db));
  } else {
    const changed = db
      .prepare('UPDATE treatments SET name = ?, kind = ?, dose = ?, started_on = ?, stopped_on = ? WHERE id = ?')
      .run(...values, input.id);
    if (changed.changes === 0) throw gone('treatment');
  }
  return listTreatments(db);
}

export function listFactors(db: Db): CustomFactor[] {
  return (
    db.prepare('SELECT id, name, kind, unit, archived FROM custom_factors ORDER BY archived, sort, id').all() as {
      id: number;
      name: string;
      kind: FactorKind;
      unit: string;
      archived: number;
    }[]
  ).map((row) => ({ ...row, archived: row.archived === 1 }));
}

export function saveFactor(db: Db, input: Omit<CustomFactor, 'id'> & { id?: number | undefined }): CustomFactor[] {
  assertUniqueName(db, 'custom_factors', input.name, input.id, 'custom factor');
  const unit = input.kind === 'number' ? input.unit : '';
  if (input.id === undefined) {
    const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM custom_factors').get() as { n: number }).n;
    db.prepare(
      'INSERT INTO custom_factors (name, kind, unit, archived, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(input.name, input.kind, unit, input.archived ? 1 : 0, sort, timestamp(db));
  } else {
    const current = db.prepare('SELECT kind FROM custom_factors WHERE id = ?').get(input.id) as
      { kind: FactorKind } | undefined;
    if (!current) throw gone('custom factor');
    const hasValues = db.prepare('SELECT 1 FROM custom_values WHERE factor_id = ? LIMIT 1').get(input.id) !== undefined;
    if (current.kind !== input.kind && hasValues) {
      throw new AppError(
        'INVALID_INPUT',
        'This factor already has values saved, so its kind cannot change (the old values would not fit). Add a new factor instead. Nothing was saved.',
      );
    }
    db.prepare('UPDATE custom_factors SET name = ?, kind = ?, unit = ?, archived = ? WHERE id = ?').run(
      input.name,
      input.kind,
      unit,
      input.archived ? 1 : 0,
      input.id,
    );
  }
  return listFactors(db);
}

const SETTINGS_KEY = 'journal';
const DEFAULT_SETTINGS: JournalSettings = { trackCycle: false };

export function readJournalSettings(db: Db): JournalSettings {
  return { ...DEFAULT_SETTINGS, ...readSetting<Partial<JournalSettings>>(db, SETTINGS_KEY) };
}

export function writeJournalSettings(db: Db, settings: JournalSettings): JournalSettings {
  writeSetting(db, SETTINGS_KEY, settings);
  return readJournalSettings(db);
}

function assertUniqueName(
  db: Db,
  table: 'conditions' | 'custom_factors',
  name: string,
  id: number | undefined,
  what: string,
): void {
  const clash = db.prepare(`SELECT 1 FROM ${table} WHERE name = ? AND id IS NOT ?`).get(name, id ?? null);
  if (clash) throw new AppError('INVALID_INPUT', `There is already a ${what} called "${name}". Nothing was saved.`);
}

function gone(what: string): AppError {
  return new AppError('INVALID_INPUT', `That ${what} no longer exists. Reload and try again.`);
}
