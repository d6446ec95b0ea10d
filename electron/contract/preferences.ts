import { z } from 'zod';
import { existingPassphrase } from './vault';
import { IDLE_LOCK_MAX_MINUTES, REMINDER_TIME_PATTERN } from './preferencesTerms';
export * from './preferencesTerms';

const reminder = z
  .object({
    enabled: z.boolean({ error: 'Please say whether the daily reminder is on or off.' }),
    time: z
      .string({ error: 'Please choose a time for the reminder.' })
      .regex(REMINDER_TIME_PATTERN, 'Please choose a time for the reminder, such as 20:30.'),
  })
  .strict();

export const preferencesSchemas = {
  save: z
    .object({
      idleLockMinutes: z
        .number({ error: 'Please choose after how many minutes the journal locks itself.' })
        .int('Please choose a whole number of minutes for the automatic lock.')
        .min(1, 'The automatic lock needs at least 1 minute.')
        .max(IDLE_LOCK_MAX_MINUTES, `The automatic lock can wait at most ${IDLE_LOCK_MAX_MINUTES} minutes.`)
        .optional(),
      reminder: reminder.optional(),
    })
    .strict(),
  remember: z.object({ passphrase: existingPassphrase }).strict(),
};
