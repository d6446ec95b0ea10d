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

/** Imports and restores travel as text or base64 inside one request: the web host's limit applies. */
export const MAX_UPLOAD_CHARACTERS = 34 * 1024 * 1024;
