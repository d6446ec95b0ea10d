import type { ImportSummary, JournalExport } from '../../contract/dataExport';
import type { DayEntry } from '../../contract/journal';
import type { BodyArea } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { latestVersion } from '../db/migrate';
import { writeSetting } from '../db/settings';
import { isAppError } from '../errors';
import { writeDay } from '../day/days';
import { preparePhoto } from '../journal/photos';
import { invalidImport as invalid, validateJournalExport } from './importValidation';
import { saveUsualMeal } from '../journal/usualMeals';
import { readScore, saveScore } from '../poem/scores';
import { timestamp } from '../clock';
import { importExperiments } from '../experiments/exchange';

export { withoutBom } from './importValidation';

/** Thrown inside the transaction to undo a dry run; never escapes this module. */
class DryRunDone extends Error {}

/**
 * Imports a JSON export: checked completely first, then applied in one transaction, so a file
 * with any problem changes nothing. Days in the file replace the same dates here; sessions and
 * photos already present are left alone; conditions, foods, treatments and factors are matched
 * by name (built-ins by key) and added when missing. `dryRun` does all of it and rolls back,
 * giving the summary of what would happen.
 *
 * This checks `raw` on this thread; the hosts check the file in a worker first
 * (`readJournalExport`) and call `applyJournalExport` with the result.
 */
export async function importJournalJson(
  db: Db | (() => Db),
  raw: unknown,
  options: { dryRun: boolean; today: string },
): Promise<ImportSummary> {
  return applyJournalExport(db, validateJournalExport(raw, latestVersion()), options);
}

/**
 * Applies a checked export. Its photos first go through the same sanitiser as photos added in the
 * app (sharp re-encode: EXIF and GPS dropped, dimensions read from the decoded image, anything
 * that is not a JPEG, PNG or WebP image refused) — before the transaction, so nothing is written
 * if one of them is refused. `db` may be a getter, read again after that work (the journal may
 * have locked meanwhile).
 */
export async function applyJournalExport(
  db: Db | (() => Db),
  file: JournalExport,
  options: { dryRun: boolean; today: string },
): Promise<ImportSummary> {
  const journal = typeof db === 'function' ? db : () => db;
  const photos = await sanitisePhotos(journal, file);
  return applyInTransaction(journal(), file, photos, options);
}

function applyInTransaction(
  db: Db,
  file: JournalExport,
  photos: SanitisedPhoto[],
  options: { dryRun: boolean; today: string },
): ImportSummary {
  const summary: ImportSummary = {
    days: { added: 0, replaced: 0 },
    meditationSessions: { added: 0, alreadyThere: 0 },
    photos: { added: 0, alreadyThere: 0 },
    poem: { added: 0, replaced: 0 },
    usualMeals: { added: 0, replaced: 0 },
    conditions: { added: 0 },
    foods: { added: 0 },
    treatments: { added: 0 },
    customFactors: { added: 0 },
    settings: { replaced: 0 },
  };
  try {
    db.transaction(() => {
      const conditionIds = importConditions(db, file, summary);
      const foodIds = importFoods(db, file, summary);
      const treatmentIds = importTreatments(db, file, summary);
      const factorIds = importFactors(db, file, summary);
      // Only the app's own settings, each checked against its schema (unknown keys are left out).
      for (const [key, value] of Object.entries(file.settings)) {
        if (value === undefined) continue;
        writeSetting(db, key, value);
        summary.settings.replaced++;
      }
      const exists = db.prepare('SELECT 1 FROM days WHERE date = ?');
      for (const day of file.days) {
        const entry: DayEntry = {
          ...day,
          skin: day.skin.map(({ condition, ...score }) => ({
            ...score,
            conditionId: lookup(conditionIds, condition, 'skin condition', day.date),
          })),
          meals: day.meals.map((meal) => ({
            ...meal,
            foods: meal.foods.map((f) => ({ foodId: lookup(foodIds, f.food, 'food', day.date), servings: f.servings })),
          })),
          treatments: day.treatments.map((t) => ({ treatmentId: treatmentIds[t.treatment]!, taken: t.taken })),
          custom: day.custom.map((c) => ({
            factorId: lookup(factorIds, c.factor, 'custom factor', day.date),
            value: c.value,
          })),
        };
        if (exists.get(day.date)) summary.days.replaced++;
        else summary.days.added++;
        try {
          writeDay(db, entry, options.today);
        } catch (error) {
          if (isAppError(error))
            throw invalid(
              `The day ${day.date} cannot be imported: ${error.message.replace(/ Nothing was saved\.$/, '')}`,
            );
          throw error;
        }
      }
      importUsualMeals(db, file, foodIds, summary);
      importSessions(db, file, summary);
      for (const check of file.poem ?? []) {
        if (readScore(db, check.date)) summary.poem.replaced++;
        else summary.poem.added++;
        try {
          saveScore(db, check, options.today);
        } catch (error) {
          if (isAppError(error))
            throw invalid(`The eczema check of ${check.date} cannot be imported: ${error.message}`);
          throw error;
        }
      }
      importPhotos(db, photos, summary);
      importExperiments(db, file.experiments ?? [], summary);
      if (options.dryRun) throw new DryRunDone();
    })();
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return summary;
}

type NameMap = Map<string, number>;

function lookup(ids: NameMap, name: string, what: string, date: string): number {
  const id = ids.get(name.toLowerCase());
  if (id === undefined)
    throw invalid(`The day ${date} refers to the ${what} "${name}", which is neither in the file nor in this journal.`);
  return id;
}

function namesToIds(db: Db, table: string): NameMap {
  return new Map(
    (db.prepare(`SELECT id, name FROM ${table}`).all() as { id: number; name: string }[]).map((row) => [
      row.name.toLowerCase(),
      row.id,
    ]),
  );
}

function importConditions(db: Db, file: JournalExport, summary: ImportSummary): NameMap {
  const now = timestamp(db);
  for (const condition of file.conditions) {
    const existing = (
      condition.builtinKey
        ? db.prepare('SELECT id FROM conditions WHERE builtin_key = ?').get(condition.builtinKey)
        : db.prepare('SELECT id FROM conditions WHERE name = ?').get(condition.name)
    ) as { id: number } | undefined;
    if (existing) {
      db.prepare('UPDATE conditions SET name = ?, tracked = ? WHERE id = ?').run(
        condition.name,
        condition.tracked ? 1 : 0,
        existing.id,
      );
    } else {
      const sort = db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM conditions').pluck().get() as number;
      db.prepare('INSERT INTO conditions (builtin_key, name, tracked, sort, created_at) VALUES (?, ?, ?, ?, ?)').run(
        condition.builtinKey,
        condition.name,
        condition.tracked ? 1 : 0,
        sort,
        now,
      );
      summary.conditions.added++;
    }
  }
  return namesToIds(db, 'conditions');
}

function importFoods(db: Db, file: JournalExport, summary: ImportSummary): NameMap {
  const now = timestamp(db);
  const setCategories = (id: number, categories: readonly string[]) => {
    db.prepare('DELETE FROM food_categories WHERE food_id = ?').run(id);
    const insert = db.prepare('INSERT INTO food_categories (food_id, category) VALUES (?, ?)');
    for (const category of categories) insert.run(id, category);
  };
  for (const food of file.foods) {
    const existing = (
      food.builtinKey
        ? db.prepare('SELECT id FROM foods WHERE builtin_key = ? OR name = ?').get(food.builtinKey, food.name)
        : db.prepare('SELECT id FROM foods WHERE name = ?').get(food.name)
    ) as { id: number } | undefined;
    if (existing) {
      db.prepare('UPDATE foods SET plant = ?, archived = ? WHERE id = ?').run(
        food.plant ? 1 : 0,
        food.archived ? 1 : 0,
        existing.id,
      );
      setCategories(existing.id, food.categories);
    } else {
      const id = Number(
        db
          .prepare('INSERT INTO foods (builtin_key, name, plant, archived, created_at) VALUES (NULL, ?, ?, ?, ?)')
          .run(food.name, food.plant ? 1 : 0, food.archived ? 1 : 0, now).lastInsertRowid,
      );
      setCategories(id, food.categories);
      summary.foods.added++;
    }
  }
  return namesToIds(db, 'foods');
}

/** Treatments may share a name, so they match on every field; the result maps file position → id. */
function importTreatments(db: Db, file: JournalExport, summary: ImportSummary): number[] {
  const now = timestamp(db);
  return file.treatments.map((t) => {
    const existing = db
      .prepare(
        'SELECT id FROM treatments WHERE name = ? AND kind = ? AND dose = ? AND started_on IS ? AND stopped_on IS ?',
      )
      .get(t.name, t.kind, t.dose, t.startedOn, t.stoppedOn) as { id: number } | undefined;
    if (existing) return existing.id;
    summary.treatments.added++;
    return Number(
      db
        .prepare(
          'INSERT INTO treatments (name, kind, dose, started_on, stopped_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(t.name, t.kind, t.dose, t.startedOn, t.stoppedOn, now).lastInsertRowid,
    );
  });
}

function importFactors(db: Db, file: JournalExport, summary: ImportSummary): NameMap {
  const now = timestamp(db);
  for (const factor of file.customFactors) {
    const existing = db.prepare('SELECT id, kind FROM custom_factors WHERE name = ?').get(factor.name) as
      { id: number; kind: string } | undefined;
    if (existing) {
      if (existing.kind !== factor.kind) {
        throw invalid(
          `Your factor "${factor.name}" is a different kind here (${existing.kind}) than in the file (${factor.kind}).`,
        );
      }
      db.prepare('UPDATE custom_factors SET unit = ?, archived = ? WHERE id = ?').run(
        factor.unit,
        factor.archived ? 1 : 0,
        existing.id,
      );
    } else {
      const sort = db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM custom_factors').pluck().get() as number;
      db.prepare(
        'INSERT INTO custom_factors (name, kind, unit, archived, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(factor.name, factor.kind, factor.unit, factor.archived ? 1 : 0, sort, now);
      summary.customFactors.added++;
    }
  }
  return namesToIds(db, 'custom_factors');
}

/** Usual meals are matched by name: one in the file replaces the one of the same name here. */
function importUsualMeals(db: Db, file: JournalExport, foodIds: NameMap, summary: ImportSummary): void {
  for (const meal of file.usualMeals ?? []) {
    const foods = meal.foods.map((f) => {
      const id = foodIds.get(f.food.toLowerCase());
      if (id === undefined)
        throw invalid(
          `The usual meal "${meal.name}" refers to the food "${f.food}", which is neither in the file nor in this journal.`,
        );
      return { foodId: id, servings: f.servings };
    });
    const existing = db.prepare('SELECT id FROM usual_meals WHERE name = ?').get(meal.name) as
      { id: number } | undefined;
    try {
      saveUsualMeal(db, { ...(existing ? { id: existing.id } : {}), name: meal.name, kind: meal.kind, foods });
    } catch (error) {
      if (isAppError(error))
        throw invalid(
          `The usual meal "${meal.name}" cannot be imported: ${error.message.replace(/ Nothing was saved\.$/, '')}`,
        );
      throw error;
    }
    if (existing) summary.usualMeals.replaced++;
    else summary.usualMeals.added++;
  }
}

/** Sessions go in as recorded: the days' meditation minutes come from the file's days. */
function importSessions(db: Db, file: JournalExport, summary: ImportSummary): void {
  const now = timestamp(db);
  const exists = db.prepare('SELECT 1 FROM meditation_sessions WHERE date = ? AND started_at = ?');
  const insert = db.prepare(
    `INSERT INTO meditation_sessions (date, started_at, type, planned_seconds, actual_seconds, stress_before, stress_after, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of file.meditationSessions) {
    if (exists.get(s.date, s.startedAt)) {
      summary.meditationSessions.alreadyThere++;
      continue;
    }
    insert.run(
      s.date,
      s.startedAt,
      s.type,
      s.plannedSeconds,
      s.actualSeconds,
      s.stressBefore,
      s.stressAfter,
      s.note,
      now,
    );
    summary.meditationSessions.added++;
  }
}

interface SanitisedPhoto {
  date: string;
  bodyArea: BodyArea;
  /** The bytes as they were in the file: an export of a photo already here matches them exactly. */
  original: Buffer;
  /** Re-encoded, or null when the original is already in this journal. */
  prepared: Awaited<ReturnType<typeof preparePhoto>> | null;
}

/** Every photo of the file through preparePhoto, one at a time (sharp works off this thread). */
async function sanitisePhotos(journal: () => Db, file: JournalExport): Promise<SanitisedPhoto[]> {
  const out: SanitisedPhoto[] = [];
  for (const photo of file.photos ?? []) {
    const original = Buffer.from(photo.image, 'base64');
    const here = journal()
      .prepare('SELECT 1 FROM photos WHERE date = ? AND body_area = ? AND image = ?')
      .get(photo.date, photo.bodyArea, original);
    if (here) {
      out.push({ date: photo.date, bodyArea: photo.bodyArea, original, prepared: null });
      continue;
    }
    try {
      out.push({ date: photo.date, bodyArea: photo.bodyArea, original, prepared: await preparePhoto(original) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw invalid(
        `A photo from ${photo.date} cannot be imported: ${error.message.replace(/ The photo was not saved\.$/, '')}`,
      );
    }
  }
  return out;
}

function importPhotos(db: Db, photos: SanitisedPhoto[], summary: ImportSummary): void {
  const now = timestamp(db);
  const exists = db.prepare('SELECT 1 FROM photos WHERE date = ? AND body_area = ? AND image = ?');
  const insert = db.prepare(
    'INSERT INTO photos (date, body_area, mime, width, height, image, thumbnail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const photo of photos) {
    // Already here as it is in the file, or as the same file re-encoded by an earlier import.
    const { prepared } = photo;
    if (
      !prepared ||
      exists.get(photo.date, photo.bodyArea, photo.original) ||
      exists.get(photo.date, photo.bodyArea, prepared.image)
    ) {
      summary.photos.alreadyThere++;
      continue;
    }
    insert.run(
      photo.date,
      photo.bodyArea,
      'image/jpeg',
      prepared.width,
      prepared.height,
      prepared.image,
      prepared.thumbnail,
      now,
    );
    summary.photos.added++;
  }
}
