import type { MealKind } from '../../contract/journalTerms';
import { ParsedSource, type Hint, type SourceItem } from './types';
import {
  dayOrderOf,
  type DayOrder,
  decodeText,
  fourToTen,
  headerIndex,
  parseDate,
  parseDurationHours,
  parseNumber,
  readCsv,
  refused,
} from './text';

/**
 * Bearable's CSV export: one row per reading, columns `date, date formatted, weekday, time of day,
 * category, rating/amount, detail, notes` (names matched case-insensitively; `date formatted` is
 * preferred, `date` — ISO with a time — is the fallback).
 *
 * - Mood, Energy, Sleep quality: a rating; 1–5 files are put on 0–10 as round((v − 1) × 2.5), files
 *   whose ratings go above 5 are taken as 0–10 already. Several a day: the mean.
 * - Sleep: rating/amount `HH:MM` (or hours) → hours of sleep; detail `Asleep HH:MM - HH:MM` is not needed.
 * - Symptom: detail `Name (Mild|Moderate|Severe|Unbearable)`, rating 1–4 → severity round(v × 2.5)
 *   (3, 5, 8, 10); a rating of 0 or "None" is 0. Several a day: the highest.
 * - Nutrition: detail `Meals: a | b` or `Breakfast: a | b` → foods (the meal kind kept when named).
 * - Factors: detail `a | b` → things that happened that day.
 * - Meds/Supplements: detail `Name (dose) | …` → treatments taken that day.
 * - Exercise: rating/amount in minutes. Water: glasses.
 * - The notes column → the day's notes. Other categories are skipped and named in the dry run.
 */
export function parseBearable(bytes: Uint8Array): ParsedSource {
  const rows = readCsv(decodeText(bytes, 'Bearable export'), 'Bearable export');
  const header = rows[0] ?? [];
  const col = headerIndex(header);
  const category = col.get('category');
  const rating = col.get('rating/amount') ?? col.get('rating') ?? col.get('amount');
  const detail = col.get('detail');
  const dateCol = col.get('date formatted') ?? col.get('date');
  const isoCol = col.get('date');
  if (category === undefined || dateCol === undefined || (rating === undefined && detail === undefined)) {
    throw refused(
      'This is not a Bearable export: it should have the columns date, category, rating/amount and detail.',
    );
  }
  const notesCol = col.get('notes') ?? col.get('note');
  const source = new ParsedSource('bearable');
  const body = rows.slice(1);
  // The ISO `date` (a UTC time stamp) settles whether `date formatted` is day or month first.
  const order =
    isoCol !== undefined && isoCol !== dateCol
      ? (orderFromIso(body, dateCol, isoCol) ??
        dayOrderOf(
          body.map((r) => r[dateCol] ?? ''),
          source.notes,
        ))
      : dayOrderOf(
          body.map((r) => r[dateCol] ?? ''),
          source.notes,
        );
  const ratingScale = new Map<string, number>();
  for (const row of body) {
    const cat = (row[category] ?? '').trim().toLowerCase();
    const v = parseNumber(row[rating ?? -1] ?? '');
    if (v !== null && ['mood', 'energy', 'sleep quality'].includes(cat))
      ratingScale.set(cat, Math.max(ratingScale.get(cat) ?? 0, v));
  }
  const rated = (cat: string, v: number) =>
    (ratingScale.get(cat) ?? 0) > 5 ? Math.min(10, Math.max(0, Math.round(v))) : Math.max(0, Math.round((v - 1) * 2.5));
  const ratedWords = (cat: string) =>
    (ratingScale.get(cat) ?? 0) > 5 ? 'taken as 0–10' : 'Bearable 1–5 → 0–10: round((v − 1) × 2.5)';

  const items = {
    mood: (): SourceItem => ({
      key: 'mood',
      label: 'Mood',
      kind: 'scale',
      aggregate: 'mean',
      conversion: ratedWords('mood'),
      hint: { to: 'field', field: 'mood' },
    }),
    energy: (): SourceItem => ({
      key: 'energy',
      label: 'Energy',
      kind: 'scale',
      aggregate: 'mean',
      conversion: ratedWords('energy'),
      hint: { to: 'factor', name: 'Energy' },
    }),
    sleepQuality: (): SourceItem => ({
      key: 'sleep-quality',
      label: 'Sleep quality',
      kind: 'scale',
      aggregate: 'mean',
      conversion: ratedWords('sleep quality'),
      hint: { to: 'field', field: 'sleepQuality' },
    }),
    sleep: (): SourceItem => ({
      key: 'sleep',
      label: 'Sleep',
      kind: 'number',
      unit: 'hours',
      aggregate: 'sum',
      conversion: 'HH:MM → hours',
      hint: { to: 'field', field: 'sleepHours' },
    }),
    exercise: (): SourceItem => ({
      key: 'exercise',
      label: 'Exercise',
      kind: 'number',
      unit: 'minutes',
      aggregate: 'sum',
      hint: { to: 'field', field: 'exerciseMinutes' },
    }),
    water: (): SourceItem => ({
      key: 'water',
      label: 'Water',
      kind: 'number',
      unit: 'glasses',
      aggregate: 'sum',
      hint: { to: 'field', field: 'waterGlasses' },
    }),
    notes: (): SourceItem => ({
      key: 'notes',
      label: 'Notes',
      kind: 'text',
      aggregate: 'join',
      hint: { to: 'field', field: 'notes' },
    }),
  };
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    const rawDate = row[dateCol] ?? '';
    const date = parseDate(rawDate, order) ?? (isoCol !== undefined ? parseDate(row[isoCol] ?? '') : null);
    if (!date) {
      source.skip('Rows whose date could not be read', `line ${line}: "${rawDate}"`);
      continue;
    }
    const cat = (row[category] ?? '').trim();
    const value = (row[rating ?? -1] ?? '').trim();
    const text = (row[detail ?? -1] ?? '').trim();
    const note = (row[notesCol ?? -1] ?? '').trim();
    if (note) source.add(date, items.notes(), note);
    switch (cat.toLowerCase()) {
      case 'mood':
      case 'energy':
      case 'sleep quality': {
        const v = parseNumber(value);
        const item =
          cat.toLowerCase() === 'mood'
            ? items.mood()
            : cat.toLowerCase() === 'energy'
              ? items.energy()
              : items.sleepQuality();
        if (v === null) source.skip(`${cat} readings without a number`, `line ${line}: "${value}"`);
        else source.add(date, item, rated(cat.toLowerCase(), v));
        break;
      }
      case 'sleep': {
        const hours = parseDurationHours(value);
        if (hours === null || hours < 0 || hours > 24)
          source.skip('Sleep readings that are not a duration', `line ${line}: "${value}"`);
        else source.add(date, items.sleep(), Math.round(hours * 100) / 100);
        break;
      }
      case 'symptom':
      case 'symptoms': {
        const m = /^(.*?)\s*(?:\((none|mild|moderate|severe|unbearable|extreme)\))?$/i.exec(text);
        const name = (m?.[1] ?? text).trim();
        if (!name) {
          source.skip('Symptom rows without a name', `line ${line}`);
          break;
        }
        const words: Record<string, number> = { none: 0, mild: 1, moderate: 2, severe: 3, unbearable: 4, extreme: 4 };
        const v = parseNumber(value) ?? (m?.[2] ? words[m[2].toLowerCase()]! : null);
        if (v === null || v < 0 || v > 4) {
          source.skip('Symptom ratings outside 0–4', `line ${line}: "${value}"`);
          break;
        }
        source.add(date, symptomItem(name), fourToTen(v));
        break;
      }
      case 'nutrition':
      case 'food':
      case 'diet': {
        for (const part of text.split(/\n|;(?=\s*\w+\s*:)/)) {
          const m = /^\s*([^:|]{1,30}):\s*(.*)$/.exec(part);
          const meal = mealKind(m?.[1] ?? '');
          for (const food of splitList(m ? m[2]! : part))
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
        }
        break;
      }
      case 'factors':
      case 'factor':
      case 'activities': {
        for (const name of splitList(text))
          source.add(
            date,
            {
              key: `factor:${name.toLowerCase()}`,
              label: `${name} (factor)`,
              kind: 'event',
              aggregate: 'max',
              hint: { to: 'factor', name },
            },
            1,
          );
        break;
      }
      case 'meds/supplements':
      case 'medication':
      case 'meds':
      case 'supplements': {
        for (const entry of splitList(text)) {
          const name = entry.replace(/\s*\(.*\)\s*$/, '').trim();
          if (name)
            source.add(
              date,
              {
                key: `treatment:${name.toLowerCase()}`,
                label: `${name} (meds/supplements)`,
                kind: 'event',
                aggregate: 'max',
                hint: { to: 'treatment', name },
              },
              1,
            );
        }
        break;
      }
      case 'exercise': {
        const v = parseDurationHours(value);
        const minutes = value.includes(':') && v !== null ? v * 60 : v;
        if (minutes === null) source.skip('Exercise readings without minutes', `line ${line}: "${value}"`);
        else source.add(date, items.exercise(), Math.round(minutes));
        break;
      }
      case 'water': {
        const v = parseNumber(value);
        if (v === null) source.skip('Water readings without an amount', `line ${line}: "${value}"`);
        else source.add(date, items.water(), v);
        break;
      }
      case 'notes':
      case 'note':
      case 'journal':
        if (text) source.add(date, items.notes(), text);
        break;
      case '':
        if (!note) source.skip('Rows without a category', `line ${line}`);
        break;
      default:
        source.skip(`Bearable's "${cat}" category is not something the journal records`, `line ${line}`);
    }
  }
  if (source.days.size === 0 && source.skipped.size === 0) throw refused('The Bearable export has no readings in it.');
  return source;
}

function orderFromIso(body: string[][], dateCol: number, isoCol: number): DayOrder | null {
  let dmy = 0;
  let mdy = 0;
  for (const row of body) {
    const iso = parseDate(row[isoCol] ?? '');
    if (!iso) continue;
    const near = (date: string | null) => date !== null && Math.abs(Date.parse(date) - Date.parse(iso)) <= 86_400_000;
    if (near(parseDate(row[dateCol] ?? '', 'dmy'))) dmy++;
    if (near(parseDate(row[dateCol] ?? '', 'mdy'))) mdy++;
  }
  if (dmy === mdy) return null;
  return dmy > mdy ? 'dmy' : 'mdy';
}

function splitList(text: string): string[] {
  return text
    .split(/\s*[|,]\s*|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= 80);
}

function mealKind(word: string): MealKind | undefined {
  const w = word.trim().toLowerCase();
  if (['breakfast', 'lunch', 'dinner', 'snack', 'drink'].includes(w)) return w as MealKind;
  if (w === 'snacks') return 'snack';
  if (w === 'drinks') return 'drink';
  if (w === 'supper') return 'dinner';
  return undefined;
}

/** A symptom's suggested home: a skin condition, a gut field, stress, or a new 0–10 factor. */
export function symptomItem(name: string, conversion = 'severity 1–4 → 0–10: round(v × 2.5)'): SourceItem {
  return {
    key: `symptom:${name.toLowerCase()}`,
    label: `${name} (symptom)`,
    kind: 'scale',
    aggregate: 'max',
    conversion,
    hint: symptomHint(name),
  };
}

export function symptomHint(name: string): Hint {
  const n = name.toLowerCase();
  if (/acne|pimple|spots|breakout|blemish/.test(n)) return { to: 'condition', name: 'Acne' };
  if (/eczema|dermatitis|itch/.test(n)) return { to: 'condition', name: 'Eczema' };
  if (/rosacea|flushing|redness/.test(n)) return { to: 'condition', name: 'Rosacea' };
  if (/psoriasis/.test(n)) return { to: 'condition', name: 'Psoriasis' };
  if (/dry skin|dryness|irritat/.test(n)) return { to: 'condition', name: 'Dryness / irritation' };
  if (/bloat/.test(n)) return { to: 'field', field: 'bloating' };
  if (/stomach|abdominal|tummy|cramp|gut pain|belly/.test(n)) return { to: 'field', field: 'discomfort' };
  if (/stress|anxi/.test(n)) return { to: 'field', field: 'stress' };
  return { to: 'factor', name };
}
