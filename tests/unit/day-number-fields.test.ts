import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayEntryInput } from '../../electron/contract/journal';
import { emptyDay } from '../../electron/core/day/days';
import { BoundedNumberState, parseBounded, type NumberBounds } from '../../renderer/src/lib/numberInput';

/**
 * Every bounded number of the Day view, with the bounds its field uses, and where its value goes
 * in a day entry (so the contract checks that a value the field accepts is one the journal stores).
 */
const FIELDS: { bounds: NumberBounds; put: (value: number | null) => unknown }[] = [
  {
    bounds: { name: 'sleep', min: 0, max: 24, integer: false, unit: 'hours' },
    put: (v) => ({ lifestyle: { sleepHours: v } }),
  },
  {
    bounds: { name: 'water', min: 0, max: 40, integer: true, unit: 'glasses' },
    put: (v) => ({ gut: { waterGlasses: v } }),
  },
  {
    bounds: { name: 'exercise', min: 0, max: 1440, integer: true, unit: 'minutes' },
    put: (v) => ({ lifestyle: { exerciseMinutes: v } }),
  },
  {
    bounds: { name: 'relaxation', min: 0, max: 1440, integer: true, unit: 'minutes' },
    put: (v) => ({ lifestyle: { relaxationMinutes: v } }),
  },
  {
    bounds: { name: 'meditation', min: 0, max: 1440, integer: true, unit: 'minutes' },
    put: (v) => ({ lifestyle: { meditationMinutes: v } }),
  },
  { bounds: { name: 'cycle day', min: 1, max: 60, integer: true }, put: (v) => ({ lifestyle: { cycleDay: v } }) },
  {
    bounds: { name: 'new spots', min: 0, max: 500, integer: true },
    put: (v) => ({
      skin:
        v === null
          ? []
          : [{ conditionId: 1, severity: null, itch: null, sleepLost: null, newLesions: v, flare: false, areas: [] }],
    }),
  },
  {
    bounds: { name: 'servings of Oats', min: 0, max: 20, integer: false, minExclusive: true, required: true },
    put: (v) => ({ meals: [{ kind: 'lunch', time: null, foods: [{ foodId: 1, servings: v }] }] }),
  },
  {
    bounds: { name: 'Steps', min: -1_000_000, max: 1_000_000, integer: false },
    put: (v) => ({ custom: [{ factorId: 1, value: v }] }),
  },
];

function entryWith(put: unknown) {
  const day = emptyDay('2026-06-01');
  const patch = put as Record<string, unknown>;
  return {
    ...day,
    ...patch,
    lifestyle: { ...day.lifestyle, ...((patch.lifestyle as object) ?? {}) },
    gut: { ...day.gut, ...((patch.gut as object) ?? {}) },
  };
}

/** What the text on screen means as a number, read the way a person reads it. */
function shownNumber(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t.replace(',', '.'));
}

/** A keystroke, a deletion or a paste of random text: the ways a field's text changes. */
const edit = fc.oneof(
  fc.constantFrom(...'0123456789'.split('')).map((c) => ({ kind: 'type' as const, text: c })),
  fc.constantFrom('.', ',', '-', '+', ' ', 'e', 'a').map((c) => ({ kind: 'type' as const, text: c })),
  fc.constant({ kind: 'backspace' as const, text: '' }),
  fc
    .oneof(
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: false }).map(String),
      fc.integer({ min: -5000, max: 5000 }).map(String),
      fc.constantFrom('30', '45', '2.5', '24.5', '1e3', '0x10', '-0', '', '  7 ', '1,5', '20.01', 'Infinity'),
    )
    .map((text) => ({ kind: 'paste' as const, text })),
);

describe('Day view number fields: what is stored is what is shown, or nothing with a message', () => {
  it('holds for random typing, deleting and pasting into every field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FIELDS.length - 1 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        fc.array(edit, { maxLength: 14 }),
        (which, start, edits) => {
          const { bounds, put } = FIELDS[which]!;
          const initialParsed = start === null ? parseBounded('', bounds) : parseBounded(String(start), bounds);
          const initial = initialParsed.ok ? initialParsed.value : null;
          if (bounds.required && initial === null) return; // a food's servings always start from a number
          const field = new BoundedNumberState(bounds, initial);
          let text = field.text;
          for (const step of edits) {
            text = step.kind === 'type' ? text + step.text : step.kind === 'backspace' ? text.slice(0, -1) : step.text;
            field.input(text);
            // The text is never rewritten.
            expect(field.text).toBe(text);
            if (field.error === '') {
              // Valid: the value handed to the day is exactly the number shown …
              const shown = shownNumber(text);
              expect(field.value === shown || (field.value === 0 && shown === 0)).toBe(true);
              // … and the journal accepts it as it is.
              expect(dayEntryInput.safeParse(entryWith(put(field.value))).success).toBe(true);
            } else {
              // Invalid: nothing new is handed on (the stored value stays), and there is a message.
              expect(field.value).toBe(initial);
              expect(field.error).toMatch(
                new RegExp(`^${bounds.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (must|needs)`),
              );
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps "30" as typed in sleep with a message instead of storing 3', () => {
    const sleep = new BoundedNumberState(FIELDS[0]!.bounds, 6.5);
    sleep.input('3');
    expect(sleep.value).toBe(3);
    sleep.input('30');
    expect(sleep.text).toBe('30');
    expect(sleep.value).toBe(6.5);
    expect(sleep.error).toBe('sleep must be 0–24 hours.');
  });

  it('refuses servings above 20 and empty servings, with words', () => {
    const servings = FIELDS[7]!.bounds;
    expect(parseBounded('50', servings)).toEqual({
      ok: false,
      message: 'servings of Oats must be more than 0 and at most 20.',
    });
    expect(parseBounded('', servings)).toMatchObject({ ok: false });
    expect(parseBounded('0', servings)).toMatchObject({ ok: false });
    expect(parseBounded('2,5', servings)).toEqual({ ok: true, value: 2.5 });
  });

  it('treats whole-number fields strictly and never accepts exponents or hex', () => {
    const water = FIELDS[1]!.bounds;
    expect(parseBounded('2.5', water)).toMatchObject({
      ok: false,
      message: 'water must be a whole number (0–40 glasses).',
    });
    expect(parseBounded('1e1', water)).toMatchObject({ ok: false });
    expect(parseBounded('0x10', water)).toMatchObject({ ok: false });
    expect(parseBounded(' 7 ', water)).toEqual({ ok: true, value: 7 });
    expect(parseBounded('-0', water)).toEqual({ ok: true, value: 0 });
  });

  it('follows a newly loaded day and forgets the error', () => {
    const field = new BoundedNumberState(FIELDS[1]!.bounds, 3);
    field.input('99');
    field.replace(5);
    expect([field.text, field.value, field.error]).toEqual(['5', 5, '']);
  });

  it('takes a valid value as the new starting point once the field is left', () => {
    const field = new BoundedNumberState(FIELDS[1]!.bounds, null);
    field.input('8');
    field.commit();
    field.input('80');
    expect(field.value).toBe(8);
  });
});
