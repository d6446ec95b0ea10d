import { z } from 'zod';
import { IMPORT_FORMATS } from './importFromTerms';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stamp = z.string().max(40);
/** A value as the journal stored it (JSON text of a number, text or yes/no, or null). */
const stored = z.string().max(30_000);

/**
 * Provenance in the JSON export: each import from another app (its app, file, SHA-256, time, undo
 * time), every value it wrote with the value it replaced, and what it created — with names instead
 * of the journal's internal ids, so it survives being read into another journal — plus the mapping
 * remembered per app. Absent in files from before it existed.
 */
export const exportedImport = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string().max(260),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    importedAt: stamp,
    undoneAt: stamp.nullable(),
    /**
     * `target`: "day" (the import created the day), "field:mood", "skin:CONDITION",
     * "custom:FACTOR", "dose:TREATMENT INDEX" (in the export's treatments), "food:FOOD".
     */
    values: z
      .array(z.object({ date: isoDate, target: z.string().min(3).max(120), value: stored, previous: stored }).strict())
      .max(2_000_000),
    created: z
      .array(
        z
          .object({
            kind: z.enum(['food', 'treatment', 'factor', 'condition_tracked']),
            /** A food, factor or condition by name; a treatment by its index in the export's treatments. */
            name: z.string().max(120),
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type ExportedImport = z.output<typeof exportedImport>;

export const exportedImportMapping = z
  .object({ format: z.enum(IMPORT_FORMATS), mapping: z.string().max(2_000_000), updatedAt: stamp })
  .strict();
export type ExportedImportMapping = z.output<typeof exportedImportMapping>;
