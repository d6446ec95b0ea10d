/**
 * How the renderer writes numbers, dates and counted words. Pure: no state, no DOM.
 *
 * One locale for all of it: APP_LOCALE ('en-GB', from electron/contract/words.ts), because the
 * app's sentences are British English and a number or date inside them must read the same on
 * every computer. The words shared with the engine, the report and the CLI (plural, delays) live
 * in the contract and are re-exported here, so a view imports everything from this one file.
 * The printed report spells its dates by hand (views/Report/format.ts) so that they never change
 * with the browser's ICU data; everything on screen goes through here.
 */

import { APP_LOCALE } from '$contract/words';

export { APP_LOCALE, formatCount, lagInSentence, lagShort, plural, pluralWord } from '$contract/words';

/** A number as written in a sentence: "1,440", "2.5"; at most `maxDecimals` decimals (0: whole). */
export function formatNumber(value: number, maxDecimals = 2): string {
  return value.toLocaleString(APP_LOCALE, { maximumFractionDigits: maxDecimals });
}

/** Creating an Intl.DateTimeFormat is slow; each shape is built once. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(APP_LOCALE, options);
    formats.set(key, format);
  }
  return format;
}

/** A 'YYYY-MM-DD' date as UTC midnight, so formatting it in UTC gives that very date anywhere. */
function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** "Saturday 14 June 2026". */
export function longDate(date: string): string {
  return dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcDay(date),
  );
}

/** "14 June 2026", or "14 Jun 2026" with month 'short'. */
export function shortDate(date: string, month: 'long' | 'short' = 'long'): string {
  return dateFormat({ day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(utcDay(date));
}

/** "7 Dec": day and short month, for places where the year is plain from the context. */
export function dayMonth(date: string): string {
  return dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDay(date));
}

/** "June 2026" for a 'YYYY-MM-DD' or 'YYYY-MM' date. */
export function monthTitle(date: string): string {
  const day = date.length === 7 ? `${date}-01` : date;
  return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDay(day));
}

/** A weekday's name ("Monday", or "Mon" with 'short') of a 'YYYY-MM-DD' date. */
export function weekdayName(date: string, width: 'long' | 'short' = 'long'): string {
  return dateFormat({ weekday: width, timeZone: 'UTC' }).format(utcDay(date));
}

/** The local time of day of an instant, 24-hour: "07:05", "18:30". */
export function timeOfDay(at: string | number | Date): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
}

/** A local moment, short: "3 Jun, 18:30". */
export function dayAndTime(at: string | number | Date): string {
  return dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(at),
  );
}
