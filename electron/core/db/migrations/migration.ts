import type { Db } from '../database';

/**
 * One numbered schema change. Its own module, so each migration and the list in index.ts import
 * this type without importing each other (no cycle).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
