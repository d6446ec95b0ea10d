import { describe, expect, it } from 'vitest';
import { emptyDay } from '../../electron/core/day/days';
import { blankSkin, forSaving, withTrackedConditions } from '../../renderer/src/views/Day/dayEntry';

describe('the day editor’s entry', () => {
  it('shows an empty row for each tracked condition without duplicating recorded ones', () => {
    const day = { ...emptyDay('2026-06-01'), skin: [{ ...blankSkin(2), severity: 5 }] };
    expect(withTrackedConditions(day, [1, 2, 3]).skin.map((s) => s.conditionId)).toEqual([2, 1, 3]);
  });

  it('stores only what was filled in: blank condition rows and empty custom values are left out', () => {
    const day = {
      ...emptyDay('2026-06-01'),
      skin: [blankSkin(1), { ...blankSkin(2), flare: true }, { ...blankSkin(3), areas: ['cheeks' as const] }],
      custom: [
        { factorId: 1, value: null },
        { factorId: 2, value: 0 },
      ],
    };
    const saved = forSaving(day);
    expect(saved.skin.map((s) => s.conditionId)).toEqual([2, 3]);
    expect(saved.custom).toEqual([{ factorId: 2, value: 0 }]);
  });
});
