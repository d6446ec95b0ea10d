import { describe, expect, it } from 'vitest';
import { generateDemoJournal, PLANTED_EFFECTS } from '../../electron/core/demo/generate';
import { emptyDay } from '../../electron/core/day/days';
import type { InsightsStatus } from '../../electron/contract/insightsTerms';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';
import { PASSPHRASE } from '../helpers/tempVault';

const openApp = journalAppsClosedAfterEach();
type App = Awaited<ReturnType<typeof openApp>>;

async function finished(app: App, maxLag?: number): Promise<InsightsStatus> {
  let status = await app.call('insights.run', maxLag === undefined ? undefined : { maxLag });
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    status = await app.call('insights.status');
  }
  return status;
}

describe('daily series as insights and trends see them', () => {
  it('holds what was logged, with unlogged days and unfilled parts missing (null), never zero', async () => {
    const app = await openApp();
    const conditions = await app.call('conditions.list');
    const acne = conditions.find((c) => c.name === 'Acne')!;
    await app.call('conditions.save', { id: acne.id, name: 'Acne', tracked: true });
    const foods = await app.call('foods.list');
    const cheese = foods.find((f) => f.name === 'Cheddar cheese')!;
    const kefir = foods.find((f) => f.name === 'Kefir')!;
    const [probiotic] = await app.call('treatments.save', {
      name: 'Probiotic',
      kind: 'probiotic',
      dose: '',
      startedOn: null,
      stoppedOn: null,
    });
    const [sunscreen] = await app.call('factors.save', { name: 'Sunscreen', kind: 'yesno', unit: '', archived: false });
    const skin = (severity: number | null, flare = false, itch: number | null = null) => [
      { conditionId: acne.id, severity, itch, sleepLost: null, newLesions: null, flare, areas: [] },
    ];
    await app.call('day.save', {
      ...emptyDay('2026-06-01'),
      skin: skin(4, false, 2),
      meals: [
        {
          kind: 'lunch',
          time: null,
          foods: [
            { foodId: cheese.id, servings: 2 },
            { foodId: kefir.id, servings: 1 },
          ],
        },
      ],
      mealsComplete: true,
      bowelMovements: [
        { time: null, bristol: 3 },
        { time: null, bristol: 6 },
      ],
      gut: { bloating: 0, discomfort: 2, waterGlasses: 6 },
      lifestyle: { ...emptyDay('x').lifestyle, stress: 7, meditationMinutes: 0 },
      treatments: [{ treatmentId: probiotic!.id, taken: true }],
      custom: [{ factorId: sunscreen!.id, value: 1 }],
    });
    // 2 June not logged at all; 3 June logged with only a skin score (no food, no stress).
    await app.call('day.save', {
      ...emptyDay('2026-06-03'),
      skin: skin(7, true),
      treatments: [{ treatmentId: probiotic!.id, taken: false }],
    });

    const data = await app.call('trends.series', { from: '2026-06-01', to: '2026-06-03' });
    const values = (key: string) => data.series.find((s) => s.key === key)?.values;
    expect(data.dates).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
    expect(values(`skin.severity.${acne.id}`)).toEqual([4, null, 7]);
    expect(values(`skin.flare.${acne.id}`)).toEqual([0, null, 1]);
    expect(values('skin.itch')).toEqual([2, null, null]);
    expect(values('food.dairy')).toEqual([1, null, null]);
    expect(values('food.fermented')).toEqual([1, null, null]);
    expect(values('food.alcohol')).toEqual([0, null, null]);
    // Cheddar is fermented too: 2 servings of it and 1 of kefir.
    expect(values('servings.fermented')).toEqual([3, null, null]);
    expect(values('gut.stool')).toEqual([4.5, null, null]);
    expect(values('gut.bloating')).toEqual([0, null, null]);
    expect(values('life.stress')).toEqual([7, null, null]);
    expect(values('life.meditation')).toEqual([0, null, null]);
    expect(values(`treatment.${probiotic!.id}`)).toEqual([1, null, 0]);
    expect(values(`custom.${sunscreen!.id}`)).toEqual([1, null, null]);
    expect(data.stoolTypeCounts).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(data.daysLogged).toBe(2);
    expect(data.conditions.map((c) => c.name)).toContain('Acne');
    expect(data.series.find((s) => s.key === 'food.dairy')).toMatchObject({
      kind: 'yesno',
      role: 'factor',
      label: 'Dairy',
    });
  });

  it('reads food as unknown on days whose meals are not complete, listed or not', async () => {
    const app = await openApp();
    const foods = await app.call('foods.list');
    const cheese = foods.find((f) => f.name === 'Cheddar cheese')!;
    const oats = foods.find((f) => f.name === 'Oats')!;
    const meal = (kind: 'breakfast' | 'lunch' | 'dinner', foodId: number) => ({
      kind,
      time: null,
      foods: [{ foodId, servings: 1 }],
    });
    const all = [meal('breakfast', oats.id), meal('lunch', oats.id), meal('dinner', oats.id)];
    // 1 June: ticked complete, no dairy. 2 June: not answered, but all main meals → complete. 3 June: not answered,
    // lunch only → unknown. 4 June: marked incomplete, cheese listed → unknown too. 5 June: ticked, nothing eaten.
    await app.call('day.save', {
      ...emptyDay('2026-06-01'),
      meals: [meal('lunch', oats.id)],
      mealsComplete: true,
    });
    await app.call('day.save', { ...emptyDay('2026-06-02'), meals: all });
    await app.call('day.save', { ...emptyDay('2026-06-03'), meals: [meal('lunch', cheese.id)] });
    await app.call('day.save', {
      ...emptyDay('2026-06-04'),
      meals: [...all, meal('dinner', cheese.id)],
      mealsComplete: false,
    });
    await app.call('day.save', { ...emptyDay('2026-06-05'), mealsComplete: true, notes: 'fasting' });
    expect((await app.call('day.get', { date: '2026-06-04' })).entry.mealsComplete).toBe(false);
    expect((await app.call('day.get', { date: '2026-06-02' })).entry.mealsComplete).toBeNull();
    const data = await app.call('trends.series', { from: '2026-06-01', to: '2026-06-05' });
    const values = (key: string) => data.series.find((s) => s.key === key)!.values;
    expect(values('food.dairy')).toEqual([0, 0, null, null, 0]);
    expect(values('food.whole_grain')).toEqual([1, 1, null, null, 0]);
    expect(values('food.plants')).toEqual([1, 1, null, null, 0]);
  });

  it('refuses a range that ends before it starts', async () => {
    const app = await openApp();
    await expect(app.call('trends.series', { from: '2026-06-10', to: '2026-06-01' })).rejects.toThrow(
      'The start date must be on or before the end date.',
    );
  });
});

describe('insights on demo journals', () => {
  it.each([1, 2, 3])(
    'finds the three planted effects at their planted lags with q < 0.05 (a year of data, seed %i)',
    async (seed) => {
      const app = await openApp();
      await generateDemoJournal(app.dispatch, { days: 365, seed, effects: true, endDate: '2026-06-15' });
      const { result } = await finished(app);
      const find = (factor: string, condition: string) =>
        result!.findings.find((f) => f.factor === factor && f.outcomeLabel === `${condition} severity`);
      const dairy = find('food.dairy', 'Acne');
      // Fermented food is logged two ways (yes/no and servings): the yes/no factor carries the finding, the servings are explained by it.
      const fermented = find('food.fermented', 'Eczema');
      const stress = find('life.stress', 'Rosacea');
      expect(PLANTED_EFFECTS.map((e) => e.lagDays)).toEqual([2, 3, 0]);
      expect(dairy).toMatchObject({ lag: 2, status: 'finding' });
      expect(dairy!.effect).toBeGreaterThan(1);
      expect(fermented).toMatchObject({ lag: 3, status: 'finding' });
      expect(fermented!.effect).toBeLessThan(-0.5);
      expect(stress!.flags).toContain('same-day');
      expect(stress).toMatchObject({ lag: 0, status: 'finding' });
      for (const finding of [dairy!, fermented!, stress!]) expect(finding.q).toBeLessThan(0.05);
      expect(dairy!.sentence).toMatch(
        /^On the 2nd day after dairy, your acne severity averaged \d\.\d on the 0–10 scale, against \d\.\d after days without \(\d+ days with, \d+ without\): about \d\.\d to \d\.\d points higher once slow changes over the weeks are allowed for; unlikely to be chance \(q [<=] 0\.\d+\)\.$/,
      );
      // Intervals are in points, around the effect, and near the planted sizes (+2, −1.5; coverage is measured by npm run calibrate).
      expect(dairy!.ciLow!).toBeGreaterThan(1);
      expect(dairy!.ciHigh!).toBeLessThan(3);
      expect(dairy!.ciLow!).toBeLessThan(dairy!.effect!);
      expect(fermented!.ciHigh!).toBeLessThan(-0.5);
      expect(fermented!.ciLow!).toBeGreaterThan(-2.5);
      // Proxies travel with the planted factors: they are explained, never findings beside them; mirrored measures
      // (a category and its servings, mood and stress) are not two findings.
      const plantedKeys = new Set([
        'food.dairy→Acne',
        'food.fermented→Eczema',
        'servings.fermented→Eczema',
        'life.stress→Rosacea',
      ]);
      for (const finding of result!.findings) {
        const condition = finding.outcomeLabel.replace(/ severity$/, '');
        if (finding.outcome.startsWith('skin.severity.') && !plantedKeys.has(`${finding.factor}→${condition}`)) {
          expect
            .soft(
              finding.movesWith.length > 0 || (finding.q ?? 0) > 0.01,
              `${finding.factor} → ${finding.outcomeLabel} stands beside the planted links`,
            )
            .toBe(true);
        }
      }
      expect(
        result!.findings.filter(
          (f) => f.outcomeLabel === 'Eczema severity' && /^(food|servings)\.fermented$/.test(f.factor),
        ),
      ).toHaveLength(1);
      expect(
        result!.tests.find(
          (t) => t.factor === 'life.mood' && t.outcomeLabel === 'Rosacea severity' && !t.flags.includes('other-lag'),
        )!.status,
      ).not.toBe('finding');
      for (const explained of result!.explained)
        expect(result!.findings.map((f) => f.factor)).toContain(explained.explainedBy);
    },
  );
});

describe('the insights job', () => {
  it('runs once, serves the same result until the journal changes, then says it is out of date', async () => {
    const app = await openApp();
    await generateDemoJournal(app.dispatch, { days: 60, seed: 4, effects: true, endDate: '2026-06-15' });
    const first = await finished(app);
    expect(first).toMatchObject({ state: 'done', stale: false, error: null, maxLag: 7 });
    expect(first.progress.done).toBe(first.progress.total);
    expect(first.result!.maxLag).toBe(7);
    const again = await app.call('insights.run');
    expect(again.result).toBe(first.result);
    await app.call('day.save', { ...emptyDay('2026-03-01'), notes: 'an older day, added later' });
    expect((await app.call('insights.status')).stale).toBe(true);
    const rerun = await finished(app);
    expect(rerun.stale).toBe(false);
    expect(rerun.result).not.toBe(first.result);
  });

  it('keeps the chosen longest delay as a setting and refuses one beyond 14 days', async () => {
    const app = await openApp();
    await generateDemoJournal(app.dispatch, { days: 40, seed: 5, effects: true, endDate: '2026-06-15' });
    const status = await finished(app, 3);
    expect(status.maxLag).toBe(3);
    expect(Math.max(...status.result!.tests.map((t) => t.lag))).toBe(3);
    expect((await app.call('insights.status')).maxLag).toBe(3);
    await expect(app.call('insights.run', { maxLag: 15 })).rejects.toThrow('The longest delay can be at most 14 days.');
    expect((await app.call('insights.status')).maxLag).toBe(3);
  });

  it('says how many more days are needed on a fresh journal, and finds nothing', async () => {
    const app = await openApp();
    await generateDemoJournal(app.dispatch, { days: 10, seed: 6, effects: true, endDate: '2026-06-15' });
    const { result } = await finished(app);
    expect(result!.testsRun).toBe(0);
    expect(result!.findings).toEqual([]);
    expect(result!.daysNeeded).toBeGreaterThan(10);
    expect(result!.tests.every((t) => t.status === 'not-enough-data' && t.needed !== null)).toBe(true);
  });

  it('forgets every number when the journal locks', async () => {
    const app = await openApp();
    await generateDemoJournal(app.dispatch, { days: 40, seed: 7, effects: true, endDate: '2026-06-15' });
    await finished(app);
    await app.call('vault.lock');
    await expect(app.call('insights.status')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await app.call('insights.status')).toMatchObject({ state: 'idle', result: null });
  });
});
