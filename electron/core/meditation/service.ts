import { performance } from 'node:perf_hooks';
import {
  SHORT_SESSION_SECONDS,
  type ActiveSession,
  type MeditationSession,
  type SessionPlan,
} from '../../contract/meditation';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { localDate } from '../journal/dates';
import { insertSession, writeMeditationSettings } from './sessions';
import { endTimer, pauseTimer, resumeTimer, sittingMs, snapshot, startTimer, type TimerRecord } from './timer';

export interface Clocks {
  /** Monotonic milliseconds (never jumps with the wall clock). */
  mono: () => number;
  wall: () => number;
}

export const systemClocks: Clocks = { mono: () => performance.now(), wall: () => Date.now() };

/** Sessions shorter than this are not kept when the journal locks in the middle of one (nobody chose to keep them). */
const KEEP_ON_LOCK_MS = SHORT_SESSION_SECONDS * 1000;

/**
 * The one running meditation session. It lives in the backend, not the page: a reload, a
 * hidden window or another view does not stop it, and the page re-derives everything from it.
 */
export class MeditationTimer {
  private recordValue: TimerRecord | null = null;

  constructor(
    private readonly clocks: Clocks = systemClocks,
    /** Told when a session starts or stops running (the desktop keeps the display awake meanwhile). */
    private readonly onRunningChange: (running: boolean) => void = () => {},
  ) {}

  private get record(): TimerRecord | null {
    return this.recordValue;
  }

  private set record(next: TimerRecord | null) {
    const wasRunning = this.recordValue !== null;
    this.recordValue = next;
    if (wasRunning !== (next !== null)) this.onRunningChange(next !== null);
  }

  get isActive(): boolean {
    return this.record !== null;
  }

  current(): ActiveSession | null {
    return this.record ? snapshot(this.record, this.clocks.mono()) : null;
  }

  start(db: Db, plan: SessionPlan, stressBefore: number | null): ActiveSession {
    if (this.record) {
      throw new AppError('INVALID_INPUT', 'A meditation session is already running. End it before starting another.');
    }
    this.record = startTimer(plan, this.clocks.mono(), this.clocks.wall(), stressBefore);
    writeMeditationSettings(db, { lastPlan: plan });
    return this.current()!;
  }

  pause(): ActiveSession {
    this.record = pauseTimer(this.require(), this.clocks.mono());
    return this.current()!;
  }

  resume(): ActiveSession {
    this.record = resumeTimer(this.require(), this.clocks.mono());
    return this.current()!;
  }

  /** Stops the clock (ending early, or an open-ended session); the result is saved or discarded next. */
  end(): ActiveSession {
    this.record = endTimer(this.require(), this.clocks.mono());
    return this.current()!;
  }

  /**
   * Logs the session with the time actually sat, or discards it. A session under a minute is
   * logged only when the person keeps it on purpose (`keepShort`): otherwise a false start would
   * add a minute to the day and count as a streak day.
   */
  finish(db: Db, save: boolean, stressAfter: number | null, note: string, keepShort = false): MeditationSession | null {
    const record = endTimer(this.require(), this.clocks.mono());
    const seconds = Math.round(sittingMs(record, this.clocks.mono()) / 1000);
    if (save && seconds < 1) {
      throw new AppError(
        'INVALID_INPUT',
        'The session ended before any time was sat, so there is nothing to save. Choose Discard.',
      );
    }
    if (save && seconds < SHORT_SESSION_SECONDS && !keepShort) {
      throw new AppError(
        'INVALID_INPUT',
        `This session lasted ${seconds} seconds, under a minute, so it is not logged unless you choose to keep it. Choose “Save this short session” to keep it, or Discard.`,
      );
    }
    this.record = null;
    if (!save) return null;
    return insertSession(db, {
      date: localDate(record.startedAtWallMs),
      startedAt: new Date(record.startedAtWallMs).toISOString(),
      type: record.plan.type,
      plannedSeconds: record.plan.durationMinutes === null ? null : record.plan.durationMinutes * 60,
      actualSeconds: seconds,
      stressBefore: record.stressBefore,
      stressAfter,
      note,
    });
  }

  /** Locking mid-session keeps what was sat (if at least a minute) rather than losing it. */
  onLock(db: Db | null): void {
    if (!this.record) return;
    const sat = sittingMs(endTimer(this.record, this.clocks.mono()), this.clocks.mono());
    if (db && sat >= KEEP_ON_LOCK_MS) this.finish(db, true, null, '');
    this.record = null;
  }

  private require(): TimerRecord {
    if (!this.record) throw new AppError('INVALID_INPUT', 'No meditation session is running.');
    return this.record;
  }
}
