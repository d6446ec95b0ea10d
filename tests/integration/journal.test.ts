import { describe, expect, it } from 'vitest';
import { emptyDay } from '../../electron/core/day/days';
import type { DayEntry } from '../../electron/contract';
import { PASSPHRASE } from '../helpers/tempVault';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';

const journal = journalAppsClosedAfterEach();

async function foodId(app: Awaited<ReturnType<typeof journal>>, name: string): Promise<number> {
  const [food] = (await app.call('foods.suggest', { query: name, limit: 1 })).filter(
    (f) => f.name.toLowerCase() === name.toLowerCase(),
  );
  if (!food) throw new Error(`no food ${name}`);
  return food.id;
}

describe('the journal', () => {
  it('starts with the built-in conditions (none tracked) and the food library', async () => {
    const app = await journal();
    const conditions = await app.call('conditions.list');
    expect(conditions.map((c) => c.name)).toEqual(['Acne', 'Eczema', 'Rosacea', 'Psoriasis', 'Dryness / irritation']);
    expect(conditions.every((c) => c.builtin && !c.tracked)).toBe(true);
    const foods = await app.call('foods.list');
    expect(foods.length).toBeGreaterThanOrEqual(140);
    expect(foods.find((f) => f.name === 'Kefir')?.categories).toEqual(expect.arrayContaining(['dairy', 'fermented']));
  });

  it('saves a full day and reads back exactly what was entered, plus derived totals', async () => {
    const app = await journal();
    const [acne, eczema] = await app.call('conditions.list');
    const treatments = await app.call('treatments.save', {
      name: 'Probiotic capsule',
      kind: 'probiotic',
      dose: '1 a day',
      startedOn: '2026-06-01',
      stoppedOn: null,
    });
    const factors = await app.call('factors.save', { name: 'Sunscreen', kind: 'yesno', unit: '', archived: false });
    const oats = await foodId(app, 'Oats');
    const banana = await foodId(app, 'Banana');
    const yogurt = await foodId(app, 'Yogurt');
    const entry: DayEntry = {
      ...emptyDay('2026-06-14'),
      skin: [
        {
          conditionId: acne!.id,
          severity: 4,
          itch: 1,
          sleepLost: 0,
          newLesions: 3,
          flare: false,
          areas: ['chin_jaw', 'forehead'],
        },
        {
          conditionId: eczema!.id,
          severity: 6,
          itch: 7,
          sleepLost: 2,
          newLesions: null,
          flare: true,
          areas: ['elbows'],
        },
      ],
      meals: [
        {
          kind: 'breakfast',
          time: '07:45',
          foods: [
            { foodId: oats, servings: 1 },
            { foodId: banana, servings: 1 },
            { foodId: yogurt, servings: 0.5 },
          ],
        },
        { kind: 'snack', time: null, foods: [{ foodId: banana, servings: 1 }] },
      ],
      bowelMovements: [{ time: '08:30', bristol: 4 }],
      gut: { bloating: 2, discomfort: 1, waterGlasses: 6 },
      lifestyle: {
        stress: 5,
        sleepHours: 7.5,
        sleepQuality: 6,
        exerciseMinutes: 30,
        relaxationMinutes: 15,
        mood: 7,
        meditationMinutes: 10,
        cycleDay: null,
      },
      treatments: [{ treatmentId: treatments[0]!.id, taken: true }],
      custom: [{ factorId: factors[0]!.id, value: 1 }],
      notes: 'Itchy elbows after the cheese board <b>at dinner</b>',
      notesForDermatologist: true,
    };
    const saved = await app.call('day.save', entry);
    expect(saved.saved).toBe(true);

    // Lock and unlock: everything survives in the encrypted file.
    await app.call('vault.lock');
    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    const view = await app.call('day.get', { date: '2026-06-14' });
    expect(view.entry).toEqual(entry);
    expect(view.derived.servingsByCategory).toMatchObject({ prebiotic: 3, fermented: 0.5, dairy: 0.5, fruit: 2 });
    expect(view.derived.plantsToday).toBe(2);
  });

  it('counts different plants from Monday of the week', async () => {
    const app = await journal();
    const [oats, banana, lentils, garlic] = await Promise.all(
      ['Oats', 'Banana', 'Lentils', 'Garlic'].map((n) => foodId(app, n)),
    );
    const day = (date: string, ids: number[]): DayEntry => ({
      ...emptyDay(date),
      meals: [{ kind: 'lunch', time: null, foods: ids.map((id) => ({ foodId: id, servings: 1 })) }],
    });
    await app.call('day.save', day('2026-06-07', [garlic!])); // Sunday of the week before
    await app.call('day.save', day('2026-06-08', [oats!, banana!])); // Monday
    await app.call('day.save', day('2026-06-10', [banana!, lentils!]));
    expect((await app.call('day.get', { date: '2026-06-10' })).derived.plantsThisWeek).toBe(3);
    expect((await app.call('day.get', { date: '2026-06-08' })).derived.plantsThisWeek).toBe(2);
    expect((await app.call('day.get', { date: '2026-06-07' })).derived.plantsThisWeek).toBe(1);
  });

  it('replaces a day on every save and keeps other days as they are', async () => {
    const app = await journal();
    const [acne] = await app.call('conditions.list');
    const base = {
      ...emptyDay('2026-06-10'),
      skin: [
        { conditionId: acne!.id, severity: 3, itch: null, sleepLost: null, newLesions: null, flare: false, areas: [] },
      ],
    } as DayEntry;
    await app.call('day.save', base);
    await app.call('day.save', { ...emptyDay('2026-06-11'), notes: 'other day' });
    await app.call('day.save', { ...base, skin: [], notes: 'cleared the score' });
    expect((await app.call('day.get', { date: '2026-06-10' })).entry.skin).toEqual([]);
    expect((await app.call('day.get', { date: '2026-06-11' })).entry.notes).toBe('other day');
  });

  it('refuses bad input with a specific message and leaves the saved day unchanged', async () => {
    const app = await journal();
    const [acne] = await app.call('conditions.list');
    const good: DayEntry = { ...emptyDay('2026-06-12'), notes: 'the original note' };
    await app.call('day.save', good);
    const skin = (patch: object) => ({
      ...good,
      skin: [
        {
          conditionId: acne!.id,
          severity: 3,
          itch: null,
          sleepLost: null,
          newLesions: null,
          flare: false,
          areas: [],
          ...patch,
        },
      ],
    });
    const cases: [unknown, RegExp][] = [
      [skin({ severity: 11 }), /Severity must be between 0 and 10/],
      [skin({ severity: -1 }), /Severity must be between 0 and 10/],
      [skin({ itch: 2.5 }), /Itch must be a whole number/],
      [skin({ areas: ['tail'] }), /body area/],
      [skin({ conditionId: 999 }), /skin conditions no longer exists/],
      [{ ...good, date: '2026-06-16' }, /in the future/],
      [{ ...good, date: '2026-02-30' }, /does not exist/],
      [{ ...good, notes: 'x'.repeat(20_001) }, /at most 20,000 characters/],
      [{ ...good, meals: [{ kind: 'brunch', time: null, foods: [] }] }, /breakfast, lunch, dinner, snack or drink/],
      [{ ...good, meals: [{ kind: 'lunch', time: '25:00', foods: [] }] }, /08:30/],
      [
        { ...good, meals: [{ kind: 'lunch', time: null, foods: [{ foodId: 999999, servings: 1 }] }] },
        /not in your food library/,
      ],
      [{ ...good, bowelMovements: [{ time: null, bristol: 8 }] }, /Stool type is 1 to 7/],
      [{ ...good, gut: { ...good.gut, waterGlasses: 100 } }, /at most 40/],
      [{ ...good, lifestyle: { ...good.lifestyle, sleepHours: 25 } }, /at most 24/],
      [{ ...good, unexpected: true }, /unexpected/],
    ];
    for (const [input, message] of cases) {
      const result = await app.dispatch('day.save', input);
      expect(result.ok, JSON.stringify(input).slice(0, 120)).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect((await app.call('day.get', { date: '2026-06-12' })).entry).toEqual(good);
    expect((await app.call('day.get', { date: '2026-06-16' }).catch(() => null))?.saved ?? false).toBe(false);
  });

  it('checks custom factor values against their kind', async () => {
    const app = await journal();
    const [yesno] = await app.call('factors.save', {
      name: 'Gluten-free day',
      kind: 'yesno',
      unit: '',
      archived: false,
    });
    const factors = await app.call('factors.save', { name: 'Screen time', kind: 'number', unit: 'h', archived: false });
    const scale = (
      await app.call('factors.save', { name: 'Humidity feel', kind: 'scale', unit: 'ignored', archived: false })
    ).find((f) => f.kind === 'scale')!;
    expect(factors.find((f) => f.name === 'Screen time')?.unit).toBe('h');
    expect(scale.unit).toBe('');
    const day = emptyDay('2026-06-01');
    await expect(app.call('day.save', { ...day, custom: [{ factorId: yesno!.id, value: 2 }] })).rejects.toThrow(
      /yes\/no factor/,
    );
    await expect(app.call('day.save', { ...day, custom: [{ factorId: scale.id, value: 11 }] })).rejects.toThrow(
      /0 to 10/,
    );
    await app.call('day.save', { ...day, custom: [{ factorId: scale.id, value: 7 }] });
    await expect(
      app.call('factors.save', { id: scale.id, name: 'Humidity feel', kind: 'yesno', unit: '', archived: false }),
    ).rejects.toThrow(/kind cannot change/);
    await expect(
      app.call('factors.save', { name: 'screen TIME', kind: 'yesno', unit: '', archived: false }),
    ).rejects.toThrow(/already a custom factor/);
  });

  it('adds and edits the person’s own foods, and suggests recent and frequent foods first', async () => {
    const app = await journal();
    const mine = await app.call('foods.save', {
      name: 'Grandma’s kimchi stew',
      plant: true,
      categories: ['fermented', 'spicy', 'vegetable'],
    });
    expect(mine).toMatchObject({ builtin: false, plant: true, categories: ['fermented', 'spicy', 'vegetable'] });
    await expect(app.call('foods.save', { name: 'kefir', plant: false, categories: [] })).rejects.toThrow(
      /already a food called/,
    );
    expect((await app.dispatch('foods.save', { name: 'Thing', plant: false, categories: ['healthy'] })).ok).toBe(false);
    const edited = await app.call('foods.save', {
      id: mine.id,
      name: 'Kimchi stew',
      plant: true,
      categories: ['fermented'],
    });
    expect(edited.categories).toEqual(['fermented']);

    const cheddar = await foodId(app, 'Cheddar cheese');
    await app.call('day.save', {
      ...emptyDay('2026-06-13'),
      meals: [{ kind: 'dinner', time: null, foods: [{ foodId: cheddar, servings: 1 }] }],
    });
    const suggestions = await app.call('foods.suggest', { query: '', limit: 5 });
    expect(suggestions[0]?.name).toBe('Cheddar cheese');
    const typed = await app.call('foods.suggest', { query: 'kim', limit: 5 });
    expect(typed.map((f) => f.name)).toEqual(expect.arrayContaining(['Kimchi', 'Kimchi stew']));

    await app.call('foods.archive', { id: mine.id, archived: true });
    expect((await app.call('foods.suggest', { query: 'kimchi stew', limit: 5 })).map((f) => f.name)).not.toContain(
      'Kimchi stew',
    );
  });

  it('shows a month calendar coloured by the worst score, a list, and finds notes by word', async () => {
    const app = await journal();
    const [acne, eczema] = await app.call('conditions.list');
    const score = (conditionId: number, severity: number, flare = false) => ({
      conditionId,
      severity,
      itch: null,
      sleepLost: null,
      newLesions: null,
      flare,
      areas: [],
    });
    await app.call('day.save', {
      ...emptyDay('2026-06-02'),
      skin: [score(acne!.id, 2), score(eczema!.id, 7, true)],
      notes: 'Tried the new oat cream',
    });
    await app.call('day.save', { ...emptyDay('2026-06-03'), notes: 'Crème fraîche at lunch, itchy after' });
    await app.call('day.save', { ...emptyDay('2026-05-31'), skin: [score(acne!.id, 1)] });

    expect(await app.call('journal.month', { year: 2026, month: 6 })).toEqual([
      { date: '2026-06-02', maxSeverity: 7, flare: true, hasNotes: true },
      { date: '2026-06-03', maxSeverity: null, flare: false, hasNotes: true },
    ]);
    const list = await app.call('journal.list', { limit: 2 });
    expect(list.map((d) => d.date)).toEqual(['2026-06-03', '2026-06-02']);
    expect((await app.call('journal.list', { before: '2026-06-02', limit: 10 })).map((d) => d.date)).toEqual([
      '2026-05-31',
    ]);

    const hits = await app.call('journal.search', { query: 'itch' });
    expect(hits.map((h) => h.date)).toEqual(['2026-06-03']);
    expect(hits[0]!.snippet).toContain('\u0001itchy\u0002');
    expect((await app.call('journal.search', { query: 'creme' })).map((h) => h.date)).toEqual(['2026-06-03']);
    // FTS syntax in a search is just text.
    for (const query of ['"', 'OR', 'NEAR(', 'cream*)', '-oat']) {
      expect((await app.dispatch('journal.search', { query })).ok, query).toBe(true);
    }
    // Changed notes are found by their new words only.
    await app.call('day.save', { ...emptyDay('2026-06-03'), notes: 'Quiet day' });
    expect(await app.call('journal.search', { query: 'itchy' })).toEqual([]);
  });

  it('keeps treatments with dates and refuses a stop before the start', async () => {
    const app = await journal();
    await expect(
      app.call('treatments.save', {
        name: 'Hydrocortisone 1%',
        kind: 'topical',
        dose: 'thin layer',
        startedOn: '2026-06-10',
        stoppedOn: '2026-06-01',
      }),
    ).rejects.toThrow(/stop date is before the start/);
    const list = await app.call('treatments.save', {
      name: 'Hydrocortisone 1%',
      kind: 'topical',
      dose: 'thin layer',
      startedOn: '2026-06-01',
      stoppedOn: null,
    });
    expect(list).toEqual([
      {
        id: expect.any(Number),
        name: 'Hydrocortisone 1%',
        kind: 'topical',
        dose: 'thin layer',
        startedOn: '2026-06-01',
        stoppedOn: null,
      },
    ]);
  });

  it('tracks custom conditions and the optional menstrual cycle setting', async () => {
    const app = await journal();
    const conditions = await app.call('conditions.save', { name: 'Hives', tracked: true });
    expect(conditions.at(-1)).toMatchObject({ name: 'Hives', builtin: false, tracked: true });
    await expect(app.call('conditions.save', { name: 'acne', tracked: true })).rejects.toThrow(
      /already a skin condition/,
    );
    expect(await app.call('journal.settings')).toEqual({ trackCycle: false });
    expect(await app.call('journal.saveSettings', { trackCycle: true })).toEqual({ trackCycle: true });
  });
});
