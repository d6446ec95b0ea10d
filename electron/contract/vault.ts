import { z } from 'zod';
import { isWellFormedRecoveryKey, normalizeRecoveryKey } from './recoveryKey';

import type { LockReason } from './app';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './vaultTerms';

export * from './vaultTerms';

export const passphrase = z
  .string({ error: 'Please enter a passphrase.' })
  .min(PASSPHRASE_MIN_LENGTH, `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(PASSPHRASE_MAX_LENGTH, `A passphrase can have at most ${PASSPHRASE_MAX_LENGTH} characters.`);

/** Unlocking only checks the shape loosely: a too-short guess is simply a wrong passphrase. */
export const existingPassphrase = z
  .string({ error: 'Please enter your passphrase.' })
  .min(1, 'Please enter your passphrase.')
  .max(PASSPHRASE_MAX_LENGTH, 'That passphrase is too long to be yours.');

export const recoveryKey = z
  .string({ error: 'Please enter your recovery key.' })
  .max(200, 'That is too long to be a recovery key.')
  .transform(normalizeRecoveryKey)
  .refine(isWellFormedRecoveryKey, {
    message: 'A recovery key has 30 letters and digits, in 6 groups of 5. Please check what you typed.',
  });

export const vaultSchemas = {
  create: z.object({ passphrase }).strict(),
  unlock: z.object({ passphrase: existingPassphrase }).strict(),
  recover: z.object({ recoveryKey, newPassphrase: passphrase }).strict(),
  changePassphrase: z.object({ currentPassphrase: existingPassphrase, newPassphrase: passphrase }).strict(),
  newRecoveryKey: z.object({ passphrase: existingPassphrase }).strict(),
  /** Re-key: a new data key, a new recovery key, and the passphrase kept or replaced. */
  rekey: z.object({ currentPassphrase: existingPassphrase, newPassphrase: passphrase.optional() }).strict(),
};

export type VaultStatus =
  | { state: 'absent'; vaultDir: string }
  | {
      state: 'locked';
      vaultDir: string;
      retryAfterSeconds: number;
      lockReason?: LockReason;
      /** The passphrase remembered on this device no longer opened the journal, so it was forgotten. */
      rememberedPassphraseForgotten?: boolean;
    }
  | {
      state: 'unlocked';
      vaultDir: string;
      createdAt: string;
      /**
       * Only in the answer to the unlock (or recovery) that finished a re-key cut off after the
       * journal had moved to its new key: the re-key's recovery key was never shown, so a new one
       * was made. Shown once, like at creation; the old recovery key no longer opens the journal.
       */
      interruptedRekey?: { recoveryKey: string };
      /** While a re-key runs: the journal's pages re-encrypted so far, of all its pages. */
      rekey?: { pagesDone: number; pagesTotal: number };
    }
  | { state: 'unavailable'; vaultDir: string; problem: { code: string; message: string } };

export interface CreatedVault {
  /** Shown once, formatted in groups; never stored in plain text anywhere. */
  recoveryKey: string;
  status: VaultStatus;
}

export interface NewRecoveryKey {
  recoveryKey: string;
}
