import type { DayEntry, SkinScore } from '../../../electron/contract';

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

/** What is sent to the backend: blank condition rows and empty custom values left out. */
export function forSaving(entry: DayEntry): DayEntry {
  return {
    ...entry,
    skin: entry.skin.filter((s) => !isBlankSkin(s)),
    custom: entry.custom.filter((c) => c.value !== null),
  };
}

/** Plain copy (drops Svelte's reactive proxies) for comparing and sending. */
export function snapshot(entry: DayEntry): DayEntry {
  return JSON.parse(JSON.stringify(entry)) as DayEntry;
}
