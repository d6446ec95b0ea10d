import type { ActiveSession, ScheduledBell, SessionPlan } from '../../contract/meditation';

/**
 * The meditation timer as pure functions of a monotonic clock. The backend keeps a
 * `TimerRecord`; every displayed time and every bell is derived from it, so a reload of the
 * page resumes exactly, and pausing shifts everything still to come.
 */
export interface TimerRecord {
  plan: SessionPlan;
  startedAtWallMs: number;
  /** Monotonic milliseconds when Start was pressed (the preparation countdown begins). */
  startMono: number;
  pauses: { from: number; to: number | null }[];
  /** Monotonic time when the person ended the session (early or after an open-ended one). */
  endedMono: number | null;
  stressBefore: number | null;
}

export function startTimer(
  plan: SessionPlan,
  nowMono: number,
  nowWallMs: number,
  stressBefore: number | null,
): TimerRecord {
  return { plan, startedAtWallMs: nowWallMs, startMono: nowMono, pauses: [], endedMono: null, stressBefore };
}

function pausedMs(record: TimerRecord, until: number): number {
  return record.pauses.reduce((sum, p) => sum + Math.max(0, (p.to ?? until) - p.from), 0);
}

export function isPaused(record: TimerRecord): boolean {
  return record.pauses.at(-1)?.to === null;
}

/** Session time: ms since Start, pauses excluded, frozen once ended. Includes the preparation. */
export function sessionElapsedMs(record: TimerRecord, nowMono: number): number {
  const until = record.endedMono ?? nowMono;
  return Math.max(0, until - record.startMono - pausedMs(record, until));
}

export function prepMs(record: TimerRecord): number {
  return record.plan.prepSeconds * 1000;
}

export function plannedMs(plan: SessionPlan): number | null {
  return plan.durationMinutes === null ? null : plan.durationMinutes * 60_000;
}

/** Sitting time (after preparation), capped at the planned length. */
export function sittingMs(record: TimerRecord, nowMono: number): number {
  const sitting = Math.max(0, sessionElapsedMs(record, nowMono) - prepMs(record));
  const planned = plannedMs(record.plan);
  return planned === null ? sitting : Math.min(sitting, planned);
}

export function phase(record: TimerRecord, nowMono: number): ActiveSession['phase'] {
  if (record.endedMono !== null) return 'ended';
  const planned = plannedMs(record.plan);
  const elapsed = sessionElapsedMs(record, nowMono);
  if (planned !== null && elapsed - prepMs(record) >= planned) return 'complete';
  if (isPaused(record)) return 'paused';
  return elapsed < prepMs(record) ? 'preparing' : 'sitting';
}

/**
 * Every bell of the plan in sitting time: the start bell at 0, a bell every N minutes, bells at
 * chosen minutes, and the end bell. Interval and chosen bells that fall on the end (or on each
 * other) ring once; open-ended sessions get interval bells for the longest possible session.
 */
export function bellSchedule(plan: SessionPlan): ScheduledBell[] {
  if (plan.sound === 'none') return [];
  const planned = plannedMs(plan);
  const horizon = planned ?? 180 * 60_000;
  const bells: ScheduledBell[] = [];
  if (plan.startBell) bells.push({ kind: 'start', atMs: 0 });
  const middle = new Set<number>();
  if (plan.intervalMinutes) {
    for (let t = plan.intervalMinutes * 60_000; t < horizon; t += plan.intervalMinutes * 60_000) middle.add(t);
  }
  for (const minute of plan.bellAtMinutes) {
    const t = minute * 60_000;
    if (t > 0 && t < horizon) middle.add(t);
  }
  for (const t of [...middle].sort((a, b) => a - b)) bells.push({ kind: 'interval', atMs: t });
  if (plan.endBell && planned !== null) bells.push({ kind: 'end', atMs: planned });
  return bells;
}

export function pauseTimer(record: TimerRecord, nowMono: number): TimerRecord {
  if (isPaused(record) || record.endedMono !== null) return record;
  return { ...record, pauses: [...record.pauses, { from: nowMono, to: null }] };
}

export function resumeTimer(record: TimerRecord, nowMono: number): TimerRecord {
  if (!isPaused(record)) return record;
  const pauses = record.pauses.slice(0, -1);
  return { ...record, pauses: [...pauses, { from: record.pauses.at(-1)!.from, to: nowMono }] };
}

export function endTimer(record: TimerRecord, nowMono: number): TimerRecord {
  if (record.endedMono !== null) return record;
  const resumed = resumeTimer(record, nowMono);
  return { ...resumed, endedMono: nowMono };
}

/** What the page needs: phase, times at this moment and the bell plan. */
export function snapshot(record: TimerRecord, nowMono: number): ActiveSession {
  return {
    plan: record.plan,
    startedAt: new Date(record.startedAtWallMs).toISOString(),
    phase: phase(record, nowMono),
    elapsedMs: sessionElapsedMs(record, nowMono),
    prepMs: prepMs(record),
    sittingMs: sittingMs(record, nowMono),
    bells: bellSchedule(record.plan),
    stressBefore: record.stressBefore,
  };
}
