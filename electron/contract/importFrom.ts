import { z } from 'zod';
import { FACTOR_KINDS } from './journalTerms';
import { CONFLICT_POLICIES, IMPORT_FIELD_KEYS, IMPORT_FORMATS, ITEM_KINDS, type ImportFormat } from './importFromTerms';
import { MAX_UPLOAD_CHARACTERS } from './dataTerms';
export * from './importFromTerms';

const name = z.string().trim().min(1).max(80);

/** Where one source item goes. Names, not ids, so a mapping file can be read and edited by people. */
export const importDestination = z.discriminatedUnion('type', [
  z.object({ type: z.literal('skip') }).strict(),
  z.object({ type: z.literal('field'), field: z.enum(IMPORT_FIELD_KEYS as [string, ...string[]]) }).strict(),
  z.object({ type: z.literal('condition'), name }).strict(),
  z.object({ type: z.literal('food'), name }).strict(),
  z.object({ type: z.literal('treatment'), name }).strict(),
  z
    .object({
      type: z.literal('factor'),
      name: z.string().trim().min(1).max(60),
      kind: z.enum(FACTOR_KINDS).optional(),
      unit: z.string().max(20).optional(),
    })
    .strict(),
]);
export type ImportDestination = z.output<typeof importDestination>;

export const importMappingItem = z
  .object({
    key: z.string().min(1).max(300),
    label: z.string().max(300),
    kind: z.enum(ITEM_KINDS),
    unit: z.string().max(40).optional(),
    conversion: z.string().max(400).optional(),
    /** Readings and days in the file (information; ignored when the mapping is given back). */
    readings: z.number().int().min(0).optional(),
    days: z.number().int().min(0).optional(),
    /** Label items: each label's place on 0–10 (Daylio moods). */
    ranks: z.record(z.string().max(100), z.number().min(0).max(10)).optional(),
    to: importDestination,
  })
  .strict();
export type ImportMappingItem = z.output<typeof importMappingItem>;

export const importMapping = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    /** fill: only empty fields get a value (the default); overwrite: the file's values replace yours. */
    conflict: z.enum(CONFLICT_POLICIES),
    /** The date column of a CSV with one row per day. */
    dateColumn: z.string().max(200).optional(),
    items: z.array(importMappingItem).max(2_000),
  })
  .strict();
export type ImportMapping = z.output<typeof importMapping>;

/** What an import would do (dry run) or did. */
export interface ImportFromSummary {
  format: ImportFormat;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  /** Set when this very file was imported before (and not undone): importing it again adds nothing. */
  alreadyImported: { id: number; importedAt: string } | null;
  days: { inFile: number; newDays: number; existingDays: number };
  values: { added: number; replaced: number; kept: number; alreadyThere: number };
  perDestination: { destination: string; added: number; replaced: number; kept: number }[];
  created: { foods: string[]; treatments: string[]; factors: string[] };
  /** Days that already had a different value: kept (fill) or replaced (overwrite). The first 200. */
  changes: { date: string; destination: string; yours: string; theirs: string; action: 'kept' | 'replaced' }[];
  changesTotal: number;
  skipped: { reason: string; count: number; examples: string[] }[];
  notes: string[];
  importId: number | null;
}

export interface ImportProposal {
  mapping: ImportMapping;
  summary: ImportFromSummary;
  /** Names in the journal a destination can point to. */
  destinations: {
    conditions: string[];
    foods: string[];
    treatments: string[];
    factors: { name: string; kind: string }[];
    trackCycle: boolean;
  };
}

export interface ImportRecord {
  id: number;
  format: ImportFormat;
  fileName: string;
  fileSha256: string;
  importedAt: string;
  values: number;
  days: number;
  undoneAt: string | null;
}

export interface UndoSummary {
  id: number;
  restored: number;
  /** Values changed by hand since the import: left as they are now. */
  keptBecauseEdited: number;
  daysRemoved: number;
}

/** A large Apple Health export being read in the background (in a worker), and how far it got. */
export interface ImportReadStatus {
  readId: string;
  fileName: string;
  /** Bytes read so far, of `total`. */
  done: number;
  total: number;
  /** reading → ready (the mapping can be proposed) | failed (message says why) | cancelled. */
  state: 'reading' | 'ready' | 'failed' | 'cancelled';
  message?: string;
}

const readId = z.string().regex(/^[0-9a-f]{32}$/, 'That file is no longer open for importing. Please choose it again.');

/**
 * The file: sent whole (base64, within the upload limit), or a finished background read
 * (`readId`: a large Apple Health export streamed from disk or from the upload).
 */
const file = {
  fileName: z.string().trim().min(1).max(260),
  dataBase64: z
    .string()
    .min(1, 'The file is empty.')
    .max(
      MAX_UPLOAD_CHARACTERS,
      'That file is too large to import here in one piece: CSV exports are far smaller. An Apple Health export of any size is read in the background (choose Apple Health), or use the command line (axis import-from).',
    )
    .optional(),
  readId: readId.optional(),
};
const oneFile = (input: { dataBase64?: string | undefined; readId?: string | undefined }) =>
  (input.dataBase64 === undefined) !== (input.readId === undefined);
const ONE_FILE = { message: 'Send the file, or the id of a file already read, not both.' };

export const importFromSchemas = {
  /** Reads the file and proposes a mapping with its dry run. format: a format or 'auto'. */
  propose: z
    .object({ ...file, format: z.enum([...IMPORT_FORMATS, 'auto']) })
    .strict()
    .refine(oneFile, ONE_FILE),
  /** With the (edited) mapping: the dry run again (dryRun: true) or the import itself. */
  run: z
    .object({ ...file, mapping: importMapping, dryRun: z.boolean() })
    .strict()
    .refine(oneFile, ONE_FILE),
  /** Desktop app: the system's Open dialog, then the chosen export is read by path in a worker (null: no file chosen). */
  chooseFile: z.object({}).strict().optional(),
  /** Web host: announces an upload; its body then goes to POST /api/upload/importFrom/READID. */
  startUpload: z.object({ fileName: file.fileName, size: z.number().int().positive('The file is empty.') }).strict(),
  readStatus: z.object({ readId }).strict(),
  cancelRead: z.object({ readId }).strict(),
  history: z.object({}).strict().optional(),
  undo: z.object({ id: z.number().int().positive() }).strict(),
};
