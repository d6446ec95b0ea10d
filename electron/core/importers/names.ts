/**
 * Matching names from another app to the journal's: tolerant of case, accents, punctuation,
 * plurals and a small spelling difference ("Bananas" → "Banana", "yoghurt" → "Yogurt").
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map(singular)
    .join(' ');
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|oes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

/** Optimal string alignment distance (edits, with a swap of neighbours counted once), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** The closest of `names` to `wanted`, or null: same after normalizing, else one edit (two from 9 letters; none under 5), same first letter. */
export function matchName(wanted: string, names: readonly string[]): string | null {
  const target = normalizeName(wanted);
  if (target === '') return null;
  const normalized = names.map((name) => [name, normalizeName(name)] as const);
  const exact = normalized.find(([, n]) => n === target);
  if (exact) return exact[0];
  if (target.length < 5) return null;
  const allowed = target.length >= 9 ? 2 : 1;
  let best: { name: string; distance: number } | null = null;
  for (const [name, n] of normalized) {
    if (n[0] !== target[0]) continue; // "Boats" is not "Oats": a typo rarely changes the first letter
    const distance = editDistance(target, n, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
