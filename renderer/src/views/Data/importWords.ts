import type { ImportSummary } from '$contract/dataExport';

/** Before the import (the dry run's summary) or after it. */
export type ImportTense = 'plan' | 'done';

export interface ImportWords {
  /** False when the file holds nothing that would change this journal. */
  changesSomething: boolean;
  /** "This will add 120 days and replace 3 days with the versions in the file." */
  headline: string;
  /** What the file holds that is already here and left alone; '' when there is none. */
  unchanged: string;
  /** Plan only: a warning when days logged here would be overwritten; '' otherwise. */
  warning: string;
}

type Noun = readonly [singular: string, plural: string];

const NOUNS = {
  day: ['day', 'days'],
  session: ['meditation session', 'meditation sessions'],
  photo: ['photo', 'photos'],
  check: ['weekly eczema check', 'weekly eczema checks'],
  usualMeal: ['usual meal', 'usual meals'],
  condition: ['skin condition', 'skin conditions'],
  food: ['food', 'foods'],
  treatment: ['treatment', 'treatments'],
  factor: ['custom factor', 'custom factors'],
  setting: ['setting', 'settings'],
} as const satisfies Record<string, Noun>;

/** "1 day", "1,200 days". */
export function countOf(count: number, noun: Noun): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun[0] : noun[1]}`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The counts worth saying, in a fixed order, leaving out the zeros. */
function present(parts: readonly (readonly [number, Noun])[]): { text: string; count: number }[] {
  return parts.filter(([count]) => count > 0).map(([count, noun]) => ({ text: countOf(count, noun), count }));
}

/** What an import will do (from its dry run) or did, in plain sentences. */
export function describeImport(summary: ImportSummary, tense: ImportTense): ImportWords {
  const added = present([
    [summary.days.added, NOUNS.day],
    [summary.meditationSessions.added, NOUNS.session],
    [summary.photos.added, NOUNS.photo],
    [summary.poem.added, NOUNS.check],
    [summary.conditions.added, NOUNS.condition],
    [summary.foods.added, NOUNS.food],
    [summary.treatments.added, NOUNS.treatment],
    [summary.customFactors.added, NOUNS.factor],
    [summary.usualMeals.added, NOUNS.usualMeal],
  ]);
  const replaced = present([
    [summary.days.replaced, NOUNS.day],
    [summary.poem.replaced, NOUNS.check],
    [summary.usualMeals.replaced, NOUNS.usualMeal],
    [summary.settings.replaced, NOUNS.setting],
  ]);
  const kept = present([
    [summary.meditationSessions.alreadyThere, NOUNS.session],
    [summary.photos.alreadyThere, NOUNS.photo],
  ]);
  const plan = tense === 'plan';
  const changesSomething = added.length > 0 || replaced.length > 0;

  let headline: string;
  if (!changesSomething) {
    headline = plan
      ? 'This file holds nothing new for your journal: importing it would change nothing.'
      : 'Nothing was changed: the file held nothing new for your journal.';
  } else {
    const [add, replace] = plan ? ['add', 'replace'] : ['added', 'replaced'];
    const clauses: string[] = [];
    if (added.length) clauses.push(`${add} ${listOf(added.map((part) => part.text))}`);
    if (replaced.length)
      clauses.push(`${replace} ${listOf(replaced.map((part) => part.text))} with the versions in the file`);
    // A comma before "and replace" only when the list of additions has its own "and".
    const joined = clauses.join(added.length > 1 && replaced.length ? ', and ' : ' and ');
    headline = plan ? `This will ${joined}.` : `Imported: ${joined}.`;
  }

  let unchanged = '';
  if (kept.length) {
    const one = kept.length === 1 && kept[0]!.count === 1;
    const subject = listOf(kept.map((part) => part.text));
    unchanged = plan
      ? `${subject} ${one ? 'is' : 'are'} already in your journal and will be left as ${one ? 'it is' : 'they are'}.`
      : `${subject} ${one ? 'was' : 'were'} already in your journal and ${one ? 'was' : 'were'} left as ${one ? 'it was' : 'they were'}.`;
  }

  const warning =
    plan && summary.days.replaced > 0
      ? `${countOf(summary.days.replaced, NOUNS.day)} you already logged here will be overwritten completely by the file’s ${summary.days.replaced === 1 ? 'version of that date' : 'versions of those dates'}.`
      : '';

  return { changesSomething, headline, unchanged, warning };
}
