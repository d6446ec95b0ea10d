import { z } from 'zod';
import { MAX_LAG_LIMIT } from './insightsTerms';

export * from './insightsTerms';

const maxLag = z
  .number({ error: 'The longest delay must be a number of days.' })
  .int('The longest delay must be a whole number of days.')
  .min(0, 'The longest delay cannot be negative.')
  .max(MAX_LAG_LIMIT, `The longest delay can be at most ${MAX_LAG_LIMIT} days.`);

export const insightsSchemas = {
  run: z.object({ maxLag: maxLag.optional() }).strict().optional(),
};
