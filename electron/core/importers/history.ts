import { isDeepStrictEqual } from 'node:util';
import type { ImportFormat, ImportRecord, UndoSummary } from '../../contract/importFrom';
import { timestamp } from '../clock';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { emptyDay, readDay, writeDay } from '../day/days';
import { importInternals } from './pipeline';

/** A row of the imports table, as read by the history and by the JSON export. */
export interface ImportRow {
  id: number;
  format: ImportFormat;
  file_name: string;
  file_sha256: string;
  imported_at: string;
  undone_at: string | null;
}

export function listImports(db: Db): ImportRecord[] {
  return (
    db
      .prepare(
        `SELECT i.id, i.format, i.file_name, i.file_sha256, i.imported_at, i.undone_at,
           (SELECT count(*) FROM import_values v WHERE v.import_id = i.id AND v.target <> 'day') AS n_values,
           (SELECT count(DISTINCT date) FROM import_values v WHERE v.import_id = i.id) AS n_days
         FROM imports i ORDER BY i.id DESC`,
      )
      .all() as (ImportRow & { n_values: number; n_days: number })[]
  ).map((r) => ({
    id: r.id,
    format: r.format,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    importedAt: r.imported_at,
    values: r.n_values,
    days: r.n_days,
    undoneAt: r.undone_at,
  }));
}

/**
 * Undoes an import as a whole, in one transaction: each value it wrote goes back to what was
 * there before — unless it was changed by hand since, then it stays and is counted. Days the import
 * created and that hold nothing else are removed; foods, treatments and factors it created are
 * removed when nothing refers to them any more; conditions it started tracking stop being tracked.
 */
export function undoImport(db: Db, id: number, today: string): UndoSummary {
  const row = db.prepare('SELECT id, undone_at FROM imports WHERE id = ?').get(id) as
    { id: number; undone_at: string | null } | undefined;
  if (!row) throw new AppError('INVALID_INPUT', `There is no import number ${id}.`);
  if (row.undone_at)
    throw new AppError('INVALID_INPUT', `Import ${id} was already undone on ${row.undone_at.slice(0, 10)}.`);
  const summary: UndoSummary = { id, restored: 0, keptBecauseEdited: 0, daysRemoved: 0 };
  db.transaction(() => {
    const values = db
      .prepare('SELECT date, target, value, previous FROM import_values WHERE import_id = ? ORDER BY date')
      .all(id) as {
      date: string;
      target: string;
      value: string;
      previous: string;
    }[];
    const byDate = new Map<string, typeof values>();
    for (const v of values) byDate.set(v.date, [...(byDate.get(v.date) ?? []), v]);
    for (const [date, records] of byDate) {
      const view = readDay(db, date);
      if (!view.saved) continue;
      const entry = structuredClone(view.entry);
      let createdDay = false;
      for (const r of records) {
        if (r.target === 'day') {
          createdDay = true;
          continue;
        }
        const target = importInternals.targetFromId(db, r.target);
        if (!target) continue;
        const current = importInternals.currentValue(entry, target);
        const imported = target.kind === 'food' ? true : (JSON.parse(r.value) as number | string | boolean);
        const same =
          typeof current === 'number' && typeof imported === 'number'
            ? Math.abs(current - imported) < 1e-9
            : current === imported;
        if (!same) {
          summary.keptBecauseEdited++;
          continue;
        }
        const previous = JSON.parse(r.previous) as number | string | boolean | null;
        if (target.kind === 'skin' && previous === null) {
          const score = entry.skin.find((s) => s.conditionId === target.id);
          const untouched =
            score &&
            score.itch === null &&
            score.sleepLost === null &&
            score.newLesions === null &&
            !score.flare &&
            score.areas.length === 0;
          if (untouched) entry.skin = entry.skin.filter((s) => s.conditionId !== target.id);
          else importInternals.setValue(entry, target, null, 'snack');
        } else if (target.kind === 'food') {
          const meal = JSON.parse(r.value) as string;
          importInternals.setValue(entry, target, null, 'snack');
          entry.meals = entry.meals.filter((m) => m.foods.length > 0 || m.kind !== meal);
        } else importInternals.setValue(entry, target, previous, 'snack');
        summary.restored++;
      }
      // Compared as values, not as JSON text: the order of a day's fields is not part of what it says.
      const empty = isDeepStrictEqual({ ...entry, notesForDermatologist: false }, emptyDay(date));
      if (createdDay && empty) {
        db.prepare('DELETE FROM days WHERE date = ?').run(date);
        summary.daysRemoved++;
      } else writeDay(db, entry, date > today ? date : today);
    }
    const created = db.prepare('SELECT kind, ref_id FROM import_created WHERE import_id = ?').all(id) as {
      kind: string;
      ref_id: number;
    }[];
    for (const c of created) {
      if (c.kind === 'food' && !db.prepare('SELECT 1 FROM meal_foods WHERE food_id = ? LIMIT 1').get(c.ref_id))
        db.prepare('DELETE FROM foods WHERE id = ?').run(c.ref_id);
      if (
        c.kind === 'treatment' &&
        !db.prepare('SELECT 1 FROM treatment_doses WHERE treatment_id = ? LIMIT 1').get(c.ref_id)
      )
        db.prepare('DELETE FROM treatments WHERE id = ?').run(c.ref_id);
      if (c.kind === 'factor' && !db.prepare('SELECT 1 FROM custom_values WHERE factor_id = ? LIMIT 1').get(c.ref_id))
        db.prepare('DELETE FROM custom_factors WHERE id = ?').run(c.ref_id);
      if (c.kind === 'condition_tracked') db.prepare('UPDATE conditions SET tracked = 0 WHERE id = ?').run(c.ref_id);
    }
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(timestamp(db), id);
  })();
  return summary;
}
