import type { MealKind } from '../../contract/journalTerms';
import { symptomItem } from './bearable';
import { ParsedSource } from './types';
import { dayOrderOf, decodeText, parseDate, parseNumber, readCsv, refused } from './text';

const INTENSITY_WORDS: Record<string, number> = {
  none: 0,
  'very mild': 2,
  mild: 3,
  moderate: 5,
  severe: 8,
  'very severe': 10,
  extreme: 10,
};

/**
 * mySymptoms' CSV diary report: one row per event with a date, a time, a type (breakfast, lunch,
 * dinner, snack, drink, meal, symptom, stool/bowel movement, medication, supplement, exercise,
 * sleep, stress, note…), the item names (`, `- or `; `-joined) and details such as `Intensity: N`
 * (0–10, taken as it is) and `Duration: H:MM`. Column names are found by what they contain
 * (date, time, type or event, item/name/description, detail/notes/intensity).
 * - Meals and drinks → foods (the meal kind kept). Symptoms → 0–10 severity, several a day the
 *   highest. Medication and supplements → treatments taken. Exercise → minutes from the duration;
 *   sleep → hours from the duration. Notes → the day's notes.
 * - Stools are skipped: mySymptoms does not record the Bristol type the journal needs.
 */
export function parseMySymptoms(bytes: Uint8Array): ParsedSource {
  const rows = readCsv(decodeText(bytes, 'mySymptoms report'), 'mySymptoms report', { ltrim: true });
  // The app's own CSV has no header: `date, time, type, item, item, …` with `Intensity: N`,
  // `Duration: H:MM` and quantities `[ x 2 ]` among the items.
  const headerless = isEventRow(rows[0] ?? []);
  const header = headerless ? [] : (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (...words: string[]) => {
    const i = header.findIndex((h) => words.some((w) => h === w || h.includes(w)));
    return i === -1 ? undefined : i;
  };
  const dateCol = headerless ? 0 : find('date');
  const typeCol = headerless ? 2 : find('type', 'event', 'category');
  const itemCol = find('item', 'name', 'description', 'ingredient', 'food');
  const detailCol = find('detail', 'intensity', 'notes', 'note', 'comment');
  if (dateCol === undefined || typeCol === undefined) {
    throw refused(
      'This is not a mySymptoms diary report: it should start with a date, a time and an event type on each line (or have date and type columns).',
    );
  }
  const source = new ParsedSource('mysymptoms');
  const body = headerless ? rows : rows.slice(1);
  const firstLine = headerless ? 1 : 2;
  const order = dayOrderOf(
    body.map((r) => r[dateCol] ?? ''),
    source.notes,
  );
  for (const [index, row] of body.entries()) {
    const line = index + firstLine;
    const date = parseDate(row[dateCol] ?? '', order);
    if (!date) {
      source.skip('Rows whose date could not be read', `line ${line}: "${row[dateCol] ?? ''}"`);
      continue;
    }
    const type = (row[typeCol] ?? '').trim().toLowerCase();
    const entries = headerless
      ? entriesOf(row.slice(3))
      : entriesWith((row[itemCol ?? -1] ?? '').split(/\s*[;,\n]\s*/), (row[detailCol ?? -1] ?? '').trim());
    const items = entries.map((e) => e.name).filter(Boolean);
    const details = entries.map((e) => e.details).join(', ');
    const intensity = entries.reduce<number | null>(
      (high, e) => (e.intensity === null ? high : Math.max(high ?? 0, e.intensity)),
      null,
    );
    const minutes = entries.reduce<number | null>(
      (sum, e) => (e.minutes === null ? sum : (sum ?? 0) + e.minutes),
      null,
    );
    const meal = mealKindOf(type);
    if (meal) {
      for (const food of items)
        source.add(
          date,
          {
            key: `food:${food.toLowerCase()}`,
            label: `${food} (food)`,
            kind: 'event',
            aggregate: 'max',
            hint: { to: 'food', name: food },
          },
          1,
          meal,
        );
      continue;
    }
    switch (type) {
      case 'symptom':
      case 'symptoms':
        if (intensity === null) {
          source.skip('Symptoms without an intensity', `line ${line}`);
          break;
        }
        // Each symptom with its own intensity (the app lists `Nausea, Intensity: 1, Heartburn, Intensity: 2`).
        for (const entry of entries)
          if (entry.name)
            source.add(date, symptomItem(entry.name, 'intensity 0–10, taken as it is'), entry.intensity ?? intensity);
        break;
      case 'medication':
      case 'medicine':
      case 'supplement':
      case 'supplements':
        for (const name of items)
          source.add(
            date,
            {
              key: `treatment:${name.toLowerCase()}`,
              label: `${name} (${type})`,
              kind: 'event',
              aggregate: 'max',
              hint: { to: 'treatment', name },
            },
            1,
          );
        break;
      case 'exercise':
      case 'activity':
        if (minutes === null) source.skip('Exercise without a duration', `line ${line}`);
        else
          source.add(
            date,
            {
              key: 'exercise',
              label: 'Exercise',
              kind: 'number',
              unit: 'minutes',
              aggregate: 'sum',
              conversion: 'Duration H:MM → minutes',
              hint: { to: 'field', field: 'exerciseMinutes' },
            },
            minutes,
          );
        break;
      case 'sleep':
        if (minutes === null) source.skip('Sleep without a duration', `line ${line}`);
        else
          source.add(
            date,
            {
              key: 'sleep',
              label: 'Sleep',
              kind: 'number',
              unit: 'hours',
              aggregate: 'sum',
              conversion: 'Duration H:MM → hours',
              hint: { to: 'field', field: 'sleepHours' },
            },
            Math.round((minutes / 60) * 100) / 100,
          );
        break;
      case 'stress':
        if (intensity === null) source.skip('Stress without an intensity', `line ${line}`);
        else
          source.add(
            date,
            {
              key: 'stress',
              label: 'Stress',
              kind: 'scale',
              aggregate: 'max',
              conversion: 'intensity 0–10, taken as it is',
              hint: { to: 'field', field: 'stress' },
            },
            intensity,
          );
        break;
      case 'note':
      case 'notes':
      case 'other': {
        const text = [items.join(', '), details].filter(Boolean).join(': ');
        if (text)
          source.add(
            date,
            { key: 'notes', label: 'Notes', kind: 'text', aggregate: 'join', hint: { to: 'field', field: 'notes' } },
            text,
          );
        break;
      }
      case 'stool':
      case 'bowel movement':
      case 'bowel movements':
        source.skip('Stools (mySymptoms does not record the Bristol type the journal needs)', `line ${line}`);
        break;
      default:
        source.skip(`mySymptoms' "${type || 'unnamed'}" events are not something the journal records`, `line ${line}`);
    }
  }
  if (source.days.size === 0 && source.skipped.size === 0) throw refused('The mySymptoms report has no events in it.');
  return source;
}

function mealKindOf(type: string): MealKind | null {
  if (['breakfast', 'lunch', 'dinner', 'snack', 'drink'].includes(type)) return type as MealKind;
  if (type === 'meal' || type === 'food') return 'snack';
  if (type === 'drinks' || type === 'beverage') return 'drink';
  return null;
}

function readIntensity(details: string): number | null {
  const m = /intensity\s*:?\s*([a-z ]+|\d+(?:[.,]\d+)?)/i.exec(details);
  if (!m) return null;
  const n = parseNumber(m[1]!);
  if (n !== null) return n >= 0 && n <= 10 ? Math.round(n) : null;
  return INTENSITY_WORDS[m[1]!.trim().toLowerCase()] ?? null;
}

function readDuration(details: string): number | null {
  const m = /duration\s*:?\s*(\d{1,2}):(\d{2})/i.exec(details);
  if (m) return +m[1]! * 60 + +m[2]!;
  const hm = /duration\s*:?\s*(\d+)\s*hrs?\s*(\d+)\s*min/i.exec(details);
  if (hm) return +hm[1]! * 60 + +hm[2]!;
  const n = /duration\s*:?\s*(\d+)\s*(?:min|m\b)/i.exec(details);
  return n ? +n[1]! : null;
}

interface Entry {
  /** An item's name ('' for details before any item). */
  name: string;
  intensity: number | null;
  minutes: number | null;
  details: string;
}

/** A line of the app's own (headerless) CSV: a date, a time (HH:MM) and an event type. */
function isEventRow(row: string[]): boolean {
  return (
    /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test((row[0] ?? '').trim()) &&
    /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test((row[1] ?? '').trim()) &&
    /^[a-z][a-z ]*$/i.test((row[2] ?? '').trim())
  );
}

/**
 * The items of a headerless line: names, each followed by its own `Intensity: N` / `Duration:
 * H:MM` (or `Intensity: 3 and Duration: 6 hrs 0 mins`); quantities in brackets (`[ x 2 ]`,
 * `[ 200 mg ]`) belong to the item before and are dropped.
 */
function entriesOf(tokens: string[]): Entry[] {
  const entries: Entry[] = [];
  for (const raw of tokens) {
    const token = raw.trim();
    if (!token || /^\[.*\]$/.test(token)) continue;
    if (/^(intensity|duration)\b/i.test(token)) {
      let last = entries[entries.length - 1];
      if (!last) entries.push((last = { name: '', intensity: null, minutes: null, details: '' }));
      last.intensity = readIntensity(token) ?? last.intensity;
      last.minutes = readDuration(token) ?? last.minutes;
      last.details = [last.details, token].filter(Boolean).join(', ');
      continue;
    }
    if (token.length <= 80) entries.push({ name: token, intensity: null, minutes: null, details: '' });
  }
  return entries;
}

/** Items from a column, all sharing the details column's intensity and duration. */
function entriesWith(names: string[], details: string): Entry[] {
  const intensity = readIntensity(details);
  const minutes = readDuration(details);
  const entries = names
    .map((s) => s.trim())
    .filter((s) => s && s.length <= 80)
    .map((name) => ({ name, intensity, minutes: null as number | null, details: '' }));
  // The duration is the event's, counted once.
  if (entries[0]) Object.assign(entries[0], { minutes, details });
  else if (details) entries.push({ name: '', intensity, minutes, details });
  return entries;
}
