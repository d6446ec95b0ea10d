import { z } from 'zod';
import { isoDate } from './journal';
import { REMINDER_TIME_PATTERN } from './preferencesTerms';
import { EXPERIMENT_DESIGNS, MAX_BLOCK_DAYS, MAX_PAIRS, MIN_BLOCK_DAYS } from './experimentsTerms';
export * from './experimentsTerms';

const id = z.number().int().positive();
/** Series keys as `axis insights --json` uses them (food.dairy, treatment.3, skin.severity.2 …). */
export const seriesKey = z
  .string({ error: 'Choose what to test.' })
  .max(60)
  .regex(/^[a-z]+(\.[A-Za-z_]+)?(\.\d+)?$/, 'That is not a measure of the journal.');
const reason = z
  .string()
  .trim()
  .min(1, 'Please give a reason in a few words.')
  .max(500, 'A reason can be at most 500 characters.');
const armText = z.string().trim().min(1, 'Say in a few words what this means.').max(120, 'Keep it to 120 characters.');

const designShape = {
  design: z.enum(EXPERIMENT_DESIGNS, { error: 'Choose a design.' }),
  pairs: z
    .number()
    .int('Choose a whole number of pairs.')
    .min(1, 'At least 1 pair.')
    .max(MAX_PAIRS, `At most ${MAX_PAIRS} pairs.`),
  blockDays: z
    .number()
    .int('Choose whole days.')
    .min(MIN_BLOCK_DAYS, `A block lasts at least ${MIN_BLOCK_DAYS} days.`)
    .max(MAX_BLOCK_DAYS, `A block lasts at most ${MAX_BLOCK_DAYS} days.`),
  washoutDays: z
    .number()
    .int('Choose whole days.')
    .min(0, 'Settling-in days cannot be negative.')
    .max(MAX_BLOCK_DAYS - 1),
  runInDays: z.number().int().min(0).max(MAX_BLOCK_DAYS).default(0),
};

function checkDesign(
  value: { design: string; blockDays: number; washoutDays: number; runInDays: number },
  ctx: z.RefinementCtx,
): void {
  if (value.washoutDays > value.blockDays - 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['washoutDays'],
      message: 'Settling-in days must leave at least 2 days of each block to compare.',
    });
  }
  if (value.design === 'elimination' && value.runInDays < 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['runInDays'],
      message: 'An elimination starts with at least 1 day of avoiding it.',
    });
  }
}

const threshold = z.number().finite().min(0).max(100_000).nullable().default(null);

/** The experiment reminder setting (stored in the journal's settings, SETTING_SCHEMAS). */
export const experimentReminderSetting = z
  .object({
    enabled: z.boolean({ error: 'Please say whether the reminder is on or off.' }),
    time: z
      .string({ error: 'Please choose a time for the reminder.' })
      .regex(REMINDER_TIME_PATTERN, 'Please choose a time for the reminder, such as 20:00.'),
  })
  .strict();

export const experimentSchemas = {
  setReminder: experimentReminderSetting,
  plan: z
    .object({
      factorKey: seriesKey,
      outcomeKey: seriesKey,
      ...designShape,
      startDate: isoDate.optional(),
      /** The change (outcome units) the planner reports the power for. */
      targetChange: z.number().finite().gt(0, 'The change to look for must be above 0.').max(1000),
    })
    .strict()
    .superRefine(checkDesign),
  create: z
    .object({
      factorKey: seriesKey,
      outcomeKey: seriesKey,
      secondaryKeys: z.array(seriesKey).max(5).default([]),
      ...designShape,
      startDate: isoDate,
      seed: z
        .number()
        .int()
        .min(-(2 ** 31))
        .max(2 ** 31)
        .optional(),
      backdate: z.boolean().default(false),
      onText: armText,
      offText: armText,
      onThreshold: threshold,
      title: z.string().trim().max(120).default(''),
      targetChange: z.number().finite().gt(0).max(1000).default(1),
      fromFinding: z.string().max(600).nullable().default(null),
    })
    .strict()
    .superRefine(checkDesign),
  id: z.object({ id }).strict(),
  get: z.object({ id, reveal: z.boolean().default(false) }).strict(),
  stop: z.object({ id, reason }).strict(),
  pause: z
    .object({ id, fromDate: isoDate, toDate: isoDate, reason })
    .strict()
    .refine((v) => v.fromDate <= v.toDate, {
      message: 'A pause ends on or after the day it starts.',
      path: ['toDate'],
    }),
  checkIn: z.object({ id, date: isoDate, followed: z.boolean().nullable() }).strict(),
  today: z.object({ date: isoDate }).strict(),
};

const planText = z.string().max(200);
/** A frozen plan as it is written in a JSON export (keys refer to the exporting journal; labels re-link them). */
export const exportedPlan = z
  .object({
    design: z.enum(EXPERIMENT_DESIGNS),
    pairs: z.number().int().min(1).max(MAX_PAIRS),
    blockDays: z.number().int().min(MIN_BLOCK_DAYS).max(MAX_BLOCK_DAYS),
    washoutDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_BLOCK_DAYS - 1),
    runInDays: z.number().int().min(0).max(MAX_BLOCK_DAYS),
    startDate: isoDate,
    orders: z.array(z.number().int().min(0).max(1)).max(MAX_PAIRS),
    seed: z.number().int(),
    factorKey: seriesKey,
    factorLabel: planText,
    factorKind: z.enum(['yesno', 'number']),
    factorUnit: planText,
    onThreshold: z.number().finite().nullable(),
    outcomeKey: seriesKey,
    outcomeLabel: planText,
    outcomeUnit: planText,
    secondaryKeys: z.array(seriesKey).max(5),
    /** The secondary outcomes' names in the exporting journal, to re-link their keys (older files lack them). */
    secondaryLabels: z.array(planText).max(5).optional(),
    onText: planText,
    offText: planText,
    backdated: z.boolean(),
    targetChange: z.number().finite(),
    predictedPower: z.number().min(0).max(1).nullable(),
    detectableChange: z.number().finite().nullable(),
    fromFinding: z.string().max(600).nullable(),
  })
  .strict()
  .refine((plan) => plan.design === 'before-after' || plan.orders.length === plan.pairs, {
    message: 'An experiment needs one order per pair.',
  });

export const exportedExperiment = z
  .object({
    title: z.string().max(120),
    plan: exportedPlan,
    createdAt: z.string().max(40),
    endedOn: isoDate.nullable(),
    endReason: z.string().max(500).nullable(),
    deviations: z
      .array(
        z
          .object({
            kind: z.enum(['pause', 'stop', 'peek']),
            fromDate: isoDate,
            toDate: isoDate,
            reason: z.string().max(500),
            recordedAt: z.string().max(40),
          })
          .strict(),
      )
      .max(1000),
    checkIns: z.array(z.object({ date: isoDate, followed: z.boolean() }).strict()).max(2000),
  })
  .strict();
export type ExportedExperiment = z.output<typeof exportedExperiment>;
