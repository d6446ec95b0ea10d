import { todayIso } from './dates';

/**
 * Today's date that follows the calendar: checked every 30 seconds and whenever the page comes
 * back into view (a laptop waking up), so a Day view left open across midnight knows it.
 */
class CalendarClock {
  today = $state(todayIso());
  private timer: ReturnType<typeof setInterval> | undefined;

  start(): () => void {
    const check = () => {
      const now = todayIso();
      if (now !== this.today) this.today = now;
    };
    check();
    this.timer = setInterval(check, 30_000);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(this.timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }
}

export const calendarClock = new CalendarClock();
