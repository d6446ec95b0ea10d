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

const file = {
  fileName: z.string().trim().min(1).max(260),
  dataBase64: z
    .string()
    .min(1, 'The file is empty.')
    .max(MAX_UPLOAD_CHARACTERS, 'That file is too large to import here; use the command line (axis import-from).'),
};

export const importFromSchemas = {
  /** Reads the file and proposes a mapping with its dry run. format: a format or 'auto'. */
  propose: z.object({ ...file, format: z.enum([...IMPORT_FORMATS, 'auto']) }).strict(),
  /** With the (edited) mapping: the dry run again (dryRun: true) or the import itself. */
  run: z.object({ ...file, mapping: importMapping, dryRun: z.boolean() }).strict(),
  history: z.object({}).strict().optional(),
  undo: z.object({ id: z.number().int().positive() }).strict(),
};
