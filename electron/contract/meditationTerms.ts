/** The meditation vocabulary, free of zod so the renderer can import it cheaply. */

export const SESSION_TYPES = ['silent', 'box', '478', 'paced'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  silent: 'Silent timer',
  box: 'Box breathing (4-4-4-4)',
  '478': '4-7-8 breathing',
  paced: 'Slow paced breathing (about 5.5 a minute)',
};

export const BELL_SOUNDS = ['bowl', 'bell', 'chime', 'none'] as const;
export type BellSoundName = (typeof BELL_SOUNDS)[number];

export const MAX_SESSION_MINUTES = 180;
export const MAX_PREP_SECONDS = 60;

/**
 * A session shorter than this (a false start, a test of the bell) is not logged unless the person
 * keeps it on purpose: it would otherwise add a whole minute to the day and a streak day.
 */
export const SHORT_SESSION_SECONDS = 60;

export type BellKind = 'start' | 'interval' | 'end';
export interface ScheduledBell {
  kind: BellKind;
  /** Milliseconds of sitting time (after the preparation countdown, pauses excluded). */
  atMs: number;
}

export interface MeditationSession {
  id: number;
  date: string;
  startedAt: string;
  type: SessionType;
  plannedSeconds: number | null;
  actualSeconds: number;
  stressBefore: number | null;
  stressAfter: number | null;
  note: string;
}

export interface MeditationStats {
  /** Timer-session minutes per week (Monday start), oldest first, the last 12 weeks. */
  weeks: { weekStart: string; minutes: number }[];
  /** Days in a row with any meditation: a timer session, or minutes typed into the day. */
  currentStreakDays: number;
  bestStreakDays: number;
  /** Minutes sat in the app's timer sessions, and how many sessions. */
  totalMinutes: number;
  sessionCount: number;
  /** Minutes typed into days' Meditation field beyond what timer sessions put there, and the days with them. */
  typedMinutes: number;
  typedDays: number;
  /** Days with any meditation (timer or typed), and their minutes: what the report and insights use. */
  meditationDays: number;
  meditationMinutes: number;
}
