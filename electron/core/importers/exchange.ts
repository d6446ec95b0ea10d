import type { ImportSummary, JournalExport } from '../../contract/dataExport';
import type { ExportedImport, ExportedImportMapping } from '../../contract/importHistoryExport';
import type { ImportFormat } from '../../contract/importFromTerms';
import type { Db } from '../db/database';
import type { ImportRow } from './history';

/** The journal's ids of conditions, foods and factors (by lower-case name) and of the file's treatments (by index). */
export interface ExchangeIds {
  conditions: Map<string, number>;
  foods: Map<string, number>;
  factors: Map<string, number>;
  treatments: number[];
}

/**
 * Import history for the JSON export: every import from another app with each value it wrote and
 * the value it replaced, and what it created — ids turned into names (treatments into their index
 * in the export's list) — and the mapping remembered per app.
 */
export function exportImportHistory(
  db: Db,
  treatmentIndex: Map<number, number>,
): { importHistory: ExportedImport[]; importMappings: ExportedImportMapping[] } {
  const name = (table: string) =>
    new Map(
      (db.prepare(`SELECT id, name FROM ${table}`).all() as { id: number; name: string }[]).map((r) => [r.id, r.name]),
    );
  const conditions = name('conditions');
  const foods = name('foods');
  const factors = name('custom_factors');
  const portable = (kind: string, id: number): string | null => {
    const found =
      kind === 'skin' || kind === 'condition_tracked'
        ? conditions.get(id)
        : kind === 'food'
          ? foods.get(id)
          : kind === 'custom' || kind === 'factor'
            ? factors.get(id)
            : kind === 'dose' || kind === 'treatment'
              ? treatmentIndex.get(id)
              : undefined;
    return found === undefined ? null : String(found);
  };
  const imports = db
    .prepare('SELECT id, format, file_name, file_sha256, imported_at, undone_at FROM imports ORDER BY id')
    .all() as ImportRow[];
  const values = db.prepare(
    'SELECT date, target, value, previous FROM import_values WHERE import_id = ? ORDER BY date, target',
  );
  const created = db.prepare('SELECT kind, ref_id FROM import_created WHERE import_id = ? ORDER BY kind, ref_id');
  const importHistory = imports.map((i): ExportedImport => ({
    format: i.format,
    fileName: i.file_name,
    fileSha256: i.file_sha256,
    importedAt: i.imported_at,
    undoneAt: i.undone_at,
    values: (values.all(i.id) as { date: string; target: string; value: string; previous: string }[]).flatMap((v) => {
      if (v.target === 'day' || v.target.startsWith('field:')) return [v];
      const [kind, id] = v.target.split(':') as [string, string];
      const ref = portable(kind, Number(id));
      // A value whose food, factor or treatment no longer exists has nothing left to point to.
      return ref === null ? [] : [{ ...v, target: `${kind}:${ref}` }];
    }),
    created: (created.all(i.id) as { kind: ExportedImport['created'][number]['kind']; ref_id: number }[]).flatMap(
      (c) => {
        const ref = portable(c.kind, c.ref_id);
        return ref === null ? [] : [{ kind: c.kind, name: ref }];
      },
    ),
  }));
  const importMappings = (
    db.prepare('SELECT format, mapping, updated_at FROM import_mappings ORDER BY format').all() as {
      format: ImportFormat;
      mapping: string;
      updated_at: string;
    }[]
  ).map((m) => ({ format: m.format, mapping: m.mapping, updatedAt: m.updated_at }));
  return { importHistory, importMappings };
}

/**
 * Reads the import history of a JSON export back (inside the JSON import's transaction): an import
 * already here (same file SHA-256 and time) is left alone; names become this journal's ids (a value
 * whose item is in neither the file nor the journal is dropped). Undo then works as before the
 * export. Remembered mappings are added for apps that have none here.
 */
export function importImportHistory(db: Db, file: JournalExport, ids: ExchangeIds, summary: ImportSummary): void {
  if (!file.importHistory && !file.importMappings) return;
  summary.importHistory = { added: 0, alreadyThere: 0 };
  const exists = db.prepare('SELECT 1 FROM imports WHERE file_sha256 = ? AND imported_at = ?');
  const insertImport = db.prepare(
    "INSERT INTO imports (format, file_name, file_sha256, imported_at, summary, undone_at) VALUES (?, ?, ?, ?, '{}', ?)",
  );
  const insertValue = db.prepare(
    'INSERT OR REPLACE INTO import_values (import_id, date, target, value, previous) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCreated = db.prepare('INSERT OR IGNORE INTO import_created (import_id, kind, ref_id) VALUES (?, ?, ?)');
  const local = (kind: string, name: string): number | undefined => {
    const key = name.toLowerCase();
    if (kind === 'skin' || kind === 'condition_tracked') return ids.conditions.get(key);
    if (kind === 'food') return ids.foods.get(key);
    if (kind === 'custom' || kind === 'factor') return ids.factors.get(key);
    if (kind === 'dose' || kind === 'treatment') return /^\d+$/.test(name) ? ids.treatments[Number(name)] : undefined;
    return undefined;
  };
  for (const i of file.importHistory ?? []) {
    if (exists.get(i.fileSha256, i.importedAt)) {
      summary.importHistory.alreadyThere++;
      continue;
    }
    const id = Number(insertImport.run(i.format, i.fileName, i.fileSha256, i.importedAt, i.undoneAt).lastInsertRowid);
    for (const v of i.values) {
      let target = v.target;
      if (target !== 'day' && !target.startsWith('field:')) {
        const at = target.indexOf(':');
        const ref = local(target.slice(0, at), target.slice(at + 1));
        if (ref === undefined) continue;
        target = `${target.slice(0, at)}:${ref}`;
      }
      insertValue.run(id, v.date, target, v.value, v.previous);
    }
    for (const c of i.created) {
      const ref = local(c.kind, c.name);
      if (ref !== undefined) insertCreated.run(id, c.kind, ref);
    }
    summary.importHistory.added++;
  }
  const insertMapping = db.prepare(
    'INSERT INTO import_mappings (format, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (format) DO NOTHING',
  );
  for (const m of file.importMappings ?? []) insertMapping.run(m.format, m.mapping, m.updatedAt);
}
