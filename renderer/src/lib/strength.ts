export interface StrengthHint {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  advice: string;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/** Our own words for zxcvbn's warning keys; anything else falls back to advice by score. */
const WARNINGS: Record<string, string> = {
  commonPasswords: 'This is one of the most used passwords.',
  similarToCommon: 'This is close to a very common password.',
  topTen: 'This is one of the ten most used passwords.',
  topHundred: 'This is one of the hundred most used passwords.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'Names on their own are easy to guess.',
  commonNames: 'Common names are easy to guess.',
  straightRow: 'Keys in a row on the keyboard are easy to guess.',
  keyPattern: 'Short keyboard patterns are easy to guess.',
  simpleRepeat: 'Repeated letters like "aaa" are easy to guess.',
  extendedRepeat: 'Repeated patterns like "abcabc" are easy to guess.',
  sequences: 'Sequences like "abc" or "6543" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
};

const ADVICE = [
  'Use four or more unrelated words, for example a short odd sentence.',
  'Add another word or two that do not belong together.',
  'Good start. One more unusual word makes it much stronger.',
  'Make sure you can remember it: without it, only your recovery key opens the journal.',
  'Make sure you can remember it.',
] as const;

type Checker = { check(password: string): { score: number; feedback: { warning: string | null } } };
let checker: Promise<Checker> | null = null;

/** The word lists are large, so they load only when someone starts typing a new passphrase. */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary },
      }),
  );
  return checker;
}

export async function strengthOf(passphrase: string, minLength: number): Promise<StrengthHint> {
  // Estimation time grows with length; beyond 64 characters the verdict no longer changes.
  const result = (await loadChecker()).check(passphrase.slice(0, 64));
  let score = Math.max(0, Math.min(4, result.score)) as StrengthHint['score'];
  if (passphrase.length < minLength) score = Math.min(score, 1) as StrengthHint['score'];
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  const advice =
    passphrase.length < minLength
      ? `Use at least ${minLength} characters. ${ADVICE[0]}`
      : [warning, ADVICE[score]].filter(Boolean).join(' ');
  return { score, label: LABELS[score], advice };
}
