import { describe, expect, it } from 'vitest';
import { generateDemoJournal, PLANTED_EFFECTS } from '../../electron/core/demo/generate';
import { emptyDay } from '../../electron/core/journal/days';
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
    const [probiotic] = await app.call('treatments.save', { name: 'Probiotic', kind: 'probiotic', dose: '', startedOn: null, stoppedOn: null });
    const [sunscreen] = await app.call('factors.save', { name: 'Sunscreen', kind: 'yesno', unit: '', archived: false });
    const skin = (severity: number | null, flare = false, itch: number | null = null) => [
      { conditionId: acne.id, severity, itch, sleepLost: null, newLesions: null, flare, areas: [] },
    ];
    await app.call('journal.saveDay', {
      ...emptyDay('2026-06-01'),
      skin: skin(4, false, 2),
      meals: [{ kind: 'lunch', time: null, foods: [{ foodId: cheese.id, servings: 2 }, { foodId: kefir.id, servings: 1 }] }],
      bowelMovements: [{ time: null, bristol: 3 }, { time: null, bristol: 6 }],
      gut: { bloating: 0, discomfort: 2, waterGlasses: 6 },
      lifestyle: { ...emptyDay('x').lifestyle, stress: 7, meditationMinutes: 0 },
      treatments: [{ treatmentId: probiotic!.id, taken: true }],
      custom: [{ factorId: sunscreen!.id, value: 1 }],
    });
    // 2 June not logged at all; 3 June logged with only a skin score (no food, no stress).
    await app.call('journal.saveDay', { ...emptyDay('2026-06-03'), skin: skin(7, true), treatments: [{ treatmentId: probiotic!.id, taken: false }] });

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
    expect(data.series.find((s) => s.key === 'food.dairy')).toMatchObject({ kind: 'yesno', role: 'factor', label: 'Dairy' });
  });

  it('refuses a range that ends before it starts', async () => {
    const app = await openApp();
    await expect(app.call('trends.series', { from: '2026-06-10', to: '2026-06-01' })).rejects.toThrow('The start date must be on or before the end date.');
  });
});

describe('insights on demo journals', () => {
  it.each([1, 2, 3])('finds the three planted effects at their planted lags with q < 0.05 (a year of data, seed %i)', async (seed) => {
    const app = await openApp();
    await generateDemoJournal(app.dispatch, { days: 365, seed, effects: true, endDate: '2026-06-15' });
    const { result } = await finished(app);
    const find = (factor: string, condition: string) => result!.findings.find((f) => f.factor === factor && f.outcomeLabel === `${condition} severity`);
    const dairy = find('food.dairy', 'Acne');
    const fermented = find('food.fermented', 'Eczema');
    const stress = find('life.stress', 'Rosacea');
    expect(PLANTED_EFFECTS.map((e) => e.lagDays)).toEqual([2, 3, 0]);
    expect(dairy).toMatchObject({ lag: 2, status: 'finding' });
    expect(dairy!.effect).toBeGreaterThan(1);
    expect(fermented).toMatchObject({ lag: 3, status: 'finding' });
    expect(fermented!.effect).toBeLessThan(-0.5);
    expect(stress).toMatchObject({ lag: 0, status: 'finding' });
    for (const finding of [dairy!, fermented!, stress!]) expect(finding.q).toBeLessThan(0.05);
    expect(dairy!.sentence).toMatch(/^On the 2nd day after dairy, your acne severity averaged \d\.\d points higher \(\d+ days with, \d+ without; unlikely to be chance, q [<=] 0\.\d+\)\.$/);
  });
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
    await app.call('journal.saveDay', { ...emptyDay('2026-03-01'), notes: 'an older day, added later' });
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
