/**
 * Words of "Import from another app" that the page needs too, free of zod.
 */

export const IMPORT_FORMATS = [
  'bearable',
  'daylio',
  'flaredown',
  'mysymptoms',
  'apple-health',
  'google-fit',
  'csv',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  bearable: 'Bearable (CSV export)',
  daylio: 'Daylio (CSV export)',
  flaredown: 'Flaredown (CSV export)',
  mysymptoms: 'mySymptoms (CSV diary report)',
  'apple-health': 'Apple Health (export.zip or export.xml)',
  'google-fit': 'Google Fit / Fitbit (daily activity metrics CSV)',
  csv: 'Any CSV with one row per day',
};

/**
 * What a source item holds: a number already on 0–10 (scale), a measured amount (number), something
 * that happened that day (event: 1, or 0 for "not taken"), text (notes), or a word the person ranks
 * (label: Daylio's moods).
 */
export const ITEM_KINDS = ['scale', 'number', 'event', 'text', 'label'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Built-in day fields an item may fill, with their kind and limits. */
export const IMPORT_FIELDS = {
  mood: { label: 'Mood (0–10)', kind: 'scale', min: 0, max: 10, integer: true },
  stress: { label: 'Stress (0–10)', kind: 'scale', min: 0, max: 10, integer: true },
  sleepQuality: { label: 'Sleep quality (0–10)', kind: 'scale', min: 0, max: 10, integer: true },
  bloating: { label: 'Bloating (0–10)', kind: 'scale', min: 0, max: 10, integer: true },
  discomfort: { label: 'Tummy discomfort (0–10)', kind: 'scale', min: 0, max: 10, integer: true },
  sleepHours: { label: 'Hours of sleep', kind: 'number', min: 0, max: 24, integer: false },
  exerciseMinutes: { label: 'Exercise minutes', kind: 'number', min: 0, max: 1440, integer: true },
  meditationMinutes: { label: 'Meditation minutes', kind: 'number', min: 0, max: 1440, integer: true },
  relaxationMinutes: { label: 'Relaxation minutes', kind: 'number', min: 0, max: 1440, integer: true },
  waterGlasses: { label: 'Glasses of water', kind: 'number', min: 0, max: 40, integer: true },
  cycleDay: { label: 'Cycle day', kind: 'number', min: 1, max: 60, integer: true },
  notes: { label: 'Notes', kind: 'text', min: 0, max: 20_000, integer: false },
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Files larger than these are refused before a byte is read. */
export const IMPORT_LIMITS = {
  /** A CSV export: years of daily tracking are a few MB. */
  csvBytes: 100 * 1024 * 1024,
  /** An Apple Health export.xml (or the zip holding it): 1–3 GB is usual after years with a watch. */
  healthBytes: 6 * 1024 * 1024 * 1024,
  csvRows: 1_000_000,
  csvColumns: 500,
  csvFieldCharacters: 100_000,
  /** Different items (symptoms, activities, columns…) in one file. */
  items: 2_000,
} as const;

export const CONFLICT_POLICIES = ['fill', 'overwrite'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];
