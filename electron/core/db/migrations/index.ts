import type { Db } from '../database';
import { m0001Settings } from './0001_settings';
import { m0002Journal } from './0002_journal';
import { m0003Meditation } from './0003_meditation';
import { m0004Poem } from './0004_poem';
import { m0005Imports } from './0005_imports';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Every schema change, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m0001Settings, m0002Journal, m0003Meditation, m0004Poem, m0005Imports];
