import { MAX_PREP_SECONDS, MAX_SESSION_MINUTES, type BellSoundName, type SessionType } from '$contract/meditationTerms';
import type { SessionPlan } from '$contract/meditation';

/** The setup form's values as the person edits them (numbers may be empty while typing). */
export type LengthChoice = '5' | '10' | '20' | 'custom' | 'open';
export const PRESET_MINUTES = [5, 10, 20] as const;

export interface PlanForm {
  length: LengthChoice;
  customMinutes: number | string | null;
  type: SessionType;
  prepSeconds: number | string | null;
  startBell: boolean;
  endBell: boolean;
  intervalOn: boolean;
  intervalMinutes: number | string | null;
  bellAtText: string;
  sound: BellSoundName;
  /** 0–100 on the slider; the plan keeps 0–1. */
  volumePercent: number;
  breathingCues: boolean;
}

export type PlanField = 'customMinutes' | 'prepSeconds' | 'intervalMinutes' | 'bellAt';
export type PlanErrors = Partial<Record<PlanField, string>>;

export const DEFAULT_PLAN: SessionPlan = {
  type: 'silent',
  durationMinutes: 10,
  prepSeconds: 10,
  startBell: true,
  endBell: true,
  intervalMinutes: null,
  bellAtMinutes: [],
  sound: 'bowl',
  volume: 0.7,
  breathingCues: false,
};

export function formFromPlan(plan: SessionPlan | null): PlanForm {
  const p = plan ?? DEFAULT_PLAN;
  const preset = PRESET_MINUTES.find((m) => m === p.durationMinutes);
  return {
    length: p.durationMinutes === null ? 'open' : preset ? (String(preset) as LengthChoice) : 'custom',
    customMinutes: p.durationMinutes !== null && !preset ? p.durationMinutes : 15,
    type: p.type,
    prepSeconds: p.prepSeconds,
    startBell: p.startBell,
    endBell: p.endBell,
    intervalOn: p.intervalMinutes !== null,
    intervalMinutes: p.intervalMinutes ?? 5,
    bellAtText: p.bellAtMinutes.join(', '),
    sound: p.sound,
    volumePercent: Math.round(p.volume * 100),
    breathingCues: p.breathingCues,
  };
}

type Parsed = { ok: true; value: number } | { ok: false };

/** A whole number from a form value ('' and null are "empty"). */
function wholeNumber(value: number | string | null): Parsed | null {
  if (value === null) return null;
  const text = String(value).trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

/** Session length in minutes (null = open-ended), or the reason it is not valid. */
export function durationOf(
  form: Pick<PlanForm, 'length' | 'customMinutes'>,
): { minutes: number | null } | { error: string } {
  if (form.length === 'open') return { minutes: null };
  if (form.length !== 'custom') return { minutes: Number(form.length) };
  const parsed = wholeNumber(form.customMinutes);
  if (parsed === null) return { error: `Enter how many minutes the session lasts, from 1 to ${MAX_SESSION_MINUTES}.` };
  if (!parsed.ok) return { error: `Use whole minutes, from 1 to ${MAX_SESSION_MINUTES}.` };
  if (parsed.value < 1 || parsed.value > MAX_SESSION_MINUTES) {
    return { error: `A session lasts from 1 to ${MAX_SESSION_MINUTES} minutes.` };
  }
  return { minutes: parsed.value };
}

/**
 * "3, 7, 12" → [3, 7, 12]. Sorted, repeats dropped; every minute must fall inside the session
 * (a bell at the very end is the end bell's job).
 */
export function parseBellMinutes(
  text: string,
  durationMinutes: number | null,
): { minutes: number[] } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { minutes: [] };
  const parts = trimmed.split(/[,;]/).map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    return { error: 'Separate the minutes with single commas, for example 3, 7, 12.' };
  }
  const limit = durationMinutes ?? MAX_SESSION_MINUTES;
  const minutes = new Set<number>();
  for (const part of parts) {
    if (!/^\d+$/.test(part)) {
      return {
        error: `“${part}” is not a whole number of minutes. Write minutes separated by commas, for example 3, 7, 12.`,
      };
    }
    const minute = Number(part);
    if (minute < 1) return { error: 'Bells can ring from minute 1 on; the start bell rings at minute 0.' };
    if (durationMinutes !== null && minute === durationMinutes) {
      return { error: `A bell at ${minute} minutes is when the session ends. Use the end bell for that.` };
    }
    if (minute >= limit) {
      return {
        error:
          durationMinutes === null
            ? `A bell at ${minute} minutes is too late; an open-ended session can have bells up to minute ${MAX_SESSION_MINUTES - 1}.`
            : `A bell at ${minute} minutes would come after the session ends (${durationMinutes} minutes).`,
      };
    }
    minutes.add(minute);
  }
  if (minutes.size > 60) return { error: 'Choose at most 60 bell times.' };
  return { minutes: [...minutes].sort((a, b) => a - b) };
}

export function buildPlan(form: PlanForm): { plan: SessionPlan; errors: null } | { plan: null; errors: PlanErrors } {
  const errors: PlanErrors = {};
  const duration = durationOf(form);
  const minutes = 'minutes' in duration ? duration.minutes : null;
  if ('error' in duration) errors.customMinutes = duration.error;

  const prep = wholeNumber(form.prepSeconds);
  let prepSeconds = 0;
  if (prep !== null && (!prep.ok || prep.value > MAX_PREP_SECONDS)) {
    errors.prepSeconds = `The preparation countdown is from 0 to ${MAX_PREP_SECONDS} whole seconds.`;
  } else if (prep !== null) {
    prepSeconds = prep.value;
  }

  let intervalMinutes: number | null = null;
  if (form.intervalOn) {
    const interval = wholeNumber(form.intervalMinutes);
    if (interval === null || !interval.ok || interval.value < 1 || interval.value > MAX_SESSION_MINUTES) {
      errors.intervalMinutes = `Enter how often the interval bell rings, in whole minutes from 1 to ${MAX_SESSION_MINUTES}.`;
    } else if (minutes !== null && interval.value >= minutes) {
      const every = interval.value === 1 ? 'minute' : `${interval.value} minutes`;
      errors.intervalMinutes = `A bell every ${every} would not ring within a ${minutes}-minute session. Choose fewer minutes.`;
    } else {
      intervalMinutes = interval.value;
    }
  }

  let bellAtMinutes: number[] = [];
  if (!errors.customMinutes) {
    const parsed = parseBellMinutes(form.bellAtText, minutes);
    if ('error' in parsed) errors.bellAt = parsed.error;
    else bellAtMinutes = parsed.minutes;
  }

  if (Object.keys(errors).length > 0) return { plan: null, errors };
  return {
    plan: {
      type: form.type,
      durationMinutes: minutes,
      prepSeconds,
      startBell: form.startBell,
      endBell: form.endBell,
      intervalMinutes,
      bellAtMinutes,
      sound: form.sound,
      volume: Math.min(100, Math.max(0, Math.round(form.volumePercent))) / 100,
      breathingCues: form.type === 'silent' ? false : form.breathingCues,
    },
    errors: null,
  };
}
