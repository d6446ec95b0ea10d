import { parse } from 'csv-parse/sync';
import { IMPORT_LIMITS } from '../../contract/importFromTerms';
import { AppError } from '../errors';

/** A file the importer cannot read: the sentence names the problem; nothing is changed. */
export function refused(message: string): AppError {
  return new AppError('IMPORT_INVALID', `${message} Nothing was changed.`);
}

/**
 * Bytes of a CSV export as text: UTF-8 (a BOM is dropped), or UTF-16 with its BOM (Excel's
 * "Unicode text"). Binary files (a NUL byte, or not text at all) are refused.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length === 0) throw refused('The file is empty.');
  if (bytes.length > IMPORT_LIMITS.csvBytes)
    throw refused(`The file is larger than ${IMPORT_LIMITS.csvBytes / 1024 / 1024} MB, too large for a ${what}.`);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw refused(`This is a ZIP file, not a ${what}.`);
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) throw refused(`This file is not text, so it cannot be a ${what}.`);
    text = new TextDecoder('utf-8').decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim() === '') throw refused('The file is empty.');
  return text.replace(/\r\n?/g, '\n');
}

/**
 * CSV rows with csv-parse, bounded: too many rows, columns or characters in one field (a "CSV
 * bomb") are refused. Quoted fields may hold commas, quotes and line breaks; CRLF or LF; the
 * delimiter is a comma, or a semicolon or tab when the header line says so (European Excel).
 */
export function readCsv(text: string, what: string, options: { ltrim?: boolean } = {}): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce(
    (best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best),
    ',',
  );
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
      // mySymptoms writes ", " between fields: a quote after the space still opens a quoted field.
      ltrim: options.ltrim ?? false,
      max_record_size: IMPORT_LIMITS.csvFieldCharacters,
      to: IMPORT_LIMITS.csvRows + 1,
      on_record: (record: string[]) => {
        if (record.length > IMPORT_LIMITS.csvColumns)
          throw refused(`The ${what} has more than ${IMPORT_LIMITS.csvColumns} columns.`);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = (error as Error).message;
    if (/max_record_size|Max Record Size/i.test(message))
      throw refused(
        `A field of the ${what} is longer than ${IMPORT_LIMITS.csvFieldCharacters.toLocaleString('en')} characters.`,
      );
    const line = /line (\d+)/.exec(message)?.[1];
    throw refused(
      `The ${what} cannot be read as CSV${line ? ` (around line ${line})` : ''}: a quote is not closed or the file is cut short.`,
    );
  }
  if (rows.length > IMPORT_LIMITS.csvRows)
    throw refused(`The ${what} has more than ${IMPORT_LIMITS.csvRows.toLocaleString('en')} rows.`);
  return rows;
}

function count(line: string, char: string): number {
  return line.split(char).length - 1;
}

/** Lower-case, trimmed header names → column index. */
export function headerIndex(header: readonly string[]): Map<string, number> {
  return new Map(header.map((name, i) => [name.trim().toLowerCase(), i] as const));
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Y-M-D if it is a real calendar date from 1900 on, else null. */
export function isoFrom(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type DayOrder = 'dmy' | 'mdy';

/**
 * A date as the apps write it: ISO (2024-03-05, with or without a time after it), day-first or
 * month-first with / - or . (the order is decided once per file, see dayOrderOf), or with a month
 * name (5 March 2024, Mar 5, 2024). Returns null when it does not parse.
 */
export function parseDate(raw: string, order: DayOrder = 'dmy'): string | null {
  const text = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  if (m) return isoFrom(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])/.exec(text);
  if (m) return order === 'dmy' ? isoFrom(+m[3]!, +m[2]!, +m[1]!) : isoFrom(+m[3]!, +m[1]!, +m[2]!);
  m = /^(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(text);
  if (m) return monthName(+m[3]!, m[2]!, +m[1]!);
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(text);
  if (m) return monthName(+m[3]!, m[1]!, +m[2]!);
  return null;
}

function monthName(y: number, name: string, d: number): string | null {
  const month = MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)];
  return month ? isoFrom(y, month, d) : null;
}

/**
 * Day-first or month-first, judged from all the file's dates: a first number above 12 means
 * day-first, a second above 12 month-first. When nothing tells, day-first is assumed and said.
 */
export function dayOrderOf(values: Iterable<string>, notes: string[]): DayOrder {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}/.exec(value);
    if (!m) continue;
    if (+m[1]! > 12) dmy = true;
    if (+m[2]! > 12) mdy = true;
  }
  if (mdy && !dmy) return 'mdy';
  if (!mdy && !dmy) {
    for (const value of values) {
      if (/^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(value)) {
        notes.push(
          'Dates like 03/04/2024 were read day first (3 April). If they are month first, the days will be wrong: check the dry run.',
        );
        break;
      }
    }
  }
  return 'dmy';
}

/** A number as people's spreadsheets write it: 7.5, 7,5 (decimal comma), 1,234.5, 1 234. */
export function parseNumber(raw: string): number | null {
  let text = raw.trim().replace(/[\s\u00a0']/g, '');
  if (text === '') return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** "7:30" or "07:30" (hours:minutes) → hours; also a plain number of hours. */
export function parseDurationHours(raw: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(raw);
  if (m) return +m[1]! + +m[2]! / 60;
  return parseNumber(raw);
}

/** The documented 0–4 (or 1–4) severity to the journal's 0–10: round(v × 2.5). */
export function fourToTen(value: number): number {
  return Math.round(value * 2.5);
}
