import {
  EXPERIMENT_REMINDER_BODY,
  EXPERIMENT_REMINDER_TITLE,
  nextExperimentReminder,
  type ExperimentReminderStatus,
} from '$contract/experimentsTerms';
import { call } from '../../lib/api';
import { todayIso } from '../../lib/dates';
import { session } from '../../lib/session.svelte';

/** What the page can do at reminder time in a browser: a system notification if allowed, else a banner. */
export function browserReminderWay(): 'notification' | 'banner' {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted' ? 'notification' : 'banner';
}

/**
 * The experiment reminder in the web host (the desktop app's main process shows its own). The
 * status is read while the journal is open and kept in memory only — just the time and the dates
 * experiments run — so the reminder still comes while the journal is locked. At the time it shows
 * a browser notification when the person allowed them, otherwise a banner in the app.
 */
class ExperimentReminderClock {
  /** True from reminder time until the banner is dismissed (only when notifications are not allowed). */
  due = $state(false);
  private status: ExperimentReminderStatus | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The web host only: the desktop shell reminds from its main process. */
  private get active(): boolean {
    return session.info?.host === 'web';
  }

  async refresh(): Promise<void> {
    if (!this.active) return;
    const result = await call('experiments.reminder');
    if (result.ok) this.status = result.value;
    this.plan();
  }

  private nextAfter(now: Date): Date | null {
    if (!this.status) return null;
    const today = todayIso();
    return nextExperimentReminder(
      now,
      this.status.today === today ? this.status : { ...this.status, today, todayLogged: false },
    );
  }

  private plan(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.nextAfter(new Date());
    if (!next) return;
    const delay = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1);
    this.timer = setTimeout(() => void this.fire(next), delay);
  }

  private async fire(next: Date): Promise<void> {
    // Read again if the journal is open (today may be logged by now, or the reminder turned off).
    if (session.status?.state === 'unlocked') {
      const result = await call('experiments.reminder');
      if (result.ok) this.status = result.value;
    }
    if (Date.now() >= next.getTime() && this.nextAfter(new Date(next.getTime() - 1))?.getTime() === next.getTime()) {
      if (browserReminderWay() === 'notification') {
        new Notification(EXPERIMENT_REMINDER_TITLE, { body: EXPERIMENT_REMINDER_BODY });
      } else {
        this.due = true;
      }
    }
    this.plan();
  }

  dismiss(): void {
    this.due = false;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.status = null;
    this.due = false;
  }
}

export const experimentReminder = new ExperimentReminderClock();
