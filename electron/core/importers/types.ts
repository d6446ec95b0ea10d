import type { ImportFormat, ItemKind } from '../../contract/importFromTerms';
import type { MealKind } from '../../contract/journalTerms';

/**
 * What every importer produces: the source's items (a symptom, an activity, a column…) and, per
 * day, one value per item, already on the journal's scale where a conversion is documented. The
 * mapping step then says where each item goes; nothing here touches the journal.
 */
export interface SourceItem {
  /** Stable within the format, e.g. "symptom:headache": mappings are remembered by it. */
  key: string;
  /** What the person called it in the other app, e.g. "Headache (symptom)". */
  label: string;
  kind: ItemKind;
  /** Unit of a number item (hours, minutes, steps). */
  unit?: string;
  /** The documented conversion applied to its values, in words. */
  conversion?: string;
  /** How several readings on one day become one value. */
  aggregate: 'max' | 'sum' | 'mean' | 'last' | 'join' | 'labels';
  /** What the importer suggests before the journal's own names are looked at. */
  hint?: Hint;
  /** For a label item (Daylio moods): the labels seen, best first when the app's order is known. */
  labels?: string[];
}

export type Hint =
  | { to: 'field'; field: string }
  | { to: 'condition' | 'food' | 'treatment' | 'factor'; name: string }
  | { to: 'skip'; reason: string };

export type ReadingValue = number | string;

/** Between the labels of one day (label items keep every label seen; their ranks are averaged). */
export const LABEL_SEPARATOR = '\u001f';

export class ParsedSource {
  readonly items = new Map<string, SourceItem>();
  /** date → item key → value. */
  readonly days = new Map<string, Map<string, ReadingValue>>();
  /** "date|item key" → the meal a food was eaten at, when the source says. */
  readonly meals = new Map<string, MealKind>();
  /** reason → count and a few examples (rows or names), for the dry run. */
  readonly skipped = new Map<string, { count: number; examples: string[] }>();
  /** Things the person should know about how the file was read (e.g. which date order was assumed). */
  readonly notes: string[] = [];
  readings = 0;
  /** Readings per item key (before several on one day are combined). */
  readonly itemReadings = new Map<string, number>();
  /** "date|item key" → how many readings a mean is made of. */
  private readonly counts = new Map<string, number>();

  constructor(readonly format: ImportFormat) {}

  item(item: SourceItem): SourceItem {
    const existing = this.items.get(item.key);
    if (existing) return existing;
    this.items.set(item.key, item);
    return item;
  }

  add(date: string, item: SourceItem, value: ReadingValue, meal?: MealKind): void {
    this.item(item);
    let day = this.days.get(date);
    if (!day) this.days.set(date, (day = new Map()));
    const before = day.get(item.key);
    this.readings++;
    this.itemReadings.set(item.key, (this.itemReadings.get(item.key) ?? 0) + 1);
    if (meal) this.meals.set(`${date}|${item.key}`, meal);
    if (before === undefined) {
      day.set(item.key, value);
      return;
    }
    switch (item.aggregate) {
      case 'max':
        day.set(item.key, typeof before === 'number' && typeof value === 'number' ? Math.max(before, value) : value);
        break;
      case 'mean': {
        const id = `${date}|${item.key}`;
        const n = this.counts.get(id) ?? 1;
        this.counts.set(id, n + 1);
        if (typeof before === 'number' && typeof value === 'number') day.set(item.key, (before * n + value) / (n + 1));
        break;
      }
      case 'sum':
        day.set(item.key, typeof before === 'number' && typeof value === 'number' ? before + value : value);
        break;
      case 'labels':
        day.set(item.key, `${before}${LABEL_SEPARATOR}${value}`);
        break;
      case 'join':
        if (String(value) !== '' && !String(before).includes(String(value)))
          day.set(item.key, before === '' ? value : `${before}\n\n${value}`);
        break;
      default:
        day.set(item.key, value);
    }
  }

  skip(reason: string, example?: string): void {
    let entry = this.skipped.get(reason);
    if (!entry) this.skipped.set(reason, (entry = { count: 0, examples: [] }));
    entry.count++;
    if (example !== undefined && entry.examples.length < 5 && !entry.examples.includes(example))
      entry.examples.push(example.slice(0, 120));
  }
}

/** Progress of a long read: bytes done of the total, for a progress bar. */
export type Progress = (done: number, total: number) => void;
