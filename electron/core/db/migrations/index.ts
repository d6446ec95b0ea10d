import type { Db } from '../database';
import { m0001Settings } from './0001_settings';
import { m0002Journal } from './0002_journal';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Every schema change, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m0001Settings, m0002Journal];
