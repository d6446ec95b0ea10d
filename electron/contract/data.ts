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
  restore: z.union([
    z
      .object({
        dataBase64: z
          .string()
          .max(MAX_UPLOAD_CHARACTERS, 'That backup is too large to restore here; use the command line (axis restore).'),
        passphrase: existingPassphrase,
      })
      .strict(),
    z
      .object({
        dataBase64: z
          .string()
          .max(MAX_UPLOAD_CHARACTERS, 'That backup is too large to restore here; use the command line (axis restore).'),
        recoveryKey,
      })
      .strict(),
  ]),
  deleteAll: z
    .object({
      confirmation: z.string().refine(confirmsDeletion, `Type "${DELETE_CONFIRMATION}" to confirm.`),
    })
    .strict(),
};
