import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, journalExport, type JournalExport } from '../../contract/dataExport';
import { AppError } from '../errors';

/**
 * Reading an import file: JSON text to a checked JournalExport. Kept free of the database and
 * of sharp so that it can run in a worker thread of its own (importWorker.ts), away from the
 * process that holds the open journal.
 */

/** Notepad and some editors start UTF-8 files with a byte-order mark; JSON.parse does not accept one. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON text to a checked export; `latestSchemaVersion` is the newest journal schema this app knows.
 * `path`, for a file named on the command line, goes into the message when the text is not JSON.
 */
export function parseJournalExportText(text: string, latestSchemaVersion: number, path?: string): JournalExport {
  let raw: unknown;
  try {
    raw = JSON.parse(withoutBom(text));
  } catch (error) {
    throw new AppError(
      'IMPORT_INVALID',
      path
        ? `${path} could not be read as JSON (${(error as Error).message.split('\n')[0]}). Nothing was changed.`
        : 'This file is not an Axis Journal export (JSON). Nothing was changed.',
    );
  }
  return validateJournalExport(raw, latestSchemaVersion);
}

/** Checks a parsed export completely, stopping at the first problem; throws IMPORT_INVALID. */
export function validateJournalExport(raw: unknown, latestSchemaVersion: number): JournalExport {
  const head = raw as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== EXPORT_FORMAT) {
    throw invalidImport('This file is not an Axis Journal export (JSON).');
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > EXPORT_FORMAT_VERSION) {
    throw invalidImport('This export was made by a newer version of Axis Journal. Please update the app first.');
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > latestSchemaVersion) {
    throw invalidImport('This export comes from a newer version of Axis Journal. Please update the app first.');
  }
  // Fail fast: zod's validate stops at the first problem; only then is the (bounded) full parse
  // run for its message. A crafted file costs little either way: every array and string is capped.
  if (!journalExport.validate(raw)) {
    const first = journalExport.safeParse(raw, { reportInput: false });
    const issue = first.success ? null : first.error.issues[0]!;
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw invalidImport(
      `The file does not have the expected shape${where}: ${issue?.message ?? 'it could not be read'}`,
    );
  }
  const parsed = journalExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw invalidImport(`The file does not have the expected shape${where}: ${issue.message}`);
  }
  const file = parsed.data;
  const dates = new Set<string>();
  for (const day of file.days) {
    if (dates.has(day.date)) throw invalidImport(`The day ${day.date} appears twice in the file.`);
    dates.add(day.date);
    for (const t of day.treatments) {
      if (t.treatment >= file.treatments.length)
        throw invalidImport(`The day ${day.date} refers to a treatment that is not in the file.`);
    }
  }
  return file;
}

export function invalidImport(message: string): AppError {
  return new AppError('IMPORT_INVALID', `${message} Nothing was changed.`);
}
