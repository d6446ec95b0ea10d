import { ParsedSource } from './types';
import { dayOrderOf, decodeText, headerIndex, isoFrom, parseDate, readCsv, refused } from './text';

/** Daylio's five default moods, best first, and where they sit on 0–10. */
export const DAYLIO_DEFAULT_RANKS: Record<string, number> = { rad: 10, good: 8, meh: 5, bad: 3, awful: 0 };
/** Older or translated default names seen in exports, on the same places. */
const SYNONYMS: Record<string, number> = {
  amazing: 10,
  great: 10,
  happy: 8,
  fine: 5,
  average: 5,
  ok: 5,
  okay: 5,
  sad: 3,
  down: 3,
  horrible: 0,
  terrible: 0,
};

/**
 * Daylio's CSV export, either header:
 * - `full_date,date,weekday,time,mood,activities,note_title,note` (full_date is ISO), or
 * - the older `year,date,weekday,time,mood,activities,note` (date like "18 May").
 * Moods are words the person chose: each gets a place on 0–10, Daylio's defaults (rad, good, meh,
 * bad, awful → 10, 8, 5, 3, 0) proposed, others at 5 until ranked on the mapping screen. Several
 * entries on one day: the mean. Activities are `|`-separated things that happened that day.
 * The note title and note join the day's notes (Daylio's <br> and simple tags become plain text).
 */
export function parseDaylio(bytes: Uint8Array): ParsedSource {
  const rows = readCsv(decodeText(bytes, 'Daylio export'), 'Daylio export');
  const col = headerIndex(rows[0] ?? []);
  const mood = col.get('mood');
  const activities = col.get('activities');
  const full = col.get('full_date');
  const year = col.get('year');
  const date = col.get('date');
  if (
    mood === undefined ||
    activities === undefined ||
    (full === undefined && (year === undefined || date === undefined))
  ) {
    throw refused(
      'This is not a Daylio export: it should start with full_date,date,weekday,time,mood,activities (or the older year,date,…).',
    );
  }
  const source = new ParsedSource('daylio');
  const body = rows.slice(1);
  const order =
    full !== undefined
      ? dayOrderOf(
          body.map((r) => r[full] ?? ''),
          source.notes,
        )
      : 'dmy';
  const noteCols = [col.get('note_title'), col.get('note')].filter((c): c is number => c !== undefined);
  const labels = new Set<string>();
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    let day: string | null;
    if (full !== undefined) day = parseDate(row[full] ?? '', order);
    else {
      const y = Number((row[year!] ?? '').trim());
      day = parseDate(`${(row[date!] ?? '').trim()} ${y}`);
      if (!day) {
        const m = /^(\d{1,2})[./-](\d{1,2})$/.exec((row[date!] ?? '').trim());
        day = m ? isoFrom(y, +m[2]!, +m[1]!) : null;
      }
    }
    if (!day) {
      source.skip('Entries whose date could not be read', `line ${line}`);
      continue;
    }
    const label = (row[mood] ?? '').trim();
    if (label) {
      labels.add(label);
      source.add(
        day,
        {
          key: 'mood',
          label: 'Mood',
          kind: 'label',
          aggregate: 'labels',
          conversion: 'each mood label ranked on 0–10; several entries a day: the mean',
          hint: { to: 'field', field: 'mood' },
        },
        label,
      );
    }
    for (const name of (row[activities] ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s && s.length <= 80)) {
      source.add(
        day,
        {
          key: `activity:${name.toLowerCase()}`,
          label: `${name} (activity)`,
          kind: 'event',
          aggregate: 'max',
          hint: { to: 'factor', name: name.charAt(0).toUpperCase() + name.slice(1) },
        },
        1,
      );
    }
    const note = noteCols
      .map((c) => plain(row[c] ?? ''))
      .filter(Boolean)
      .join('\n');
    if (note)
      source.add(
        day,
        { key: 'note', label: 'Notes', kind: 'text', aggregate: 'join', hint: { to: 'field', field: 'notes' } },
        note,
      );
  }
  if (source.days.size === 0) throw refused('The Daylio export has no entries with a date that could be read.');
  const moodItem = source.items.get('mood');
  if (moodItem) moodItem.labels = [...labels].sort((a, b) => (daylioRank(b) ?? -1) - (daylioRank(a) ?? -1));
  return source;
}

/** Where a Daylio mood label sits by default, or undefined for the person's own words. */
export function daylioRank(label: string): number | undefined {
  const l = label.trim().toLowerCase();
  return DAYLIO_DEFAULT_RANKS[l] ?? SYNONYMS[l];
}

function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]{0,40}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}
