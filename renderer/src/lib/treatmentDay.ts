import type { DayEntry, Treatment } from '$contract';

/** Taken (true), not taken (false) or not answered (null) on this day. */
export function treatmentAnswer(day: DayEntry, id: number): boolean | null {
  return day.treatments.find((t) => t.treatmentId === id)?.taken ?? null;
}

export function setTreatment(day: DayEntry, id: number, value: boolean | null): void {
  const index = day.treatments.findIndex((t) => t.treatmentId === id);
  if (value === null) {
    if (index >= 0) day.treatments.splice(index, 1);
  } else if (index >= 0) day.treatments[index]!.taken = value;
  else day.treatments.push({ treatmentId: id, taken: value });
}

/** "Taken as usual": every treatment in use that has no answer yet is marked taken; answers stay. */
export function takenAsUsual(day: DayEntry, inUse: readonly Treatment[]): number {
  let marked = 0;
  for (const t of inUse) {
    if (treatmentAnswer(day, t.id) === null) {
      setTreatment(day, t.id, true);
      marked++;
    }
  }
  return marked;
}
