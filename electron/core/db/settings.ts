import { SETTING_SCHEMAS } from '../../contract/settings';
import type { Db } from './database';
import { timestamp } from '../clock';

/**
 * A stored setting. A key the app knows (SETTING_SCHEMAS) is checked against its schema on every
 * read: a value of the wrong shape (hand-edited, or stored by an older import) reads as absent, so
 * the caller's default applies.
 */
export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const schema = Object.hasOwn(SETTING_SCHEMAS, key) ? SETTING_SCHEMAS[key as keyof typeof SETTING_SCHEMAS] : null;
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), timestamp(db));
}
