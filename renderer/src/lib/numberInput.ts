import { formatNumber } from './format';

/**
 * What a typed number means, without touching the text: the Day view's number fields never
 * rewrite what is being typed. Pure (no Svelte), so every rule here is unit- and property-tested.
 */

export interface NumberBounds {
  /** How the value is named in a message: "sleep", "water". */
  name: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** The unit in messages, plural: "hours", "glasses". */
  unit?: string;
  /** The minimum itself is not allowed (servings must be more than 0). */
  minExclusive?: boolean;
  /** Empty is not allowed (a food's servings); otherwise empty means "not recorded". */
  required?: boolean;
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** A plain decimal: optional sign, digits, one decimal point or comma. No exponents, no spaces inside. */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** "0–24 hours", "more than 0 and at most 20" */
export function rangeWords(bounds: NumberBounds): string {
  const unit = bounds.unit ? ` ${bounds.unit}` : '';
  if (bounds.minExclusive)
    return `more than ${formatNumber(bounds.min)} and at most ${formatNumber(bounds.max)}${unit}`;
  return `${formatNumber(bounds.min)}–${formatNumber(bounds.max)}${unit}`;
}

/** The sentence after "Not saved:" and under the field, e.g. "sleep must be 0–24 hours." */
function problem(bounds: NumberBounds, what: string): string {
  return `${bounds.name} ${what}`;
}

export function parseBounded(text: string, bounds: NumberBounds): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') {
    return bounds.required
      ? { ok: false, message: problem(bounds, `needs a number (${rangeWords(bounds)}).`) }
      : { ok: true, value: null };
  }
  if (!PLAIN_NUMBER.test(trimmed))
    return {
      ok: false,
      message: problem(bounds, `must be a plain number (${rangeWords(bounds)}), like ${bounds.integer ? '7' : '6.5'}.`),
    };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value))
    return { ok: false, message: problem(bounds, `must be a plain number (${rangeWords(bounds)}).`) };
  const tooLow = bounds.minExclusive ? value <= bounds.min : value < bounds.min;
  if (tooLow || value > bounds.max) return { ok: false, message: problem(bounds, `must be ${rangeWords(bounds)}.`) };
  if (bounds.integer && !Number.isInteger(value))
    return { ok: false, message: problem(bounds, `must be a whole number (${rangeWords(bounds)}).`) };
  // -0 is shown as "-0" but means 0: store the plain 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The text a stored value is shown as when a day loads. */
export function fieldText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Capitalises the first letter of a message for showing it on its own. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * One field's state as the person types: the text is theirs; the value handed to the day is the
 * parsed text when it is valid, or else the baseline — the value last stored (or shown when the
 * field was left) — so an invalid text is never saved and a valid prefix typed on the way to it
 * ("3" of "30") does not stay.
 */
export class BoundedNumberState {
  text: string;
  value: number | null;
  error = '';
  /** The stored value this edit started from; an invalid text falls back to it. */
  private baseline: number | null;

  constructor(
    readonly bounds: NumberBounds,
    initial: number | null,
  ) {
    this.text = fieldText(initial);
    this.value = initial;
    this.baseline = initial;
  }

  input(text: string): void {
    this.text = text;
    const parsed = parseBounded(text, this.bounds);
    if (parsed.ok) {
      this.error = '';
      this.value = parsed.value;
    } else {
      this.error = parsed.message;
      this.value = this.baseline;
    }
  }

  /** A valid value becomes the new baseline once it is stored (the day saved) or the field is left. */
  commit(): void {
    if (!this.error) this.baseline = this.value;
  }

  /** Another day loaded (or something else changed the value): show it, drop any error. */
  replace(value: number | null): void {
    this.text = fieldText(value);
    this.value = value;
    this.baseline = value;
    this.error = '';
  }
}
