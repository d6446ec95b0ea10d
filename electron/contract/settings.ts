import { z } from 'zod';
import { MAX_LAG_LIMIT } from './insightsTerms';
import { experimentReminderSetting } from './experiments';
import { isoDate } from './journal';
import { sessionPlan } from './meditation';

/**
 * The journal's own settings (the `settings` table), each key with the shape the app writes. An
 * import stores only these keys, and only values that fit; reading a stored value checks it again,
 * so a damaged or hand-edited value falls back to the default instead of reaching the app.
 */
export const SETTING_SCHEMAS = {
  journal: z.object({ trackCycle: z.boolean() }).partial().strict(),
  meditation: z.object({ hideStreaks: z.boolean(), lastPlan: sessionPlan.nullable() }).partial().strict(),
  poem: z.object({ promptDismissedOn: isoDate.nullable() }).partial().strict(),
  'insights.maxLag': z.number().int().min(0).max(MAX_LAG_LIMIT),
  'experiments.reminder': experimentReminderSetting,
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;

/** The `settings` part of a JSON export: known keys only (others are left out), each checked. */
export const exportedSettings = z.object(
  Object.fromEntries(Object.entries(SETTING_SCHEMAS).map(([key, schema]) => [key, schema.optional()])) as {
    [K in SettingKey]: z.ZodOptional<(typeof SETTING_SCHEMAS)[K]>;
  },
);
