import type { Db } from './db/database';

/**
 * The core's one clock for the time written into the journal (created_at, updated_at, …):
 * milliseconds since the epoch, like Date.now. The vault gives each journal connection the clock
 * it was made with (VaultOptions.now, from the Backend's options), so tests that pass their own
 * clock see it in every row they write. Timers and file ages keep the real clock.
 */
export type Clock = () => number;

const clocks = new WeakMap<Db, Clock>();

/** Gives a journal connection its clock; rows written through it are stamped by that clock. */
export function useClock(db: Db, clock: Clock): void {
  clocks.set(db, clock);
}

/** The time to stamp on a row written through `db`, as an ISO 8601 UTC string. */
export function timestamp(db: Db): string {
  return new Date((clocks.get(db) ?? Date.now)()).toISOString();
}
