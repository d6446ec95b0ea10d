/**
 * How often a treatment was taken while it was active: days ticked "yes" divided by days with a
 * yes-or-no tick, between `activeFrom` and `activeTo` (both included). Days without a tick are
 * unknown and left out, never counted as missed.
 */
export interface Adherence {
  daysTicked: number;
  daysTaken: number;
  /** 0–100, or null when no day was ticked. */
  percent: number | null;
}

export function treatmentAdherence(
  dates: readonly string[],
  taken: readonly (number | null)[] | undefined,
  activeFrom: string,
  activeTo: string,
): Adherence {
  let daysTicked = 0;
  let daysTaken = 0;
  if (taken) {
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i]!;
      if (date < activeFrom || date > activeTo) continue;
      const tick = taken[i];
      if (tick === null || tick === undefined) continue;
      daysTicked++;
      if (tick === 1) daysTaken++;
    }
  }
  return { daysTicked, daysTaken, percent: daysTicked ? (daysTaken / daysTicked) * 100 : null };
}

/** The part of the period a treatment was active: its own start and stop dates clipped to the period. */
export function activeWindow(
  from: string,
  to: string,
  startedOn: string | null,
  stoppedOn: string | null,
): { activeFrom: string; activeTo: string } {
  const activeFrom = startedOn && startedOn > from ? startedOn : from;
  const activeTo = stoppedOn && stoppedOn < to ? stoppedOn : to;
  // Ticks outside its dates (the dates were changed later): count the whole period instead.
  return activeFrom <= activeTo ? { activeFrom, activeTo } : { activeFrom: from, activeTo: to };
}
