import { z } from 'zod';
import { dayEntryInput, isoDate } from './journal';
import { BODY_AREA_KEYS, FACTOR_KINDS, FOOD_CATEGORIES, MEAL_KINDS, TREATMENT_KINDS } from './journalTerms';
import { SESSION_TYPES } from './meditationTerms';
import { exportedExperiment } from './experiments';
import { IMPORT_FORMATS } from './importFromTerms';
import { exportedImport, exportedImportMapping } from './importHistoryExport';
import { exportedSettings } from './settings';
import { formatCount } from './words';

/**
 * The complete JSON export: everything in the journal, with references by name (conditions,
 * foods, custom factors) or by position (treatments, whose names may repeat) instead of
 * database ids, so it can be read by people and imported into any vault.
 */
export const EXPORT_FORMAT = 'axis-journal-export';
export const EXPORT_FORMAT_VERSION = 1;

const name = (max: number) => z.string().trim().min(1).max(max);
const day = dayEntryInput.shape;

export const exportedDay = z
  .object({
    date: isoDate,
    skin: z
      .array(
        day.skin.element
          .omit({ conditionId: true })
          .extend({ condition: name(60) })
          .strict(),
      )
      .max(30),
    meals: z
      .array(
        day.meals.element
          .omit({ foods: true })
          .extend({ foods: z.array(z.object({ food: name(80), servings: z.number().gt(0).max(20) }).strict()).max(60) })
          .strict(),
      )
      .max(30),
    bowelMovements: day.bowelMovements,
    gut: day.gut,
    lifestyle: day.lifestyle,
    treatments: z.array(z.object({ treatment: z.number().int().min(0), taken: z.boolean() }).strict()).max(100),
    custom: z.array(z.object({ factor: name(60), value: z.number().finite() }).strict()).max(100),
    notes: day.notes,
    notesForDermatologist: z.boolean(),
    /** Added in schema 5; older files leave it out (not answered). */
    mealsComplete: z.boolean().nullable().default(null),
  })
  .strict();

/**
 * Caps for what an import may hold. Every array and string in the file has one, so a crafted file
 * is refused after a bounded amount of work instead of exhausting memory (issue 13): a photo is
 * stored re-encoded at most 2048 px wide, far below these.
 */
export const IMPORT_LIMITS = {
  photos: 20_000,
  photoBase64Chars: 16 * 1024 * 1024,
  thumbnailBase64Chars: 1024 * 1024,
  photoPixelsPerSide: 20_000,
} as const;

/** The largest export file `axis import` reads (checked before reading it). */
export const IMPORT_MAX_FILE_BYTES = 256 * 1024 * 1024;

const base64 = (max: number) =>
  z
    .string()
    .max(max, 'A photo in the file is too large.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Photo data must be base64.');

export const journalExport = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: 'This is not an Axis Journal export file.' }),
    formatVersion: z.number().int().min(1),
    schemaVersion: z.number().int().min(1),
    appVersion: z.string().max(40),
    exportedAt: z.string().max(40),
    settings: exportedSettings,
    conditions: z
      .array(z.object({ name: name(60), builtinKey: z.string().max(40).nullable(), tracked: z.boolean() }).strict())
      .max(200),
    foods: z
      .array(
        z
          .object({
            name: name(80),
            builtinKey: z.string().max(80).nullable(),
            plant: z.boolean(),
            archived: z.boolean(),
            categories: z.array(z.enum(FOOD_CATEGORIES)).max(FOOD_CATEGORIES.length),
          })
          .strict(),
      )
      .max(20_000),
    treatments: z
      .array(
        z
          .object({
            name: name(80),
            kind: z.enum(TREATMENT_KINDS),
            dose: z.string().max(200),
            startedOn: isoDate.nullable(),
            stoppedOn: isoDate.nullable(),
          })
          .strict(),
      )
      .max(1_000),
    customFactors: z
      .array(
        z
          .object({ name: name(60), kind: z.enum(FACTOR_KINDS), unit: z.string().max(20), archived: z.boolean() })
          .strict(),
      )
      .max(500),
    days: z.array(exportedDay).max(40_000),
    meditationSessions: z
      .array(
        z
          .object({
            date: isoDate,
            startedAt: z.string().max(40),
            type: z.enum(SESSION_TYPES),
            plannedSeconds: z.number().int().positive().max(43_200).nullable(),
            actualSeconds: z.number().int().min(1).max(43_200),
            stressBefore: z.number().int().min(0).max(10).nullable(),
            stressAfter: z.number().int().min(0).max(10).nullable(),
            note: z.string().max(2_000),
          })
          .strict(),
      )
      .max(100_000),
    /** Usual meals (templates), foods by name. Absent in files from before they existed. */
    usualMeals: z
      .array(
        z
          .object({
            name: name(60),
            kind: z.enum(MEAL_KINDS),
            foods: z
              .array(z.object({ food: name(80), servings: z.number().gt(0).max(20) }).strict())
              .min(1)
              .max(60),
          })
          .strict(),
      )
      .max(500)
      .optional(),
    /** Weekly eczema checks (POEM): the date filled in and the seven answers 0–4 in question order. */
    poem: z
      .array(z.object({ date: isoDate, answers: z.array(z.number().int().min(0).max(4)).length(7) }).strict())
      .max(20_000)
      .optional(),
    /** Self-experiments with their frozen plans, deviations and check-ins. */
    experiments: z.array(exportedExperiment).max(1000).optional(),
    /** Imports from other apps, value by value (provenance and undo), and the mappings remembered per app. */
    importHistory: z.array(exportedImport).max(10_000).optional(),
    importMappings: z.array(exportedImportMapping).max(IMPORT_FORMATS.length).optional(),
    photos: z
      .array(
        z
          .object({
            date: isoDate,
            bodyArea: z.enum(BODY_AREA_KEYS),
            mime: z.enum(['image/jpeg', 'image/webp']),
            width: z.number().int().positive().max(IMPORT_LIMITS.photoPixelsPerSide),
            height: z.number().int().positive().max(IMPORT_LIMITS.photoPixelsPerSide),
            image: base64(IMPORT_LIMITS.photoBase64Chars),
            thumbnail: base64(IMPORT_LIMITS.thumbnailBase64Chars),
          })
          .strict(),
      )
      .max(IMPORT_LIMITS.photos, `A file can hold at most ${formatCount(IMPORT_LIMITS.photos)} photos.`)
      .optional(),
  })
  .strict();

export type JournalExport = z.output<typeof journalExport>;
export type ExportedDay = z.output<typeof exportedDay>;

/** What an import would do (a dry run) or did. */
export interface ImportSummary {
  days: { added: number; replaced: number };
  meditationSessions: { added: number; alreadyThere: number };
  photos: { added: number; alreadyThere: number };
  poem: { added: number; replaced: number };
  usualMeals: { added: number; replaced: number };
  conditions: { added: number };
  foods: { added: number };
  treatments: { added: number };
  customFactors: { added: number };
  settings: { replaced: number };
  experiments?: { added: number; alreadyThere: number };
  importHistory?: { added: number; alreadyThere: number };
}
