import { symptomItem } from './bearable';
import { ParsedSource } from './types';
import { dayOrderOf, decodeText, fourToTen, headerIndex, parseDate, parseNumber, readCsv, refused } from './text';

const WEATHER = /^(icon|summary|temperature[ _]?(min|max)?|precip[ _]?intensity|pressure|humidity|weather.*)$/i;
const CONVERSION = 'Flaredown 0–4 → 0–10: round(v × 2.5)';

/**
 * Flaredown's CSV export, in either layout:
 * - wide, one row per date: `Date`, one column per condition and symptom (0–4), per treatment
 *   (a dose, `Taken` or `Not Taken`), `Tags` and `Foods` (`; `-joined), six weather columns;
 * - long, one row per check-in value: `checkin_date, trackable_type, trackable_name, trackable_value`
 *   (the layout of Flaredown's public research export).
 * Conditions and symptoms are put on 0–10 as round(v × 2.5); weather is not part of the journal
 * and is skipped (said in the dry run).
 */
export function parseFlaredown(bytes: Uint8Array): ParsedSource {
  const rows = readCsv(decodeText(bytes, 'Flaredown export'), 'Flaredown export');
  const header = rows[0] ?? [];
  const col = headerIndex(header);
  const source = new ParsedSource('flaredown');
  const body = rows.slice(1);
  if (col.has('trackable_type') && col.has('trackable_name')) {
    const dateCol = col.get('checkin_date') ?? col.get('date');
    if (dateCol === undefined) throw refused('This Flaredown export has no checkin_date column.');
    const order = dayOrderOf(
      body.map((r) => r[dateCol] ?? ''),
      source.notes,
    );
    const [type, name, value] = [col.get('trackable_type')!, col.get('trackable_name')!, col.get('trackable_value')];
    for (const [index, row] of body.entries()) {
      const date = parseDate(row[dateCol] ?? '', order);
      if (!date) {
        source.skip('Rows whose date could not be read', `line ${index + 2}`);
        continue;
      }
      reading(
        source,
        date,
        (row[type] ?? '').trim().toLowerCase(),
        (row[name] ?? '').trim(),
        (row[value ?? -1] ?? '').trim(),
        index + 2,
      );
    }
  } else {
    const dateCol = col.get('date') ?? col.get('checkin_date');
    if (dateCol === undefined)
      throw refused(
        'This is not a Flaredown export: it should have a Date column (or checkin_date, trackable_type, trackable_name).',
      );
    const order = dayOrderOf(
      body.map((r) => r[dateCol] ?? ''),
      source.notes,
    );
    for (const [index, row] of body.entries()) {
      const date = parseDate(row[dateCol] ?? '', order);
      if (!date) {
        source.skip('Rows whose date could not be read', `line ${index + 2}: "${row[dateCol] ?? ''}"`);
        continue;
      }
      header.forEach((rawName, c) => {
        if (c === dateCol) return;
        const name = rawName.trim();
        const text = (row[c] ?? '').trim();
        if (!name || text === '') return;
        const lower = name.toLowerCase();
        if (WEATHER.test(lower)) return source.skip('Weather columns (the journal does not record weather)', name);
        if (lower === 'tags' || lower === 'tag') return reading(source, date, 'tag', text, '', index + 2);
        if (lower === 'foods' || lower === 'food') return reading(source, date, 'food', text, '', index + 2);
        const typed = /^(.*?)\s*\((condition|symptom|treatment)\)$/i.exec(name);
        const kind = typed
          ? typed[2]!.toLowerCase()
          : /^(not taken|taken)$/i.test(text) || parseNumber(text) === null
            ? 'treatment'
            : 'symptom';
        reading(source, date, kind, typed ? typed[1]! : name, text, index + 2);
      });
    }
  }
  if (source.days.size === 0) throw refused('The Flaredown export has no check-ins with a date that could be read.');
  return source;
}

function reading(source: ParsedSource, date: string, type: string, name: string, value: string, line: number): void {
  switch (type) {
    case 'condition':
    case 'symptom': {
      const v = parseNumber(value);
      if (v === null || v < 0 || v > 4)
        return source.skip('Condition and symptom ratings outside 0–4', `line ${line}: ${name} "${value}"`);
      return source.add(date, symptomItem(name, CONVERSION), fourToTen(v));
    }
    case 'treatment': {
      const taken = !/^not taken$/i.test(value);
      return source.add(
        date,
        {
          key: `treatment:${name.toLowerCase()}`,
          label: `${name} (treatment)`,
          kind: 'event',
          aggregate: 'max',
          hint: { to: 'treatment', name },
        },
        taken ? 1 : 0,
      );
    }
    case 'tag':
      for (const tag of name.split(/\s*;\s*/).filter(Boolean)) {
        source.add(
          date,
          {
            key: `tag:${tag.toLowerCase()}`,
            label: `${tag} (tag)`,
            kind: 'event',
            aggregate: 'max',
            hint: { to: 'factor', name: tag },
          },
          1,
        );
      }
      return;
    case 'food':
      for (const food of name.split(/\s*;\s*/).filter(Boolean)) {
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
        );
      }
      return;
    case 'weather':
      return source.skip('Weather columns (the journal does not record weather)', name);
    default:
      return source.skip(`Flaredown's "${type || 'unnamed'}" values are not something the journal records`, name);
  }
}
