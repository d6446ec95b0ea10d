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
