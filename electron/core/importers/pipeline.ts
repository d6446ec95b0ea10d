import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import {
  IMPORT_FIELDS,
  IMPORT_FORMAT_NAMES,
  IMPORT_LIMITS,
  importMapping,
  type ImportDestination,
  type ImportField,
  type ImportFormat,
  type ImportFromSummary,
  type ImportMapping,
  type ImportMappingItem,
  type ImportProposal,
} from '../../contract/importFrom';
import type { DayEntry } from '../../contract/journal';
import type { FactorKind, MealKind } from '../../contract/journalTerms';
import { timestamp } from '../clock';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readJournalSettings } from '../journal/catalog';
import { parseAppleHealth, type Cancel } from './appleHealth';
import { parseBearable } from './bearable';
import { parseDailyCsv } from './dailyCsv';
import { daylioRank, parseDaylio } from './daylio';
import { parseFlaredown } from './flaredown';
import { parseMySymptoms } from './mysymptoms';
import { matchName, normalizeName } from './names';
import { JournalCells, type CellValue, type Target } from './cells';
import { refused } from './text';
import { LABEL_SEPARATOR, type ParsedSource, type Progress, type ReadingValue, type SourceItem } from './types';

export interface SourceFile {
  fileName: string;
  /** The bytes (CSV files, uploads) or a path (large files on the command line; streamed). */
  bytes?: Uint8Array;
  path?: string;
}

export interface ReadSource {
  source: ParsedSource;
  sha256: string;
  fileName: string;
}

/**
 * Which app wrote a file, from its first bytes; or a sentence saying it cannot tell and naming what
 * it expected.
 */
export function detectFormat(head: Uint8Array): ImportFormat {
  if (head.length === 0 || (head.length < 4096 && new TextDecoder().decode(head).trim() === ''))
    throw refused('The file is empty.');
  if (head[0] === 0x50 && head[1] === 0x4b) return 'apple-health';
  let text = new TextDecoder('utf-8').decode(head.subarray(0, 4096)).replace(/^\ufeff/, '');
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2, 4096));
  if (/^\s*(<\?xml|<!DOCTYPE HealthData|<HealthData)/.test(text)) return 'apple-health';
  const header = (text.split(/\r?\n/)[0] ?? '').toLowerCase().replace(/"/g, '');
  const cols = header.split(/[,;\t]/).map((c) => c.trim());
  const has = (...names: string[]) => names.every((n) => cols.includes(n));
  if (has('category') && (has('rating/amount') || has('detail'))) return 'bearable';
  if (has('full_date', 'mood') || has('year', 'date', 'mood', 'activities')) return 'daylio';
  if (has('trackable_name') || (cols[0] === 'date' && (has('tags') || has('foods')))) return 'flaredown';
  if (
    cols.some((c) => c.includes('date')) &&
    cols.some((c) => c === 'type' || c.includes('event')) &&
    cols.some((c) => /item|description|detail|intensity/.test(c))
  )
    return 'mysymptoms';
  // mySymptoms' own CSV has no header: date, time, event type, items…
  if (
    /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(cols[0] ?? '') &&
    /^\d{1,2}:\d{2}/.test(cols[1] ?? '') &&
    /^(breakfast|lunch|dinner|snack|drinks?|meal|food|symptoms?|stool|bowel movements?|medication|medicine|supplements?|exercise|activity|sleep|stress|notes?|other)$/.test(
      cols[2] ?? '',
    )
  )
    return 'mysymptoms';
  if (cols.some((c) => /move minutes|heart points|step count/.test(c))) return 'google-fit';
  if (cols.length >= 2 && cols.some((c) => /date|day/.test(c))) return 'csv';
  throw refused(
    `Axis Journal cannot tell which app made this file. It expected one of: ${Object.values(IMPORT_FORMAT_NAMES).join('; ')}. Choose the format yourself if you know it.`,
  );
}

/** Reads and parses a file (checking its size first), with its SHA-256 for provenance. */
export async function readSource(
  format: ImportFormat | 'auto',
  file: SourceFile,
  options: {
    dateColumn?: string | undefined;
    progress?: Progress;
    cancel?: Cancel;
    healthWorker?: (path: string) => Promise<{ source: ParsedSource; sha256: string }>;
  } = {},
): Promise<ReadSource> {
  const size = file.path !== undefined ? statSync(file.path).size : (file.bytes?.length ?? 0);
  if (size === 0) throw refused('The file is empty.');
  let head: Uint8Array;
  if (file.bytes) head = file.bytes.subarray(0, 4096);
  else {
    head = new Uint8Array(0);
    for await (const chunk of createReadStream(file.path!, { start: 0, end: 4095 })) head = chunk as Buffer;
  }
  const chosen = format === 'auto' ? detectFormat(head) : format;
  if (chosen !== 'apple-health' && size > IMPORT_LIMITS.csvBytes) {
    throw refused(
      `The file is larger than ${IMPORT_LIMITS.csvBytes / 1024 / 1024} MB, too large for a ${IMPORT_FORMAT_NAMES[chosen]} file.`,
    );
  }
  if (size > IMPORT_LIMITS.healthBytes)
    throw refused(
      `The file is larger than ${IMPORT_LIMITS.healthBytes / 1024 ** 3} GB, more than an Apple Health export holds.`,
    );
  const hash = createHash('sha256');
  let sha256: string | null = null;
  let bytes = file.bytes;
  if (file.path !== undefined && chosen !== 'apple-health') {
    bytes = readFileSync(file.path);
    hash.update(bytes);
  } else if (file.bytes) hash.update(file.bytes);
  let source: ParsedSource;
  switch (chosen) {
    case 'bearable':
      source = parseBearable(bytes!);
      break;
    case 'daylio':
      source = parseDaylio(bytes!);
      break;
    case 'flaredown':
      source = parseFlaredown(bytes!);
      break;
    case 'mysymptoms':
      source = parseMySymptoms(bytes!);
      break;
    case 'google-fit':
    case 'csv':
      source = parseDailyCsv(bytes!, chosen, options.dateColumn);
      break;
    case 'apple-health':
      if (file.path !== undefined && options.healthWorker) {
        // Streamed once, in the worker, which hashes the bytes as it reads them.
        ({ source, sha256 } = await options.healthWorker(file.path));
      } else if (file.path !== undefined) {
        source = await parseAppleHealth({ path: file.path }, options.progress, options.cancel, (chunk) =>
          hash.update(chunk),
        );
      } else source = await parseAppleHealth({ bytes: bytes! }, options.progress, options.cancel);
      break;
  }
  if (source.items.size > IMPORT_LIMITS.items)
    throw refused(`The file names more than ${IMPORT_LIMITS.items.toLocaleString('en')} different things to import.`);
  return { source, sha256: sha256 ?? hash.digest('hex'), fileName: file.fileName.slice(0, 260) };
}

interface Names {
  conditions: { id: number; name: string; tracked: boolean }[];
  foods: { id: number; name: string }[];
  treatments: { id: number; name: string }[];
  factors: { id: number; name: string; kind: FactorKind }[];
  trackCycle: boolean;
}

function journalNames(db: Db): Names {
  return {
    conditions: (
      db.prepare('SELECT id, name, tracked FROM conditions ORDER BY sort, id').all() as {
        id: number;
        name: string;
        tracked: number;
      }[]
    ).map((c) => ({ ...c, tracked: c.tracked === 1 })),
    foods: db.prepare('SELECT id, name FROM foods WHERE archived = 0 ORDER BY name').all() as {
      id: number;
      name: string;
    }[],
    treatments: db.prepare('SELECT id, name FROM treatments ORDER BY name').all() as { id: number; name: string }[],
    factors: db.prepare('SELECT id, name, kind FROM custom_factors ORDER BY sort, id').all() as {
      id: number;
      name: string;
      kind: FactorKind;
    }[],
    trackCycle: readJournalSettings(db).trackCycle,
  };
}

/** The mapping proposed for a file: last time's choices for this app first, then the importer's hints matched to the journal's names. */
export function proposeMapping(db: Db, read: ReadSource, dateColumn?: string): ImportMapping {
  const names = journalNames(db);
  const remembered = rememberedMapping(db, read.source.format);
  const counts = itemCounts(read.source);
  const items = [...read.source.items.values()]
    .sort(
      (a, b) =>
        (counts.get(b.key)?.readings ?? 0) - (counts.get(a.key)?.readings ?? 0) || a.label.localeCompare(b.label),
    )
    .map((item): ImportMappingItem => {
      const before = remembered.get(item.key);
      const entry: ImportMappingItem = {
        key: item.key,
        label: item.label,
        kind: item.kind,
        readings: counts.get(item.key)?.readings ?? 0,
        days: counts.get(item.key)?.days ?? 0,
        to: before && compatible(item, before.to, names) === null ? before.to : suggest(item, names),
      };
      if (item.unit) entry.unit = item.unit;
      if (item.conversion) entry.conversion = item.conversion;
      if (item.kind === 'label')
        entry.ranks = Object.fromEntries((item.labels ?? []).map((l) => [l, before?.ranks?.[l] ?? daylioRank(l) ?? 5]));
      return entry;
    });
  const mapping: ImportMapping = { format: read.source.format, conflict: 'fill', items };
  if (dateColumn) mapping.dateColumn = dateColumn;
  return mapping;
}

function suggest(item: SourceItem, names: Names): ImportDestination {
  const hint = item.hint ?? { to: 'factor', name: item.label };
  const newFactor = (name: string): ImportDestination => {
    const existing = matchName(
      name,
      names.factors.map((f) => f.name),
    );
    const factor = names.factors.find((f) => f.name === existing);
    if (factor && factorFits(item, factor.kind)) return { type: 'factor', name: factor.name };
    const fresh = uniqueName(
      (name.charAt(0).toUpperCase() + name.slice(1)).slice(0, 60),
      names.factors.map((f) => f.name),
    );
    return item.unit
      ? { type: 'factor', name: fresh, kind: factorKindFor(item), unit: item.unit.slice(0, 20) }
      : { type: 'factor', name: fresh, kind: factorKindFor(item) };
  };
  switch (hint.to) {
    case 'skip':
      return { type: 'skip' };
    case 'field':
      if (hint.field === 'cycleDay' && !names.trackCycle) return { type: 'skip' };
      return { type: 'field', field: hint.field as ImportField };
    case 'condition': {
      const found = matchName(
        hint.name,
        names.conditions.map((c) => c.name),
      );
      return found ? { type: 'condition', name: found } : newFactor(item.label.replace(/ \(symptom\)$/, ''));
    }
    case 'food':
      return {
        type: 'food',
        name:
          matchName(
            hint.name,
            names.foods.map((f) => f.name),
          ) ?? hint.name.slice(0, 80),
      };
    case 'treatment':
      return {
        type: 'treatment',
        name:
          matchName(
            hint.name,
            names.treatments.map((t) => t.name),
          ) ?? hint.name.slice(0, 80),
      };
    case 'factor': {
      if (item.kind === 'event') {
        const food = names.foods.find((f) => normalizeName(f.name) === normalizeName(hint.name));
        if (food) return { type: 'food', name: food.name };
        const treatment = names.treatments.find((t) => normalizeName(t.name) === normalizeName(hint.name));
        if (treatment) return { type: 'treatment', name: treatment.name };
      }
      const condition =
        item.kind === 'scale'
          ? names.conditions.find((c) => normalizeName(c.name) === normalizeName(hint.name))
          : undefined;
      if (condition) return { type: 'condition', name: condition.name };
      return newFactor(hint.name);
    }
  }
}

function uniqueName(name: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++)
    if (!lower.has(`${name.slice(0, 55)} (${n})`.toLowerCase())) return `${name.slice(0, 55)} (${n})`;
}

function factorKindFor(item: SourceItem | ImportMappingItem): FactorKind {
  return item.kind === 'event' ? 'yesno' : item.kind === 'number' ? 'number' : 'scale';
}

function factorFits(item: { kind: string }, kind: FactorKind): boolean {
  return item.kind === 'event' ? kind === 'yesno' : item.kind !== 'text' && kind !== 'yesno';
}

/** Null when `to` can take the item's values, else the reason in words. */
function compatible(item: { kind: string; label: string }, to: ImportDestination, names: Names): string | null {
  switch (to.type) {
    case 'skip':
      return null;
    case 'field': {
      const field = IMPORT_FIELDS[to.field as ImportField];
      if (field.kind === 'text') return item.kind === 'text' ? null : `only text can go to ${field.label}`;
      if (item.kind === 'event' || item.kind === 'text')
        return `${field.label} takes numbers, and "${item.label}" is ${item.kind === 'event' ? 'something that happened or not' : 'text'}`;
      if (to.field === 'cycleDay' && !names.trackCycle)
        return 'you do not track your cycle (turn it on in Settings first)';
      return null;
    }
    case 'condition':
      if (!names.conditions.some((c) => c.name.toLowerCase() === to.name.toLowerCase()))
        return `there is no skin condition called "${to.name}"`;
      return item.kind === 'scale' || item.kind === 'label' || item.kind === 'number'
        ? null
        : 'a skin condition takes a 0–10 severity';
    case 'food':
    case 'treatment':
      return item.kind === 'event' ? null : `only something eaten or taken can go to a ${to.type}`;
    case 'factor': {
      const existing = names.factors.find((f) => f.name.toLowerCase() === to.name.toLowerCase());
      const kind = existing?.kind ?? to.kind ?? factorKindFor(item as SourceItem);
      if (item.kind === 'text') return 'text cannot go to a factor';
      return factorFits(item, kind)
        ? null
        : `your factor "${to.name}" is ${kind === 'yesno' ? 'a yes/no factor' : 'a number factor'}, which does not fit "${item.label}"`;
    }
  }
}

function itemCounts(source: ParsedSource): Map<string, { readings: number; days: number }> {
  const out = new Map<string, { readings: number; days: number }>();
  for (const day of source.days.values()) {
    for (const key of day.keys()) {
      const c = out.get(key) ?? { readings: source.itemReadings.get(key) ?? 0, days: 0 };
      c.days++;
      out.set(key, c);
    }
  }
  return out;
}

function rememberedMapping(db: Db, format: ImportFormat): Map<string, ImportMappingItem> {
  const row = db.prepare('SELECT mapping FROM import_mappings WHERE format = ?').get(format) as
    { mapping: string } | undefined;
  if (!row) return new Map();
  const parsed = importMapping.safeParse(JSON.parse(row.mapping));
  return parsed.success ? new Map(parsed.data.items.map((i) => [i.key, i])) : new Map();
}

export function destinationsOf(db: Db): ImportProposal['destinations'] {
  const names = journalNames(db);
  return {
    conditions: names.conditions.map((c) => c.name),
    foods: names.foods.map((f) => f.name),
    treatments: names.treatments.map((t) => t.name),
    factors: names.factors.map((f) => ({ name: f.name, kind: f.kind })),
    trackCycle: names.trackCycle,
  };
}

/** Thrown inside the transaction to undo a dry run; never escapes this module. */
class DryRunDone extends Error {}

interface Resolved {
  item: ImportMappingItem;
  target: Target;
  label: string;
}

/**
 * The dry run (dryRun) or the import: every value goes where the mapping says, in one transaction.
 * With conflict 'fill' a value the journal already has is kept and the difference listed; with
 * 'overwrite' it is replaced and listed. Every value written is recorded with the one it replaced,
 * for undo. A file already imported (same SHA-256, not undone) adds nothing.
 */
export function runImport(
  db: Db,
  read: ReadSource,
  rawMapping: ImportMapping,
  options: { dryRun: boolean; today: string },
): ImportFromSummary {
  const parsedMapping = importMapping.safeParse(rawMapping);
  if (!parsedMapping.success)
    throw new AppError(
      'INVALID_INPUT',
      `The mapping is not valid (${parsedMapping.error.issues[0]!.path.join('.')}: ${parsedMapping.error.issues[0]!.message}). Nothing was changed.`,
    );
  const mapping = parsedMapping.data;
  const { source } = read;
  if (mapping.format !== source.format)
    throw new AppError(
      'INVALID_INPUT',
      `The mapping is for ${IMPORT_FORMAT_NAMES[mapping.format]}, but the file is ${IMPORT_FORMAT_NAMES[source.format]}. Nothing was changed.`,
    );
  const previous = db
    .prepare('SELECT id, imported_at FROM imports WHERE file_sha256 = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(read.sha256) as { id: number; imported_at: string } | undefined;
  const summary: ImportFromSummary = {
    format: source.format,
    fileName: read.fileName,
    fileSha256: read.sha256,
    dryRun: options.dryRun,
    alreadyImported: previous ? { id: previous.id, importedAt: previous.imported_at } : null,
    days: { inFile: source.days.size, newDays: 0, existingDays: 0 },
    values: { added: 0, replaced: 0, kept: 0, alreadyThere: 0 },
    perDestination: [],
    created: { foods: [], treatments: [], factors: [] },
    changes: [],
    changesTotal: 0,
    skipped: [],
    notes: [...source.notes],
    importId: null,
  };
  const skipped = new Map(
    [...source.skipped].map(([reason, v]) => [reason, { count: v.count, examples: [...v.examples] }]),
  );
  const skip = (reason: string, example: string) => {
    let entry = skipped.get(reason);
    if (!entry) skipped.set(reason, (entry = { count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < 5 && !entry.examples.includes(example)) entry.examples.push(example);
  };
  const byKey = new Map(mapping.items.map((i) => [i.key, i]));
  const names = journalNames(db);
  for (const item of source.items.values()) {
    const chosen = byKey.get(item.key);
    if (!chosen) continue;
    const problem = compatible(item, chosen.to, names);
    if (problem)
      throw new AppError('INVALID_INPUT', `"${item.label}" cannot go there: ${problem}. Nothing was changed.`);
  }
  const now = timestamp(db);
  const per = new Map<string, { added: number; replaced: number; kept: number }>();
  try {
    db.transaction(() => {
      const importId = options.dryRun
        ? 0
        : Number(
            db
              .prepare(
                'INSERT INTO imports (format, file_name, file_sha256, imported_at, summary) VALUES (?, ?, ?, ?, ?)',
              )
              .run(source.format, read.fileName, read.sha256, now, '{}').lastInsertRowid,
          );
      const created = db.prepare('INSERT OR IGNORE INTO import_created (import_id, kind, ref_id) VALUES (?, ?, ?)');
      const resolved = new Map<string, Resolved>();
      for (const item of source.items.values()) {
        const chosen = byKey.get(item.key);
        if (!chosen || chosen.to.type === 'skip') continue;
        resolved.set(item.key, {
          item: chosen,
          ...resolveTarget(db, chosen, item, summary, (kind, id) => {
            if (!options.dryRun) created.run(importId, kind, id);
          }),
        });
      }
      const cells = new JournalCells(db);
      const record = db.prepare(
        'INSERT OR REPLACE INTO import_values (import_id, date, target, value, previous) VALUES (?, ?, ?, ?, ?)',
      );
      const dates = [...source.days.keys()].sort();
      for (const date of dates) {
        if (date > options.today) {
          skip('Days after today', date);
          continue;
        }
        const values = source.days.get(date)!;
        const wanted = new Map<
          string,
          { target: Target; label: string; value: number | string | boolean; meal: MealKind }
        >();
        for (const [key, raw] of values) {
          const chosen = byKey.get(key);
          const item = source.items.get(key)!;
          if (!chosen || chosen.to.type === 'skip') {
            skip(chosen ? `You chose to skip these` : 'Not in the mapping', item.label);
            continue;
          }
          const r = resolved.get(key)!;
          const value = convert(raw, chosen, r.target);
          if (typeof value === 'string' && value.startsWith('\u0000')) {
            skip(value.slice(1), `${date}: ${item.label} ${String(raw)}`);
            continue;
          }
          if (value === null) continue;
          const id = targetId(r.target);
          const before = wanted.get(id);
          wanted.set(id, {
            target: r.target,
            label: r.label,
            value: before ? combine(before.value, value, r.target) : value,
            meal: source.meals.get(`${date}|${key}`) ?? 'snack',
          });
        }
        if (wanted.size === 0) continue;
        const row = cells.day(date);
        const writes: { id: string; target: Target; value: CellValue; meal: MealKind; current: CellValue | null }[] =
          [];
        for (const [id, w] of wanted) {
          const current = cells.current(date, w.target, row);
          const counts = per.get(w.label) ?? { added: 0, replaced: 0, kept: 0 };
          per.set(w.label, counts);
          const same =
            current !== null &&
            (typeof current === 'number' && typeof w.value === 'number'
              ? Math.abs(current - w.value) < 1e-9
              : current === w.value);
          if (same) {
            summary.values.alreadyThere++;
            continue;
          }
          if (current !== null && w.target.kind !== 'food') {
            summary.changesTotal++;
            const action = mapping.conflict === 'overwrite' ? 'replaced' : 'kept';
            if (summary.changes.length < 200)
              summary.changes.push({ date, destination: w.label, yours: show(current), theirs: show(w.value), action });
            if (action === 'kept') {
              summary.values.kept++;
              counts.kept++;
              continue;
            }
            summary.values.replaced++;
            counts.replaced++;
          } else {
            summary.values.added++;
            counts.added++;
          }
          writes.push({ id, target: w.target, value: w.value, meal: w.meal, current });
        }
        if (writes.length === 0) continue;
        if (row) summary.days.existingDays++;
        else {
          summary.days.newDays++;
          cells.createDay(date, now);
          if (!options.dryRun) record.run(importId, date, 'day', 'true', 'null');
        }
        for (const w of writes) {
          cells.set(date, w.target, w.value, w.meal, now);
          if (!options.dryRun)
            record.run(
              importId,
              date,
              w.id,
              JSON.stringify(w.target.kind === 'food' ? w.meal : w.value),
              JSON.stringify(w.current),
            );
        }
      }
      summary.perDestination = [...per]
        .map(([destination, c]) => ({ destination, ...c }))
        .filter((d) => d.added + d.replaced + d.kept > 0);
      summary.skipped = [...skipped].map(([reason, v]) => ({ reason, ...v }));
      const wrote = summary.values.added + summary.values.replaced > 0;
      if (options.dryRun) throw new DryRunDone();
      if (
        !wrote &&
        summary.created.foods.length + summary.created.treatments.length + summary.created.factors.length === 0
      ) {
        db.prepare('DELETE FROM imports WHERE id = ?').run(importId);
      } else {
        summary.importId = importId;
        db.prepare('UPDATE imports SET summary = ? WHERE id = ?').run(
          JSON.stringify({ values: summary.values, days: summary.days }),
          importId,
        );
      }
      db.prepare(
        `INSERT INTO import_mappings (format, mapping, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (format) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
      ).run(source.format, JSON.stringify(mergeRemembered(db, mapping)), now);
    })();
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  if (summary.alreadyImported && summary.values.added + summary.values.replaced === 0) {
    summary.notes.unshift(
      `This file was already imported on ${summary.alreadyImported.importedAt.slice(0, 10)}: importing it again adds nothing.`,
    );
  }
  return summary;
}

/** Last time's choices for items not in this file stay remembered too. */
function mergeRemembered(db: Db, mapping: ImportMapping): ImportMapping {
  const old = rememberedMapping(db, mapping.format);
  for (const item of mapping.items)
    old.set(item.key, {
      key: item.key,
      label: item.label,
      kind: item.kind,
      to: item.to,
      ...(item.ranks ? { ranks: item.ranks } : {}),
    });
  return { format: mapping.format, conflict: mapping.conflict, items: [...old.values()].slice(-2_000) };
}

function resolveTarget(
  db: Db,
  chosen: ImportMappingItem,
  item: SourceItem,
  summary: ImportFromSummary,
  created: (kind: 'food' | 'treatment' | 'factor' | 'condition_tracked', id: number) => void,
): { target: Target; label: string } {
  const now = timestamp(db);
  const to = chosen.to;
  switch (to.type) {
    case 'field':
      return {
        target: { kind: 'field', field: to.field as ImportField },
        label: IMPORT_FIELDS[to.field as ImportField].label.replace(/ \(0–10\)$/, ''),
      };
    case 'condition': {
      const row = db.prepare('SELECT id, name, tracked FROM conditions WHERE name = ?').get(to.name) as {
        id: number;
        name: string;
        tracked: number;
      };
      if (row.tracked === 0) {
        db.prepare('UPDATE conditions SET tracked = 1 WHERE id = ?').run(row.id);
        created('condition_tracked', row.id);
      }
      return { target: { kind: 'skin', id: row.id }, label: `${row.name} (skin)` };
    }
    case 'food': {
      let row = db.prepare('SELECT id, name FROM foods WHERE name = ?').get(to.name) as
        { id: number; name: string } | undefined;
      if (!row) {
        const id = Number(
          db
            .prepare('INSERT INTO foods (builtin_key, name, plant, archived, created_at) VALUES (NULL, ?, 0, 0, ?)')
            .run(to.name, now).lastInsertRowid,
        );
        created('food', id);
        summary.created.foods.push(to.name);
        row = { id, name: to.name };
      }
      return { target: { kind: 'food', id: row.id }, label: `${row.name} (food)` };
    }
    case 'treatment': {
      let row = db
        .prepare('SELECT id, name FROM treatments WHERE name = ? ORDER BY (stopped_on IS NOT NULL), id LIMIT 1')
        .get(to.name) as { id: number; name: string } | undefined;
      if (!row) {
        const kind = /probiotic/i.test(to.name) ? 'probiotic' : 'other';
        const id = Number(
          db
            .prepare("INSERT INTO treatments (name, kind, dose, created_at) VALUES (?, ?, '', ?)")
            .run(to.name, kind, now).lastInsertRowid,
        );
        created('treatment', id);
        summary.created.treatments.push(to.name);
        row = { id, name: to.name };
      }
      return { target: { kind: 'dose', id: row.id }, label: `${row.name} (treatment)` };
    }
    case 'factor': {
      let row = db.prepare('SELECT id, name, kind FROM custom_factors WHERE name = ?').get(to.name) as
        { id: number; name: string; kind: FactorKind } | undefined;
      if (!row) {
        const kind = to.kind ?? factorKindFor(item);
        const sort = db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM custom_factors').pluck().get() as number;
        const unit = kind === 'number' ? (to.unit ?? item.unit ?? '').slice(0, 20) : '';
        const id = Number(
          db
            .prepare(
              'INSERT INTO custom_factors (name, kind, unit, archived, sort, created_at) VALUES (?, ?, ?, 0, ?, ?)',
            )
            .run(to.name, kind, unit, sort, now).lastInsertRowid,
        );
        created('factor', id);
        summary.created.factors.push(to.name);
        row = { id, name: to.name, kind };
      }
      return { target: { kind: 'custom', id: row.id, factorKind: row.kind }, label: `${row.name} (factor)` };
    }
    case 'skip':
      throw new Error('unreachable');
  }
}

function targetId(target: Target): string {
  return target.kind === 'field' ? `field:${target.field}` : `${target.kind}:${target.id}`;
}

/** A reading on the destination's scale; null to ignore; "\0reason" to skip it with a reason. */
function convert(raw: ReadingValue, item: ImportMappingItem, target: Target): number | string | boolean | null {
  let value: number | string = raw;
  if (item.kind === 'label') {
    const ranks = String(raw)
      .split(LABEL_SEPARATOR)
      .map((label) => item.ranks?.[label]);
    if (ranks.some((r) => r === undefined)) return `\u0000Mood labels without a rank`;
    value = (ranks as number[]).reduce((a, b) => a + b, 0) / ranks.length;
  }
  const outside = (what: string) => `\u0000Values outside the range of ${what}`;
  switch (target.kind) {
    case 'field': {
      const field = IMPORT_FIELDS[target.field];
      if (field.kind === 'text') return String(value).slice(0, 20_000);
      if (typeof value !== 'number') return null;
      const v = field.integer ? Math.round(value) : Math.round(value * 100) / 100;
      return v < field.min || v > field.max ? outside(field.label) : v;
    }
    case 'skin': {
      if (typeof value !== 'number') return null;
      const v = Math.round(value);
      return v < 0 || v > 10 ? outside('a skin severity (0–10)') : v;
    }
    case 'custom':
      if (typeof value !== 'number') return null;
      if (target.factorKind === 'yesno') return value > 0 ? 1 : 0;
      if (target.factorKind === 'scale') {
        const v = Math.round(value);
        return v < 0 || v > 10 ? outside('a 0–10 factor') : v;
      }
      return Math.abs(value) > 1_000_000 ? outside('a number factor') : value;
    case 'dose':
      return typeof value === 'number' ? value > 0 : null;
    case 'food':
      return typeof value === 'number' && value > 0 ? true : null;
  }
}

/** Two items going to the same place on one day: scales the highest, amounts added, text joined, events either. */
function combine(
  a: number | string | boolean,
  b: number | string | boolean,
  target: Target,
): number | string | boolean {
  if (typeof a === 'string' || typeof b === 'string') return `${a}\n\n${b}`.slice(0, 20_000);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Boolean(a) || Boolean(b);
  const amount =
    (target.kind === 'field' && IMPORT_FIELDS[target.field].kind === 'number' && target.field !== 'cycleDay') ||
    (target.kind === 'custom' && target.factorKind === 'number');
  if (!amount) return Math.max(a, b);
  if (target.kind === 'field') return Math.min(IMPORT_FIELDS[target.field].max, a + b);
  return a + b;
}

const FIELD_PATH: Record<
  ImportField,
  (e: DayEntry) => { get(): number | string | null; set(v: number | string | null): void }
> = {
  mood: (e) => ({ get: () => e.lifestyle.mood, set: (v) => (e.lifestyle.mood = v as number | null) }),
  stress: (e) => ({ get: () => e.lifestyle.stress, set: (v) => (e.lifestyle.stress = v as number | null) }),
  sleepQuality: (e) => ({
    get: () => e.lifestyle.sleepQuality,
    set: (v) => (e.lifestyle.sleepQuality = v as number | null),
  }),
  sleepHours: (e) => ({ get: () => e.lifestyle.sleepHours, set: (v) => (e.lifestyle.sleepHours = v as number | null) }),
  exerciseMinutes: (e) => ({
    get: () => e.lifestyle.exerciseMinutes,
    set: (v) => (e.lifestyle.exerciseMinutes = v as number | null),
  }),
  relaxationMinutes: (e) => ({
    get: () => e.lifestyle.relaxationMinutes,
    set: (v) => (e.lifestyle.relaxationMinutes = v as number | null),
  }),
  meditationMinutes: (e) => ({
    get: () => e.lifestyle.meditationMinutes,
    set: (v) => (e.lifestyle.meditationMinutes = v as number | null),
  }),
  cycleDay: (e) => ({ get: () => e.lifestyle.cycleDay, set: (v) => (e.lifestyle.cycleDay = v as number | null) }),
  bloating: (e) => ({ get: () => e.gut.bloating, set: (v) => (e.gut.bloating = v as number | null) }),
  discomfort: (e) => ({ get: () => e.gut.discomfort, set: (v) => (e.gut.discomfort = v as number | null) }),
  waterGlasses: (e) => ({ get: () => e.gut.waterGlasses, set: (v) => (e.gut.waterGlasses = v as number | null) }),
  notes: (e) => ({ get: () => (e.notes === '' ? null : e.notes), set: (v) => (e.notes = (v as string | null) ?? '') }),
};

/** The journal's value at a target, null when empty. Foods: true when eaten that day. */
function currentValue(entry: DayEntry, target: Target): number | string | boolean | null {
  switch (target.kind) {
    case 'field':
      return FIELD_PATH[target.field](entry).get();
    case 'skin':
      return entry.skin.find((s) => s.conditionId === target.id)?.severity ?? null;
    case 'custom':
      return entry.custom.find((c) => c.factorId === target.id)?.value ?? null;
    case 'dose':
      return entry.treatments.find((t) => t.treatmentId === target.id)?.taken ?? null;
    case 'food':
      return entry.meals.some((m) => m.foods.some((f) => f.foodId === target.id)) ? true : null;
  }
}

function setValue(entry: DayEntry, target: Target, value: number | string | boolean | null, meal: MealKind): void {
  switch (target.kind) {
    case 'field':
      FIELD_PATH[target.field](entry).set(value as number | string | null);
      return;
    case 'skin': {
      const score = entry.skin.find((s) => s.conditionId === target.id);
      if (score) score.severity = value as number | null;
      else if (value !== null)
        entry.skin.push({
          conditionId: target.id,
          severity: value as number,
          itch: null,
          sleepLost: null,
          newLesions: null,
          flare: false,
          areas: [],
        });
      return;
    }
    case 'custom': {
      entry.custom = entry.custom.filter((c) => c.factorId !== target.id);
      if (value !== null) entry.custom.push({ factorId: target.id, value: value as number });
      return;
    }
    case 'dose': {
      entry.treatments = entry.treatments.filter((t) => t.treatmentId !== target.id);
      if (value !== null) entry.treatments.push({ treatmentId: target.id, taken: value as boolean });
      return;
    }
    case 'food': {
      if (value === null) {
        for (const m of entry.meals) m.foods = m.foods.filter((f) => f.foodId !== target.id);
        return;
      }
      let m = entry.meals.find((x) => x.kind === meal && x.foods.length < 60);
      if (!m) entry.meals.push((m = { kind: meal, time: null, foods: [] }));
      m.foods.push({ foodId: target.id, servings: 1 });
    }
  }
}

function show(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? 'taken' : 'not taken';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return String(value);
}

export const importInternals = { currentValue, setValue, targetFromId };

function targetFromId(db: Db, id: string): Target | null {
  const [kind, rest] = id.split(':') as [string, string];
  if (kind === 'field') return { kind: 'field', field: rest as ImportField };
  const n = Number(rest);
  if (kind === 'skin' || kind === 'dose' || kind === 'food') return { kind, id: n };
  if (kind === 'custom') {
    const row = db.prepare('SELECT kind FROM custom_factors WHERE id = ?').get(n) as { kind: FactorKind } | undefined;
    return row ? { kind, id: n, factorKind: row.kind } : null;
  }
  return null;
}
