import type { DayEntry, SkinScore } from '$contract';

export function blankSkin(conditionId: number): SkinScore {
  return { conditionId, severity: null, itch: null, sleepLost: null, newLesions: null, flare: false, areas: [] };
}

export function isBlankSkin(score: SkinScore): boolean {
  return (
    score.severity === null &&
    score.itch === null &&
    score.sleepLost === null &&
    score.newLesions === null &&
    !score.flare &&
    score.areas.length === 0
  );
}

/** The editor shows an empty row for every tracked condition; only filled-in rows are stored. */
export function withTrackedConditions(entry: DayEntry, trackedIds: number[]): DayEntry {
  const present = new Set(entry.skin.map((s) => s.conditionId));
  return { ...entry, skin: [...entry.skin, ...trackedIds.filter((id) => !present.has(id)).map(blankSkin)] };
}

/**
 * A bowel movement just added has no stool type until the person chooses one (type 4 is not
 * assumed): the editor holds it as 0, it is not saved, and the header says why.
 */
export const STOOL_NOT_CHOSEN = 0;

/** What is sent to the backend: blank condition rows, empty custom values and untyped movements left out. */
export function forSaving(entry: DayEntry): DayEntry {
  return {
    ...entry,
    skin: entry.skin.filter((s) => !isBlankSkin(s)),
    bowelMovements: entry.bowelMovements.filter((b) => b.bristol !== STOOL_NOT_CHOSEN),
    custom: entry.custom.filter((c) => c.value !== null),
  };
}

/** Plain copy (drops Svelte's reactive proxies) for comparing and sending. */
export function snapshot(entry: DayEntry): DayEntry {
  return JSON.parse(JSON.stringify(entry)) as DayEntry;
}
