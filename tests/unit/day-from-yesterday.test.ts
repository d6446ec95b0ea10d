import { describe, expect, it } from 'vitest';
import { guessTreatmentKind } from '../../electron/contract/journalTerms';
import { emptyDay } from '../../electron/core/day/days';
import { STOOL_NOT_CHOSEN, forSaving } from '../../renderer/src/views/Day/dayEntry';
import { checkChosenDate } from '../../renderer/src/lib/dayPicker';
import {
  copyableCounts,
  copyFromYesterday,
  discardCopy,
  draftSize,
  isEmptyForCopy,
  pruneDraft,
  unconfirmedMeals,
  withoutUnconfirmed,
} from '../../renderer/src/lib/fromYesterday';
import { pastedNoteProblem } from '../../renderer/src/lib/notesLimit';
import { takenAsUsual } from '../../renderer/src/lib/treatmentDay';

function yesterday() {
  const day = emptyDay('2026-06-14');
  day.meals = [
    {
      kind: 'breakfast',
      time: '08:00',
      foods: [
        { foodId: 1, servings: 1 },
        { foodId: 2, servings: 2 },
      ],
    },
    { kind: 'lunch', time: null, foods: [{ foodId: 3, servings: 1 }] },
    { kind: 'snack', time: null, foods: [] },
  ];
  day.treatments = [
    { treatmentId: 10, taken: true },
    { treatmentId: 11, taken: false },
    { treatmentId: 99, taken: true }, // stopped since: not offered
  ];
  day.lifestyle = { ...day.lifestyle, stress: 6, sleepHours: 7.5, mood: 5, meditationMinutes: 10, cycleDay: 12 };
  day.notes = 'not copied';
  return day;
}

const ALL = new Set(['meals', 'treatments', 'lifestyle'] as const);

describe('Start from yesterday', () => {
  it('copies meals with foods, treatments still in use and lifestyle values, but no notes, meditation or cycle day', () => {
    const today = emptyDay('2026-06-15');
    expect(copyableCounts(yesterday(), [10, 11])).toEqual({ meals: 2, treatments: 2, lifestyle: 3 });
    const draft = copyFromYesterday(today, yesterday(), ALL, [10, 11]);
    expect(today.meals.map((m) => m.kind)).toEqual(['breakfast', 'lunch']);
    expect(today.treatments).toEqual([
      { treatmentId: 10, taken: true },
      { treatmentId: 11, taken: false },
    ]);
    expect(today.lifestyle).toMatchObject({
      stress: 6,
      sleepHours: 7.5,
      mood: 5,
      meditationMinutes: null,
      cycleDay: null,
    });
    expect(today.notes).toBe('');
    expect(draftSize(draft)).toBe(7);
  });

  it('never saves an unconfirmed copy: not recorded stays not recorded', () => {
    const today = emptyDay('2026-06-15');
    const draft = copyFromYesterday(today, yesterday(), ALL, [10, 11]);
    const saved = forSaving(withoutUnconfirmed(today, draft));
    expect(saved.meals).toEqual([]);
    expect(saved.treatments).toEqual([]);
    expect(saved.lifestyle.stress).toBeNull();
    expect(saved.lifestyle.sleepHours).toBeNull();
    expect(isEmptyForCopy(saved)).toBe(true);
  });

  it('a value changed by the person is theirs and saves; the untouched rest stays a draft', () => {
    const today = emptyDay('2026-06-15');
    let draft = copyFromYesterday(today, yesterday(), ALL, [10, 11]);
    today.lifestyle.stress = 3;
    today.meals[1]!.foods.push({ foodId: 4, servings: 1 });
    today.treatments[1]!.taken = true;
    draft = pruneDraft(today, draft);
    expect(draftSize(draft)).toBe(4);
    expect(unconfirmedMeals(today, draft)).toEqual([true, false]);
    const saved = withoutUnconfirmed(today, draft);
    expect(saved.lifestyle).toMatchObject({ stress: 3, sleepHours: null, mood: null });
    expect(saved.meals.map((m) => m.kind)).toEqual(['lunch']);
    expect(saved.treatments).toEqual([{ treatmentId: 11, taken: true }]);
  });

  it('a copied value cleared by the person is saved as not recorded, not as yesterday’s', () => {
    const today = emptyDay('2026-06-15');
    let draft = copyFromYesterday(today, yesterday(), new Set(['lifestyle'] as const), []);
    today.lifestyle.sleepHours = null;
    draft = pruneDraft(today, draft);
    expect(draft.lifestyle.sleepHours).toBeUndefined();
    expect(withoutUnconfirmed(today, draft).lifestyle.sleepHours).toBeNull();
  });

  it('copies only the chosen parts, and never over what the day already holds', () => {
    const today = emptyDay('2026-06-15');
    today.lifestyle.stress = 2;
    const draft = copyFromYesterday(today, yesterday(), new Set(['lifestyle'] as const), [10, 11]);
    expect(today.meals).toEqual([]);
    expect(today.treatments).toEqual([]);
    expect(today.lifestyle.stress).toBe(2);
    expect(draft.lifestyle.stress).toBeUndefined();
  });

  it('undo takes the copy out again and leaves what the person entered', () => {
    const today = emptyDay('2026-06-15');
    const draft = copyFromYesterday(today, yesterday(), ALL, [10, 11]);
    today.skin.push({
      conditionId: 1,
      severity: 4,
      itch: null,
      sleepLost: null,
      newLesions: null,
      flare: false,
      areas: [],
    });
    discardCopy(today, draft);
    expect(isEmptyForCopy(today)).toBe(true);
    expect(today.skin).toHaveLength(1);
  });
});

describe('the smaller Day view rules', () => {
  it('Taken as usual marks unanswered treatments taken and keeps the answers given', () => {
    const day = emptyDay('2026-06-15');
    day.treatments = [{ treatmentId: 2, taken: false }];
    const inUse = [1, 2, 3].map((id) => ({
      id,
      name: `T${id}`,
      kind: 'other' as const,
      dose: '',
      startedOn: null,
      stoppedOn: null,
    }));
    expect(takenAsUsual(day, inUse)).toBe(2);
    expect(day.treatments).toEqual([
      { treatmentId: 2, taken: false },
      { treatmentId: 1, taken: true },
      { treatmentId: 3, taken: true },
    ]);
  });

  it('guesses a treatment’s kind from its name, or asks', () => {
    expect(guessTreatmentKind('Probiotic')).toBe('probiotic');
    expect(guessTreatmentKind('Lactobacillus rhamnosus GG')).toBe('probiotic');
    expect(guessTreatmentKind('Aloe vera cream')).toBe('topical');
    expect(guessTreatmentKind('Vitamin D3')).toBe('supplement');
    expect(guessTreatmentKind('Doxycycline')).toBe('oral');
    expect(guessTreatmentKind('Something new')).toBeNull();
  });

  it('a bowel movement without a chosen stool type is not saved', () => {
    const day = emptyDay('2026-06-15');
    day.bowelMovements = [
      { time: null, bristol: STOOL_NOT_CHOSEN },
      { time: '09:00', bristol: 4 },
    ];
    expect(forSaving(day).bowelMovements).toEqual([{ time: '09:00', bristol: 4 }]);
  });

  it('the date box accepts only whole, real dates up to today, with words otherwise', () => {
    expect(checkChosenDate('2026-06-14', '2026-06-15')).toEqual({ ok: true, date: '2026-06-14' });
    expect(checkChosenDate('', '2026-06-15')).toMatchObject({ ok: false, message: /whole date/ });
    expect(checkChosenDate('0202-12-15', '2026-06-15')).toMatchObject({ ok: false, message: /1900/ });
    expect(checkChosenDate('2026-02-30', '2026-06-15')).toMatchObject({ ok: false, message: /does not exist/ });
    expect(checkChosenDate('2026-12-20', '2026-06-15')).toMatchObject({ ok: false, message: /in the future/ });
  });

  it('refuses a paste that would take a note past its limit, and says so', () => {
    expect(pastedNoteProblem('abc', 3, 3, 'de', 5)).toBeNull();
    expect(pastedNoteProblem('abc', 0, 3, 'vwxyz', 5)).toBeNull();
    expect(pastedNoteProblem('abc', 3, 3, 'def', 5)).toMatch(
      /^Not pasted: that text is 3 characters and there is room for 2 more/,
    );
  });
});
