import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { hmacSha256, macsMatch } from './crypto';

/**
 * Which journal a key file belongs to, and how far along it is. The journal keeps a random id and
 * a generation inside the encrypted database (`journal_binding`, one row); vault.json mirrors them
 * with an HMAC under a key derived from the data key, so nobody without the key can edit them.
 *
 * The generation goes up each time the journal is opened and each time it is closed: first in the
 * database (committed), then in vault.json. A crash in between leaves the journal one step ahead
 * of the key file, which is accepted (and recorded at the next open); the journal can never be
 * behind its key file unless an older copy of journal.db was put in place.
 */
export interface JournalBinding {
  journalId: string;
  generation: number;
}

export const keyFileBindingSchema = z.object({
  journalId: z.string().regex(/^[0-9a-f]{32}$/),
  generation: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mac: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export type KeyFileBinding = z.infer<typeof keyFileBindingSchema>;

const MAC_CONTEXT = 'axis-journal/v1/journal-binding';

function bindingMac(subkey: Buffer, binding: JournalBinding): Buffer {
  return hmacSha256(subkey, `${MAC_CONTEXT}\n${binding.journalId}\n${binding.generation}`);
}

/** The binding as vault.json records it, sealed under the journal-binding subkey of the data key. */
export function sealBinding(subkey: Buffer, binding: JournalBinding): KeyFileBinding {
  return { ...binding, mac: bindingMac(subkey, binding).toString('base64') };
}

/** Whether the journal was made (or migrated) by a version that binds journals to key files. */
export function hasBindingTable(db: Db): boolean {
  return (
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_binding'`).get() !== undefined
  );
}

/** The journal's own record; null for a journal made before bindings (or not yet migrated). */
export function readJournalBinding(db: Db): JournalBinding | null {
  if (!hasBindingTable(db)) return null;
  const row = db.prepare('SELECT journal_id AS journalId, generation FROM journal_binding WHERE id = 1').get() as
    JournalBinding | undefined;
  return row ?? null;
}

/**
 * Moves the journal one generation on (giving it an id if it has none, or a fresh one with
 * `newId`), committed before it returns. Call only after the journal has been found to belong to
 * its key file, or (`newId`) on a restored copy that is to become a journal of its own.
 */
export function advanceJournalBinding(db: Db, { newId = false } = {}): JournalBinding {
  return db.transaction(() => {
    const current = readJournalBinding(db);
    const next = {
      journalId: current && !newId ? current.journalId : randomBytes(16).toString('hex'),
      generation: (current?.generation ?? 0) + 1,
    };
    db.prepare(
      `INSERT INTO journal_binding (id, journal_id, generation) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET journal_id = excluded.journal_id, generation = excluded.generation`,
    ).run(next.journalId, next.generation);
    return next;
  })();
}

export type BindingState =
  /** Same journal, same generation. */
  | { kind: 'matches'; binding: JournalBinding }
  /** Same journal, a generation or more ahead: the app stopped after the journal moved on. */
  | { kind: 'ahead'; binding: JournalBinding; keyFileGeneration: number }
  /** vault.json has no binding yet (made or last written by a version before bindings). */
  | { kind: 'unbound'; binding: JournalBinding | null }
  /** Another journal's file (a different id). */
  | { kind: 'foreign' }
  /** An older copy of this journal: behind the key file, or from before it was bound. */
  | { kind: 'older'; journalGeneration: number; keyFileGeneration: number }
  /** vault.json's binding does not verify under this data key: changed or damaged. */
  | { kind: 'forged' };

/** Compares the journal's record with vault.json's; `subkey` is the binding subkey of the key vault.json was sealed under. */
export function compareBinding(
  keyFile: KeyFileBinding | undefined,
  journal: JournalBinding | null,
  subkey: Buffer,
): BindingState {
  if (!keyFile) return { kind: 'unbound', binding: journal };
  if (!macsMatch(bindingMac(subkey, keyFile), Buffer.from(keyFile.mac, 'base64'))) return { kind: 'forged' };
  if (!journal) return { kind: 'older', journalGeneration: 0, keyFileGeneration: keyFile.generation };
  if (journal.journalId !== keyFile.journalId) return { kind: 'foreign' };
  if (journal.generation < keyFile.generation)
    return { kind: 'older', journalGeneration: journal.generation, keyFileGeneration: keyFile.generation };
  if (journal.generation > keyFile.generation)
    return { kind: 'ahead', binding: journal, keyFileGeneration: keyFile.generation };
  return { kind: 'matches', binding: journal };
}

/** What a person can do about a journal that does not belong to its key file. */
const WHAT_TO_DO =
  'Put back the journal.db that belongs with this vault.json (or the vault.json that was copied together with this journal.db), or restore a backup (.axisbackup).';

/** The refusal for a state that must not open; null for one that may. */
export function bindingRefusal(state: BindingState, dir: string): AppError | null {
  switch (state.kind) {
    case 'foreign':
      return new AppError(
        'JOURNAL_DAMAGED',
        `The journal file journal.db in ${dir} does not belong to this key file (vault.json): it is another journal. Nothing was changed. ${WHAT_TO_DO}`,
      );
    case 'older':
      return new AppError(
        'JOURNAL_DAMAGED',
        `The journal file journal.db in ${dir} is older than the last one opened here, so it was not opened: an older copy may have been put back (by a sync or backup tool, say), and opening it would hide what you wrote since. Nothing was changed. ${WHAT_TO_DO}`,
      );
    case 'forged':
      return new AppError(
        'KEY_FILE_DAMAGED',
        `The key file vault.json in ${dir} was changed or damaged: its record of which journal it belongs to does not check out. Nothing was changed. Restore a backup (.axisbackup), or put back a copy of vault.json made together with this journal.db.`,
      );
    default:
      return null;
  }
}

/** One line for `axis check`. */
export function describeBinding(state: BindingState): string {
  switch (state.kind) {
    case 'matches':
      return `Binding: journal.db belongs to this key file (journal ${state.binding.journalId.slice(0, 8)}…, generation ${state.binding.generation}).`;
    case 'ahead':
      return `Binding: journal.db belongs to this key file and is ${state.binding.generation - state.keyFileGeneration} generation(s) ahead of it (the app stopped before recording it); that is safe and is recorded at the next unlock.`;
    case 'unbound':
      return 'Binding: not recorded yet (the key file was written by an older version); it is recorded at the next unlock.';
    case 'foreign':
      return `Binding: FAILED — journal.db is another journal, not the one this key file belongs to. ${WHAT_TO_DO}`;
    case 'older':
      return `Binding: FAILED — journal.db is OLDER than the last one opened here (generation ${state.journalGeneration}, the key file records ${state.keyFileGeneration}). ${WHAT_TO_DO}`;
    case 'forged':
      return 'Binding: FAILED — the key file’s record of its journal was changed or damaged. Restore a backup (.axisbackup).';
  }
}
