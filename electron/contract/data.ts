import { z } from 'zod';
import { confirmsDeletion, DELETE_CONFIRMATION, MAX_UPLOAD_CHARACTERS } from './dataTerms';
import { existingPassphrase, recoveryKey } from './vault';
export * from './dataTerms';

/** A file for the page to save (the browser's download, or the desktop's save dialog). */
export interface DownloadFile {
  fileName: string;
  mime: string;
  /** Base64 of the bytes. */
  dataBase64: string;
}

export const dataSchemas = {
  exportJson: z.object({ photos: z.boolean() }).strict(),
  import: z
    .object({
      content: z
        .string()
        .min(1, 'The file is empty.')
        .max(MAX_UPLOAD_CHARACTERS, 'That file is too large to import here; use the command line (axis import).'),
      dryRun: z.boolean(),
    })
    .strict(),
  /**
   * Replacing or deleting the journal asks for the passphrase it is unlocked with (`currentPassphrase`),
   * so nobody at an unlocked window can swap in their own backup or wipe it; wrong tries count like
   * wrong unlocks. A restore also needs the backup's own passphrase or recovery key.
   */
  restore: z.union([
    z
      .object({
        dataBase64: z
          .string()
          .max(MAX_UPLOAD_CHARACTERS, 'That backup is too large to restore here; use the command line (axis restore).'),
        passphrase: existingPassphrase,
        currentPassphrase: existingPassphrase,
      })
      .strict(),
    z
      .object({
        dataBase64: z
          .string()
          .max(MAX_UPLOAD_CHARACTERS, 'That backup is too large to restore here; use the command line (axis restore).'),
        recoveryKey,
        currentPassphrase: existingPassphrase,
      })
      .strict(),
  ]),
  deleteAll: z
    .object({
      confirmation: z.string().refine(confirmsDeletion, `Type "${DELETE_CONFIRMATION}" to confirm.`),
      currentPassphrase: existingPassphrase,
    })
    .strict(),
};
