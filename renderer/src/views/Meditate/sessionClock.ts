import type { ActiveSession, BellKind, ScheduledBell, SessionPlan, SessionType } from '$contract/meditation';

/**
 * The meditation clock as the page sees it: pure functions of the backend's last reply and a
 * monotonic "now" (performance.now()). The page never counts ticks — it anchors on each reply
 * and re-derives every displayed time, so reloads, hidden tabs and slow frames cannot drift.
 */

export type SessionPhase = ActiveSession['phase'];

/** Where session time 0 lies on the page's performance.now() clock, or the time it is frozen at. */
export interface ClockAnchor {
  /** performance.now() at session time 0 (preparation included, pauses excluded). */
  anchorPerf: number;
  /** Session time while the clock stands still (paused, ended, complete); null while it runs. */
  frozenMs: number | null;
}

export function isRunning(phase: SessionPhase): boolean {
  return phase === 'preparing' || phase === 'sitting';
}

/** Anchor on a reply: `anchorPerf = now - elapsedMs` while running; frozen otherwise. */
export function anchorOn(session: Pick<ActiveSession, 'phase' | 'elapsedMs'>, perfNow: number): ClockAnchor {
  return {
    anchorPerf: perfNow - session.elapsedMs,
    frozenMs: isRunning(session.phase) ? null : session.elapsedMs,
  };
}

/** Session time (ms) at a performance.now() value. */
export function sessionMsAt(anchor: ClockAnchor, perfNow: number): number {
  return anchor.frozenMs ?? Math.max(0, perfNow - anchor.anchorPerf);
}

export function plannedMs(plan: Pick<SessionPlan, 'durationMinutes'>): number | null {
  return plan.durationMinutes === null ? null : plan.durationMinutes * 60_000;
}

/** Everything the session screen shows, derived from one session time. */
export interface ClockView {
  /** The phase as it stands now ('complete' as soon as the planned time is reached). */
  phase: SessionPhase;
  sessionMs: number;
  /** Still inside the preparation countdown (also while paused during it). */
  inPreparation: boolean;
  /** Whole seconds left before sitting starts, counted down ("Starting in 7"). */
  prepLeftSeconds: number;
  /** Sitting time (after preparation), capped at the planned length. */
  sittingMs: number;
  plannedMs: number | null;
  /** Sitting time still to go; null for an open-ended session. */
  remainingMs: number | null;
  /** The planned time is reached but the backend last said the session was still running. */
  needsConfirmation: boolean;
}

export function clockView(session: Pick<ActiveSession, 'phase' | 'prepMs' | 'plan'>, sessionMs: number): ClockView {
  const planned = plannedMs(session.plan);
  const rawSitting = Math.max(0, sessionMs - session.prepMs);
  const sitting = planned === null ? rawSitting : Math.min(rawSitting, planned);
  const reachedEnd = planned !== null && rawSitting >= planned;
  let phase: SessionPhase = session.phase;
  if (isRunning(session.phase)) {
    phase = reachedEnd ? 'complete' : sessionMs < session.prepMs ? 'preparing' : 'sitting';
  }
  const inPreparation = sessionMs < session.prepMs && phase !== 'ended' && phase !== 'complete';
  return {
    phase,
    sessionMs,
    inPreparation,
    prepLeftSeconds: inPreparation ? Math.ceil((session.prepMs - sessionMs) / 1000) : 0,
    sittingMs: sitting,
    plannedMs: planned,
    remainingMs: planned === null ? null : Math.max(0, planned - sitting),
    needsConfirmation: isRunning(session.phase) && reachedEnd,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function split(totalSeconds: number): [number, number, number] {
  const s = Math.max(0, Math.trunc(totalSeconds));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
}

/** "09:59" below an hour, "1:05:00" from an hour on. */
export function formatClock(totalSeconds: number): string {
  const [h, m, s] = split(totalSeconds);
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** "4:05" (m:ss), "1:05:00" from an hour on — for small lines like "next bell in 4:05". */
export function formatShort(totalSeconds: number): string {
  const [h, m, s] = split(totalSeconds);
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Time left, rounded up: a 10-minute session shows 10:00 for its first second and 00:00 only at the end. */
export function formatRemaining(ms: number): string {
  return formatClock(Math.ceil(Math.max(0, ms) / 1000));
}

/** Time passed, rounded down. */
export function formatElapsed(ms: number): string {
  return formatClock(Math.floor(Math.max(0, ms) / 1000));
}

/** The big number on the session screen: time left, or time sat for an open-ended session. */
export function mainDisplay(view: ClockView): string {
  return view.remainingMs === null ? formatElapsed(view.sittingMs) : formatRemaining(view.remainingMs);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 minute", "10 minutes". */
export function minutesText(n: number): string {
  return plural(n, 'minute');
}

/** "7 minutes", "1 minute", "45 seconds", "1 hour 5 minutes" (minutes rounded down). */
export function durationWords(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

/**
 * What the polite live region says. It changes at most once a minute (and on phase changes),
 * so a screen reader is never flooded with seconds.
 */
export function minuteAnnouncement(view: ClockView): string {
  switch (view.phase) {
    case 'complete':
      return 'Session complete.';
    case 'ended':
      return 'Session ended.';
    case 'paused':
      return 'Paused.';
    case 'preparing':
      return 'Preparing. The session starts after the countdown.';
    case 'sitting': {
      if (view.remainingMs === null) {
        const sat = Math.floor(view.sittingMs / 60_000);
        return sat === 0 ? 'Session started.' : `${plural(sat, 'minute')} sat.`;
      }
      return `${plural(Math.ceil(view.remainingMs / 60_000), 'minute')} left.`;
    }
  }
}

/** Milliseconds until the next bell (bells are in sitting time; the session clock includes preparation). */
export function nextBellInMs(bells: readonly ScheduledBell[], prepMs: number, sessionMs: number): number | null {
  let next: number | null = null;
  for (const bell of bells) {
    const at = bell.atMs + prepMs;
    if (at > sessionMs && (next === null || at < next)) next = at;
  }
  return next === null ? null : next - sessionMs;
}

export interface SessionBell {
  kind: BellKind;
  atSessionMs: number;
}

/** The backend's bells converted to session time, for the bell scheduler. */
export function toSessionBells(bells: readonly ScheduledBell[], prepMs: number): SessionBell[] {
  return bells.map((bell) => ({ kind: bell.kind, atSessionMs: bell.atMs + prepMs }));
}

// ——— Breathing ———

export type BreathingType = Exclude<SessionType, 'silent'>;
export type BreathPhase = 'in' | 'hold' | 'out';

export interface BreathStep {
  phase: BreathPhase;
  ms: number;
}

export const BREATHING_PATTERNS: Readonly<Record<BreathingType, readonly BreathStep[]>> = {
  box: [
    { phase: 'in', ms: 4000 },
    { phase: 'hold', ms: 4000 },
    { phase: 'out', ms: 4000 },
    { phase: 'hold', ms: 4000 },
  ],
  '478': [
    { phase: 'in', ms: 4000 },
    { phase: 'hold', ms: 7000 },
    { phase: 'out', ms: 8000 },
  ],
  // About 5.5 breaths a minute: 60 / 5.5 ≈ 10.9 s a breath.
  paced: [
    { phase: 'in', ms: 5450 },
    { phase: 'out', ms: 5450 },
  ],
};

export const BREATH_WORDS: Readonly<Record<BreathPhase, string>> = {
  in: 'Breathe in',
  hold: 'Hold',
  out: 'Breathe out',
};

export function isBreathing(type: SessionType): type is BreathingType {
  return type !== 'silent';
}

export function cycleMs(type: BreathingType): number {
  return BREATHING_PATTERNS[type].reduce((sum, step) => sum + step.ms, 0);
}

export interface BreathState {
  step: BreathStep;
  index: number;
  stepCount: number;
  /** Counts every step since sitting began (changes exactly when the step changes). */
  key: number;
  /** Seconds into this step, counted from 1 ("in 1, 2, 3, 4"). */
  count: number;
  /** 0 → 1 through this step. */
  progress: number;
  /** Size of the circle, 0 (empty lungs) → 1 (full), eased. */
  scale: number;
}

function ease(p: number): number {
  return (1 - Math.cos(Math.PI * p)) / 2;
}

/** Where in the breathing pattern a sitting time falls. */
export function breathAt(type: BreathingType, sittingMs: number): BreathState {
  const steps = BREATHING_PATTERNS[type];
  const cycle = cycleMs(type);
  const t = Math.max(0, sittingMs);
  const cycles = Math.floor(t / cycle);
  let into = t - cycles * cycle;
  let index = 0;
  while (index < steps.length - 1 && into >= steps[index]!.ms) {
    into -= steps[index]!.ms;
    index++;
  }
  const step = steps[index]!;
  const progress = Math.min(1, into / step.ms);
  let scale: number;
  if (step.phase === 'in') scale = ease(progress);
  else if (step.phase === 'out') scale = 1 - ease(progress);
  else scale = steps[(index - 1 + steps.length) % steps.length]!.phase === 'in' ? 1 : 0;
  return {
    step,
    index,
    stepCount: steps.length,
    key: cycles * steps.length + index,
    count: Math.min(Math.ceil(step.ms / 1000), Math.floor(into / 1000) + 1),
    progress,
    scale,
  };
}

export interface BreathCueAt {
  cue: 'in' | 'out';
  /** Session time of the cue (ms, preparation included), as the bell scheduler takes it. */
  atSessionMs: number;
}

/**
 * Every "in" and "out" step start whose sitting time falls in [fromMs, toMs) (holds get no
 * cue), converted to session time for the scheduler.
 */
export function breathCues(type: BreathingType, prepMs: number, fromMs: number, toMs: number): BreathCueAt[] {
  const steps = BREATHING_PATTERNS[type];
  const cycle = cycleMs(type);
  const cues: BreathCueAt[] = [];
  const from = Math.max(0, fromMs);
  for (let start = Math.floor(from / cycle) * cycle; start < toMs; start += cycle) {
    let at = start;
    for (const step of steps) {
      if (step.phase !== 'hold' && at >= from && at < toMs) cues.push({ cue: step.phase, atSessionMs: at + prepMs });
      at += step.ms;
    }
  }
  return cues;
}

// ——— Logged sessions ———

/** "7 of 10 minutes", "45 seconds of 10 minutes", "12 minutes (open-ended)". */
export function satSummary(actualSeconds: number, plannedSeconds: number | null): string {
  const sat =
    actualSeconds < 60
      ? plural(Math.max(0, Math.round(actualSeconds)), 'second')
      : plural(Math.round(actualSeconds / 60), 'minute');
  if (plannedSeconds === null) return `${sat} (open-ended)`;
  const planned = Math.round(plannedSeconds / 60);
  if (actualSeconds >= 60) return `${Math.round(actualSeconds / 60)} of ${plural(planned, 'minute')}`;
  return `${sat} of ${plural(planned, 'minute')}`;
}

/** Minutes with at most one decimal, for the edit form (7.2). */
export function minutesForEdit(actualSeconds: number): number {
  return Math.max(0.1, Math.round((actualSeconds / 60) * 10) / 10);
}
