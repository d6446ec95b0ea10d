import { z } from 'zod';
import { isoDate } from './journal';

export * from './trendsTerms';

export const trendsSchemas = {
  range: z
    .object({ from: isoDate.optional(), to: isoDate.optional() })
    .strict()
    .refine(
      (range) => !range.from || !range.to || range.from <= range.to,
      'The start date must be on or before the end date.',
    ),
};
