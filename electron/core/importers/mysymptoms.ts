import type { MealKind } from '../../contract/journalTerms';
import { symptomItem } from './bearable';
import { ParsedSource } from './types';
import { dayOrderOf, decodeText, headerIndex, parseDate, parseNumber, readCsv, refused } from './text';

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
  const rows = readCsv(decodeText(bytes, 'mySymptoms report'), 'mySymptoms report');
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (...words: string[]) => {
    const i = header.findIndex((h) => words.some((w) => h === w || h.includes(w)));
    return i === -1 ? undefined : i;
  };
  const dateCol = find('date');
  const typeCol = find('type', 'event', 'category');
  const itemCol = find('item', 'name', 'description', 'ingredient', 'food');
  const detailCol = find('detail', 'intensity', 'notes', 'note', 'comment');
  if (dateCol === undefined || typeCol === undefined) {
    throw refused('This is not a mySymptoms diary report: it should have a date and a type (event) column.');
  }
  void headerIndex;
  const source = new ParsedSource('mysymptoms');
  const body = rows.slice(1);
  const order = dayOrderOf(
    body.map((r) => r[dateCol] ?? ''),
    source.notes,
  );
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    const date = parseDate(row[dateCol] ?? '', order);
    if (!date) {
      source.skip('Rows whose date could not be read', `line ${line}: "${row[dateCol] ?? ''}"`);
      continue;
    }
    const type = (row[typeCol] ?? '').trim().toLowerCase();
    const items = (row[itemCol ?? -1] ?? '')
      .split(/\s*[;,\n]\s*/)
      .map((s) => s.trim())
      .filter((s) => s && s.length <= 80);
    const details = (row[detailCol ?? -1] ?? '').trim();
    const intensity = readIntensity(details);
    const minutes = readDuration(details);
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
        for (const name of items) source.add(date, symptomItem(name, 'intensity 0–10, taken as it is'), intensity);
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
  const n = /duration\s*:?\s*(\d+)\s*(?:min|m\b)/i.exec(details);
  return n ? +n[1]! : null;
}
