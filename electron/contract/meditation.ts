import { z } from 'zod';

import {
  BELL_SOUNDS,
  MAX_PREP_SECONDS,
  MAX_SESSION_MINUTES,
  SESSION_TYPES,
  type ScheduledBell,
} from './meditationTerms';
export * from './meditationTerms';

const minutes = z.number().int().min(1, 'Bells can ring from the first minute.').max(MAX_SESSION_MINUTES);

export const sessionPlan = z
  .object({
    type: z.enum(SESSION_TYPES, { error: 'Choose a kind of session.' }),
    /** null = open-ended. */
    durationMinutes: z
      .number()
      .int('Choose whole minutes.')
      .min(1, 'A session lasts at least 1 minute.')
      .max(MAX_SESSION_MINUTES, `A session lasts at most ${MAX_SESSION_MINUTES} minutes.`)
      .nullable(),
    prepSeconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_PREP_SECONDS, `The preparation countdown is at most ${MAX_PREP_SECONDS} seconds.`),
    startBell: z.boolean(),
    endBell: z.boolean(),
    /** A bell every N minutes (null = none). */
    intervalMinutes: minutes.nullable(),
    /** Bells at these minutes into the session. */
    bellAtMinutes: z.array(minutes).max(60),
    sound: z.enum(BELL_SOUNDS),
    volume: z.number().min(0).max(1),
    breathingCues: z.boolean(),
  })
  .strict();
export type SessionPlan = z.output<typeof sessionPlan>;

const stress = z.number().int().min(0, 'Stress is from 0 to 10.').max(10, 'Stress is from 0 to 10.').nullable();
const note = z.string().max(2000, 'A session note can be at most 2,000 characters.');

/** A running session as the backend keeps it; the page derives every displayed time from it. */
export interface ActiveSession {
  plan: SessionPlan;
  startedAt: string;
  phase: 'preparing' | 'sitting' | 'paused' | 'complete' | 'ended';
  /** Session time (ms, pauses excluded, preparation included) at the moment of the reply. */
  elapsedMs: number;
  prepMs: number;
  /** Sitting time so far (ms). */
  sittingMs: number;
  bells: ScheduledBell[];
  stressBefore: number | null;
}

export interface MeditationSettings {
  hideStreaks: boolean;
  lastPlan: SessionPlan | null;
}

export const meditationSchemas = {
  start: z.object({ plan: sessionPlan, stressBefore: stress.default(null) }).strict(),
  finish: z
    .object({
      save: z.boolean(),
      stressAfter: stress.default(null),
      note: note.default(''),
      /** Keep a session under SHORT_SESSION_SECONDS: the person chose "Save this short session". */
      keepShort: z.boolean().default(false),
    })
    .strict(),
  list: z.object({ limit: z.number().int().min(1).max(500).default(50), before: z.string().optional() }).strict(),
  update: z
    .object({
      id: z.number().int().positive(),
      actualMinutes: z
        .number()
        .min(0.1, 'A session lasts at least a few seconds.')
        .max(MAX_SESSION_MINUTES * 2),
      stressBefore: stress,
      stressAfter: stress,
      note,
    })
    .strict(),
  remove: z.object({ id: z.number().int().positive() }).strict(),
  saveSettings: z.object({ hideStreaks: z.boolean() }).strict(),
};
