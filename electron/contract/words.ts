/**
 * Words and numbers shared by every host that writes sentences: the renderer (through
 * renderer/src/lib/format.ts), the insights engine's sentences in core and the contract's
 * insights reading that the report and the CLI print. Pure: no state, no DOM, no Intl state.
 *
 * ONE locale: the app's words are British English, so every number and date it writes is
 * formatted for 'en-GB' ("1,440", "14 June 2026", "09:30"), whatever the machine's locale.
 * A German system would otherwise put "1.440" inside an English sentence.
 */

export const APP_LOCALE = 'en-GB';

/** A whole number with thousands separators: "1,440" (rounded). */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString(APP_LOCALE);
}

/** "1 day", "1,440 days", "2 skin conditions"; `many` for irregular plurals. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString(APP_LOCALE)} ${pluralWord(count, word, many)}`;
}

/** The noun alone, for "3 more days": "day" for 1, else "days". */
export function pluralWord(count: number, word: string, many = `${word}s`): string {
  return count === 1 ? word : many;
}

/**
 * A delay after the day of a habit, short, for chips, table cells and lists:
 * "same day", "1 day later", "2 days later".
 */
export function lagShort(lag: number): string {
  return lag === 0 ? 'same day' : `${plural(lag, 'day')} later`;
}

/**
 * A delay inside a sentence about a pair ("dairy and your acne …"):
 * "on the same day", "the next day", "2 days later".
 */
export function lagInSentence(lag: number): string {
  if (lag === 0) return 'on the same day';
  if (lag === 1) return 'the next day';
  return `${plural(lag, 'day')} later`;
}
