import type { ImportFormat } from '../../contract/importFromTerms';
import { ParsedSource, type Hint, type SourceItem } from './types';
import { dayOrderOf, decodeText, parseDate, parseNumber, readCsv, refused } from './text';

const YES = /^(yes|y|true|x|✓|done|taken|1)$/i;
const NO = /^(no|n|false|0|not taken|-)$/i;

/** Known columns of Google Fit's "Daily activity metrics" and Fitbit's daily exports: unit conversions. */
const KNOWN: { match: RegExp; hint: Hint; unit: string; factor: number; conversion?: string }[] = [
  { match: /^move minutes( count)?$/i, hint: { to: 'field', field: 'exerciseMinutes' }, unit: 'minutes', factor: 1 },
  { match: /^(step count|steps)$/i, hint: { to: 'factor', name: 'Steps' }, unit: 'steps', factor: 1 },
  {
    match: /^sleep duration \(ms\)$/i,
    hint: { to: 'field', field: 'sleepHours' },
    unit: 'hours',
    factor: 1 / 3_600_000,
    conversion: 'milliseconds → hours',
  },
  {
    match: /^(minutes asleep|sleep( duration)? \(min(utes)?\))$/i,
    hint: { to: 'field', field: 'sleepHours' },
    unit: 'hours',
    factor: 1 / 60,
    conversion: 'minutes → hours',
  },
  {
    match: /^(sleep|sleep hours|hours of sleep|sleep \(h(ours)?\))$/i,
    hint: { to: 'field', field: 'sleepHours' },
    unit: 'hours',
    factor: 1,
  },
  { match: /^minutes very active$/i, hint: { to: 'field', field: 'exerciseMinutes' }, unit: 'minutes', factor: 1 },
  {
    match: /^(exercise|exercise minutes|active minutes)$/i,
    hint: { to: 'field', field: 'exerciseMinutes' },
    unit: 'minutes',
    factor: 1,
  },
  { match: /^(mood)$/i, hint: { to: 'field', field: 'mood' }, unit: '', factor: 1 },
  { match: /^(stress)$/i, hint: { to: 'field', field: 'stress' }, unit: '', factor: 1 },
  { match: /^(sleep quality)$/i, hint: { to: 'field', field: 'sleepQuality' }, unit: '', factor: 1 },
  { match: /^(bloating)$/i, hint: { to: 'field', field: 'bloating' }, unit: '', factor: 1 },
  { match: /^(water|glasses of water)$/i, hint: { to: 'field', field: 'waterGlasses' }, unit: 'glasses', factor: 1 },
  {
    match: /^(meditation|meditation minutes|mindful minutes)$/i,
    hint: { to: 'field', field: 'meditationMinutes' },
    unit: 'minutes',
    factor: 1,
  },
  { match: /^(notes?|comments?|journal)$/i, hint: { to: 'field', field: 'notes' }, unit: '', factor: 1 },
];

/**
 * A CSV with one row per day (Google Fit / Fitbit daily metrics, or any spreadsheet): one column
 * holds the date — named by the person, else the first column called date/day, else the first
 * whose values read as dates — and every other column becomes an item: numbers (a decimal comma
 * is fine), yes/no columns (events) or text. Google Fit's known columns are suggested to their
 * place (move minutes → exercise, sleep duration ms → hours, step count → a new Steps factor);
 * the rest to a new factor of the column's name. Empty cells are no reading.
 */
export function parseDailyCsv(
  bytes: Uint8Array,
  format: Extract<ImportFormat, 'google-fit' | 'csv'>,
  dateColumn?: string,
): ParsedSource {
  const what = format === 'google-fit' ? 'daily metrics CSV' : 'CSV file';
  const rows = readCsv(decodeText(bytes, what), what);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const body = rows.slice(1);
  if (header.length < 2 || body.length === 0)
    throw refused(`The ${what} needs a header row, a date column and at least one more column with one row per day.`);
  const source = new ParsedSource(format);
  let dateCol =
    dateColumn !== undefined ? header.findIndex((h) => h.toLowerCase() === dateColumn.trim().toLowerCase()) : -1;
  if (dateColumn !== undefined && dateCol === -1) throw refused(`The ${what} has no column called "${dateColumn}".`);
  if (dateCol === -1) dateCol = header.findIndex((h) => /^(date|day|datum|fecha|start date)$/i.test(h));
  if (dateCol === -1)
    dateCol = header.findIndex(
      (_, c) => body.slice(0, 20).filter((r) => parseDate(r[c] ?? '')).length >= Math.min(3, body.length),
    );
  if (dateCol === -1)
    throw refused(
      `No column of the ${what} holds dates (expected a column named Date with values like 2024-03-05 or 05/03/2024).`,
    );
  source.notes.push(`Dates were read from the column "${header[dateCol]}".`);
  const order = dayOrderOf(
    body.map((r) => r[dateCol] ?? ''),
    source.notes,
  );
  const columns = header.map((name, c) =>
    c === dateCol || !name
      ? null
      : describe(
          name,
          body.map((r) => (r[c] ?? '').trim()),
        ),
  );
  for (const [index, row] of body.entries()) {
    const date = parseDate(row[dateCol] ?? '', order);
    if (!date) {
      source.skip('Rows whose date could not be read', `line ${index + 2}: "${row[dateCol] ?? ''}"`);
      continue;
    }
    columns.forEach((column, c) => {
      if (!column) return;
      const text = (row[c] ?? '').trim();
      if (text === '') return;
      if (column.item.kind === 'event') {
        if (YES.test(text)) source.add(date, column.item, 1);
        else if (!NO.test(text))
          source.skip(`Values of "${column.item.label}" that are not yes or no`, `line ${index + 2}: "${text}"`);
        return;
      }
      if (column.item.kind === 'text') return source.add(date, column.item, text);
      const n = parseNumber(text);
      if (n === null)
        return source.skip(`Values of "${column.item.label}" that are not numbers`, `line ${index + 2}: "${text}"`);
      source.add(date, column.item, Math.round(n * column.factor * 100) / 100);
    });
  }
  if (source.days.size === 0)
    throw refused(`No row of the ${what} has a date that could be read (column "${header[dateCol]}").`);
  return source;
}

function describe(name: string, values: string[]): { item: SourceItem; factor: number } {
  const known = KNOWN.find((k) => k.match.test(name));
  const filled = values.filter((v) => v !== '');
  const numbers = filled.filter((v) => parseNumber(v) !== null).length;
  const yesNo = filled.filter((v) => YES.test(v) || NO.test(v)).length;
  const key = `column:${name.toLowerCase()}`;
  if (known && known.hint.to === 'field' && known.hint.field === 'notes')
    return { item: { key, label: name, kind: 'text', aggregate: 'join', hint: known.hint }, factor: 1 };
  if (filled.length > 0 && yesNo === filled.length && filled.some((v) => !/^[01]$/.test(v))) {
    return { item: { key, label: name, kind: 'event', aggregate: 'max', hint: { to: 'factor', name } }, factor: 1 };
  }
  if (filled.length === 0 || numbers >= filled.length * 0.8) {
    const kind = known?.unit === '' ? 'scale' : 'number';
    const item: SourceItem = {
      key,
      label: name,
      kind,
      aggregate: 'sum',
      hint: known?.hint ?? { to: 'factor', name: name.slice(0, 60) },
    };
    if (known?.unit) item.unit = known.unit;
    if (known?.conversion) item.conversion = known.conversion;
    return { item, factor: known?.factor ?? 1 };
  }
  return {
    item: { key, label: name, kind: 'text', aggregate: 'join', hint: { to: 'skip', reason: 'text column' } },
    factor: 1,
  };
}
