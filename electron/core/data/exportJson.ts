import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportedDay, type JournalExport } from '../../contract/dataExport';
import type { BodyArea, FoodCategory } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { schemaVersion } from '../db/migrate';
import { readDay } from '../day/days';
import { listUsualMeals } from '../journal/usualMeals';
import { listScores } from '../poem/scores';
import { exportExperiments } from '../experiments/exchange';

export interface JsonExportOptions {
  photos: boolean;
  appVersion: string;
  now: Date;
}

/**
 * The whole journal as one JSON document (see contract/dataExport.ts). Read inside one
 * transaction, so it is a consistent picture even if a save arrives meanwhile.
 */
export function exportJournalJson(db: Db, options: JsonExportOptions): JournalExport {
  return db.transaction(() => {
    const conditions = db.prepare('SELECT id, name, builtin_key, tracked FROM conditions ORDER BY sort, id').all() as {
      id: number;
      name: string;
      builtin_key: string | null;
      tracked: number;
    }[];
    const conditionName = new Map(conditions.map((c) => [c.id, c.name]));
    const foods = db
      .prepare(
        `SELECT f.id, f.name, f.builtin_key, f.plant, f.archived,
                (SELECT group_concat(category) FROM food_categories c WHERE c.food_id = f.id) AS categories
         FROM foods f ORDER BY f.name COLLATE NOCASE, f.id`,
      )
      .all() as {
      id: number;
      name: string;
      builtin_key: string | null;
      plant: number;
      archived: number;
      categories: string | null;
    }[];
    const foodName = new Map(foods.map((f) => [f.id, f.name]));
    const treatments = db
      .prepare('SELECT id, name, kind, dose, started_on, stopped_on FROM treatments ORDER BY id')
      .all() as {
      id: number;
      name: string;
      kind: JournalExport['treatments'][number]['kind'];
      dose: string;
      started_on: string | null;
      stopped_on: string | null;
    }[];
    const treatmentRef = new Map(treatments.map((t, index) => [t.id, index]));
    const factors = db.prepare('SELECT id, name, kind, unit, archived FROM custom_factors ORDER BY sort, id').all() as {
      id: number;
      name: string;
      kind: JournalExport['customFactors'][number]['kind'];
      unit: string;
      archived: number;
    }[];
    const factorName = new Map(factors.map((f) => [f.id, f.name]));
    const dates = db.prepare('SELECT date FROM days ORDER BY date').pluck().all() as string[];
    const days: ExportedDay[] = dates.map((date) => {
      const { entry } = readDay(db, date);
      return {
        date,
        skin: entry.skin.map(({ conditionId, ...score }) => ({ ...score, condition: conditionName.get(conditionId)! })),
        meals: entry.meals.map((meal) => ({
          ...meal,
          foods: meal.foods.map((f) => ({ food: foodName.get(f.foodId)!, servings: f.servings })),
        })),
        bowelMovements: entry.bowelMovements,
        gut: entry.gut,
        lifestyle: entry.lifestyle,
        treatments: entry.treatments.map((t) => ({ treatment: treatmentRef.get(t.treatmentId)!, taken: t.taken })),
        custom: entry.custom.flatMap((c) =>
          c.value === null ? [] : [{ factor: factorName.get(c.factorId)!, value: c.value }],
        ),
        notes: entry.notes,
        notesForDermatologist: entry.notesForDermatologist,
        mealsComplete: entry.mealsComplete,
      };
    });
    const sessions = db
      .prepare(
        `SELECT date, started_at, type, planned_seconds, actual_seconds, stress_before, stress_after, note
         FROM meditation_sessions ORDER BY started_at, id`,
      )
      .all() as {
      date: string;
      started_at: string;
      type: JournalExport['meditationSessions'][number]['type'];
      planned_seconds: number | null;
      actual_seconds: number;
      stress_before: number | null;
      stress_after: number | null;
      note: string;
    }[];
    const settings = Object.fromEntries(
      (db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]).map(
        (row) => [row.key, JSON.parse(row.value) as unknown],
      ),
    );
    const result: JournalExport = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      schemaVersion: schemaVersion(db),
      appVersion: options.appVersion,
      exportedAt: options.now.toISOString(),
      settings,
      conditions: conditions.map((c) => ({ name: c.name, builtinKey: c.builtin_key, tracked: c.tracked === 1 })),
      foods: foods.map((f) => ({
        name: f.name,
        builtinKey: f.builtin_key,
        plant: f.plant === 1,
        archived: f.archived === 1,
        categories: f.categories ? (f.categories.split(',').sort() as FoodCategory[]) : [],
      })),
      treatments: treatments.map((t) => ({
        name: t.name,
        kind: t.kind,
        dose: t.dose,
        startedOn: t.started_on,
        stoppedOn: t.stopped_on,
      })),
      customFactors: factors.map((f) => ({ name: f.name, kind: f.kind, unit: f.unit, archived: f.archived === 1 })),
      days,
      meditationSessions: sessions.map((s) => ({
        date: s.date,
        startedAt: s.started_at,
        type: s.type,
        plannedSeconds: s.planned_seconds,
        actualSeconds: s.actual_seconds,
        stressBefore: s.stress_before,
        stressAfter: s.stress_after,
        note: s.note,
      })),
    };
    result.usualMeals = listUsualMeals(db).map((meal) => ({
      name: meal.name,
      kind: meal.kind,
      foods: meal.foods.map((f) => ({ food: foodName.get(f.foodId)!, servings: f.servings })),
    }));
    result.poem = listScores(db)
      .map((entry) => ({ date: entry.date, answers: entry.answers }))
      .reverse();
    result.experiments = exportExperiments(db);
    if (options.photos) {
      const photos = db
        .prepare('SELECT date, body_area, mime, width, height, image, thumbnail FROM photos ORDER BY date, id')
        .all() as {
        date: string;
        body_area: BodyArea;
        mime: 'image/jpeg' | 'image/webp';
        width: number;
        height: number;
        image: Buffer;
        thumbnail: Buffer;
      }[];
      result.photos = photos.map((p) => ({
        date: p.date,
        bodyArea: p.body_area,
        mime: p.mime,
        width: p.width,
        height: p.height,
        image: p.image.toString('base64'),
        thumbnail: p.thumbnail.toString('base64'),
      }));
    }
    return result;
  })();
}
