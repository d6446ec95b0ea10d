/**
 * When the daily reminder should next appear: the coming occurrence of a local time of day
 * (today if it is still ahead, else tomorrow). Built from local calendar fields, so a change to
 * or from summer time moves the moment with the clock, as a person expects.
 */
export function nextReminderAt(now: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0);
  if (next.getTime() <= now.getTime()) {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, minutes, 0, 0);
  }
  return next;
}
