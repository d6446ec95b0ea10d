import type { VaultStatus } from './vault';

/**
 * Words about the journal's data that the renderer needs too, free of zod so the page can
 * import them cheaply.
 */

/** The words to type before everything is deleted. */
export const DELETE_CONFIRMATION = 'delete my journal';

/** Whether typed words confirm deleting everything (spaces around them and capitals do not matter). */
export function confirmsDeletion(typed: string): boolean {
  return typed.trim().toLowerCase() === DELETE_CONFIRMATION;
}

/**
 * Deleting everything or restoring a backup asks for the passphrase the journal unlocks with. The
 * refusal starts with these words (the limiter may add how long to wait), so the page can tell it
 * from a backup's own wrong passphrase.
 */
export const CURRENT_PASSPHRASE_WRONG =
  'That passphrase is not right: it is not the one this journal unlocks with. Nothing was changed.';

/** Imports and restores travel as text or base64 inside one request: the web host's limit applies. */
export const MAX_UPLOAD_CHARACTERS = 34 * 1024 * 1024;

/**
 * What a restore answers: the journal's state (locked, with the backup in place) and, for a backup
 * whose header could not be checked (made before backups were sealed), advice to show the person.
 */
export type RestoreOutcome = VaultStatus & { advice?: string };
