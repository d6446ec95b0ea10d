import { shortDate } from './format';

export type DateChoice = { ok: true; date: string } | { ok: false; message: string };

/** The journal's dates: 1900 onwards (as the contract's isoDate). */
const FIRST_YEAR = 1900;

/**
 * What the date box of the Day view asks for, checked only once the person is done (blur or
 * Enter): a complete, real date, not in the future. A problem is a message; it never navigates.
 */
export function checkChosenDate(value: string, today: string): DateChoice {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { ok: false, message: 'Please type a whole date: day, month and year.' };
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: 'That date does not exist. Please check the day and month.' };
  }
  if (y < FIRST_YEAR) return { ok: false, message: `Please type a year from ${FIRST_YEAR} on.` };
  if (value > today)
    return { ok: false, message: `${shortDate(value)} is in the future — you can fill in today or an earlier day.` };
  return { ok: true, date: value };
}
