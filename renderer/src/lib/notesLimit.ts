import { NOTE_MAX_LENGTH } from '$contract/journalTerms';

/**
 * A paste that would take a note past its limit is refused as a whole, with a sentence saying so:
 * the browser would otherwise cut it at the limit without a word (mid-word, losing the end).
 * Returns null when the paste fits.
 */
export function pastedNoteProblem(
  current: string,
  selectionStart: number,
  selectionEnd: number,
  pasted: string,
  max = NOTE_MAX_LENGTH,
): string | null {
  const after = current.length - (selectionEnd - selectionStart) + pasted.length;
  if (after <= max) return null;
  const fmt = (n: number) => n.toLocaleString('en');
  const room = max - (current.length - (selectionEnd - selectionStart));
  return `Not pasted: that text is ${fmt(pasted.length)} characters and there is room for ${fmt(room)} more (notes hold up to ${fmt(max)}). Nothing was cut — paste a shorter part.`;
}
