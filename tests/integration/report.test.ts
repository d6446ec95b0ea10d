import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CAUSATION_CAVEAT, REPORT_SECTION_KEYS, type ReportData } from '../../electron/contract/reportTerms';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { buildReport } from '../../electron/core/report/build';
import { openJournalApp } from '../helpers/journalApp';
import { removeTempDirs } from '../helpers/tempVault';

/** The helper's "today" is 2026-06-15; the demo journal ends that day. */
const TODAY = '2026-06-15';
const YEAR = { from: '2025-06-16', to: TODAY };

let app: Awaited<ReturnType<typeof openJournalApp>>;
let year: ReportData;
let photoId: number;

beforeAll(async () => {
  app = await openJournalApp();
  await generateDemoJournal(app.dispatch, { days: 365, seed: 1, effects: true, endDate: TODAY });
  await app.call('poem.save', { date: '2026-06-14', answers: [4, 3, 1, 1, 2, 3, 4] });
  await app.call('poem.save', { date: '2025-06-10', answers: [1, 1, 1, 1, 1, 1, 1] }); // before the period
  const { entry } = await app.call('day.get', { date: '2026-06-12' });
  await app.call('day.save', {
    ...entry,
    notes: 'New patch on the left wrist.\n<b>Not markup</b>',
    notesForDermatologist: true,
  });
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c98f84' } })
    .jpeg()
    .toBuffer();
  photoId = (
    await app.call('photos.add', {
      date: '2026-06-01',
      bodyArea: 'hands',
      mime: 'image/jpeg',
      dataBase64: jpeg.toString('base64'),
    })
  ).id;
  year = await app.call('report.data', {
    ...YEAR,
    sections: [...REPORT_SECTION_KEYS],
    patientName: '  Alex Example ',
    dateOfBirth: '1990-03-12',
  });
}, 120_000);

afterAll(() => {
  app.close();
  removeTempDirs();
});

const db = () => app.backend.vault.db;
const sql = <T>(query: string, ...params: unknown[]): T =>
  db()
    .prepare(query)
    .get(...params) as T;

describe('the dermatologist report on a year of demo data', () => {
  it('covers the chosen period, the days logged and the patient as given', () => {
    expect(year).toMatchObject({
      generatedOn: TODAY,
      from: YEAR.from,
      to: YEAR.to,
      days: 365,
      bucket: 'month',
      patient: { name: 'Alex Example', dateOfBirth: '1990-03-12' },
    });
    expect(year.daysLogged).toBe(
      sql<{ n: number }>('SELECT count(*) AS n FROM days WHERE date BETWEEN ? AND ?', YEAR.from, YEAR.to).n,
    );
    expect(year.periods).toHaveLength(13);
    expect(year.periods.reduce((sum, period) => sum + period.days, 0)).toBe(365);
  });

  it('gives each condition its average, latest score and flares as the journal holds them', () => {
    expect(year.conditions.map((condition) => condition.name)).toEqual(['Acne', 'Eczema', 'Rosacea']);
    for (const condition of year.conditions) {
      const stored = sql<{ average: number; days: number; flares: number }>(
        'SELECT avg(severity) AS average, count(severity) AS days, sum(flare) AS flares FROM skin_scores WHERE condition_id = ? AND date BETWEEN ? AND ?',
        condition.id,
        YEAR.from,
        YEAR.to,
      );
      expect(condition.average).toBeCloseTo(stored.average, 9);
      expect(condition.scoredDays).toBe(stored.days);
      expect(condition.flares.flareDays).toBe(stored.flares);
      expect(condition.flares.episodes.reduce((sum, episode) => sum + episode.days, 0)).toBe(stored.flares);
      expect(condition.flareDaysByPeriod.reduce((sum, days) => sum + days, 0)).toBe(stored.flares);
      for (const episode of condition.flares.episodes) {
        const marked = sql<{ n: number }>(
          'SELECT count(*) AS n FROM skin_scores WHERE condition_id = ? AND flare = 1 AND date BETWEEN ? AND ?',
          condition.id,
          episode.start,
          episode.end,
        );
        expect(marked.n).toBe(episode.days);
      }
      expect(['better', 'worse', 'steady']).toContain(condition.trend.direction);
      expect(condition.latest?.date).toBeDefined();
    }
  });

  it('works out adherence per treatment over the days it was active and ticked', () => {
    expect(year.treatments.map((t) => t.name).sort()).toEqual(['Emollient cream', 'Probiotic capsule']);
    for (const treatment of year.treatments) {
      const ticks = sql<{ ticked: number; taken: number }>(
        'SELECT count(*) AS ticked, sum(taken) AS taken FROM treatment_doses WHERE treatment_id = ? AND date BETWEEN ? AND ?',
        treatment.id,
        treatment.activeFrom,
        treatment.activeTo,
      );
      expect(treatment.daysTicked).toBe(ticks.ticked);
      expect(treatment.daysTaken).toBe(ticks.taken);
      expect(treatment.adherencePercent).toBeCloseTo((ticks.taken / ticks.ticked) * 100, 9);
    }
    // The probiotic starts 60 days into the demo: its adherence counts from then.
    expect(year.treatments.find((t) => t.name === 'Probiotic capsule')).toMatchObject({
      startedOn: '2025-08-15',
      activeFrom: '2025-08-15',
    });
  });

  it('sums servings per week and counts stool types from the meals and bowel movements', () => {
    const week = year.gut.weeks.find((w) => w.weekStart === '2026-03-02')!;
    const stored = sql<{ servings: number; days: number }>(
      `SELECT sum(mf.servings) AS servings, count(DISTINCT m.date) AS days FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id
       JOIN food_categories fc ON fc.food_id = mf.food_id WHERE fc.category = 'fibre_rich' AND m.date BETWEEN '2026-03-02' AND '2026-03-08'`,
    );
    expect(week.servings.fibre_rich).toBeCloseTo(stored.servings, 9);
    const total = year.gut.weeks.reduce((sum, w) => sum + (w.servings.fibre_rich ?? 0), 0);
    expect(year.gut.servingsPerWeek.fibre_rich).toBeCloseTo((total / year.gut.foodDays) * 7, 9);
    const stools = sql<{ n: number }>(
      'SELECT count(*) AS n FROM bowel_movements WHERE date BETWEEN ? AND ?',
      YEAR.from,
      YEAR.to,
    );
    expect(year.gut.stoolTypeCounts.reduce((sum, n) => sum + n, 0)).toBe(stools.n);
    expect(year.gut.bloating.average).toBeCloseTo(
      sql<{ a: number }>('SELECT avg(bloating) AS a FROM days WHERE date BETWEEN ? AND ?', YEAR.from, YEAR.to).a,
      9,
    );
    expect(year.gut.plantsPerWeek).toBeGreaterThan(5);
    expect(year.stress.averageStress).toBeCloseTo(
      sql<{ a: number }>('SELECT avg(stress) AS a FROM days WHERE date BETWEEN ? AND ?', YEAR.from, YEAR.to).a,
      9,
    );
  });

  it('lists the POEM checks of the period oldest first with their bands', () => {
    const inPeriod = app.backend.vault.db
      .prepare(
        'SELECT week_ending AS date, total FROM poem_scores WHERE week_ending BETWEEN ? AND ? ORDER BY week_ending',
      )
      .all(YEAR.from, YEAR.to) as { date: string; total: number }[];
    expect(year.poem.entries.map((e) => [e.date, e.total])).toEqual(inPeriod.map((e) => [e.date, e.total]));
    expect(year.poem.entries.some((e) => e.date === '2025-06-10')).toBe(false);
    expect(year.poem.latest).toMatchObject({
      date: '2026-06-14',
      total: 18,
      band: 'severe',
      answers: [4, 3, 1, 1, 2, 3, 4],
    });
  });

  it('carries the notes marked for the dermatologist, as text, and the photos of the period', () => {
    const marked = app.backend.vault.db
      .prepare(
        `SELECT date, notes AS text FROM days WHERE notes_for_dermatologist = 1 AND notes <> '' AND date BETWEEN ? AND ? ORDER BY date`,
      )
      .all(YEAR.from, YEAR.to);
    expect(year.notes).toEqual(marked);
    expect(year.notes).toContainEqual({ date: '2026-06-12', text: 'New patch on the left wrist.\n<b>Not markup</b>' });
    expect(year.photos).toEqual([{ id: photoId, date: '2026-06-01', bodyArea: 'hands' }]);
  });

  it('names the planted effects as candidate triggers, with their numbers and the causation caveat', () => {
    expect(year.triggers.state).toBe('done');
    expect(year.triggers.caveat).toBe(REPORT_CAUSATION_CAVEAT);
    const dairy = year.triggers.findings.find((f) => f.factorLabel === 'Dairy' && f.outcomeLabel === 'Acne severity');
    expect(dairy).toMatchObject({ lag: 2, direction: 'gut-to-skin' });
    expect(dairy!.effect!).toBeGreaterThan(1);
    expect(dairy!.q!).toBeLessThan(0.05);
    expect(dairy!.title).toBe('Acne and dairy');
    expect(dairy!.sentence).toMatch(
      /^Your acne was worse 2 days after dairy: [\d.]+ out of 10 on average, against [\d.]+ after days without/,
    );
    // One line per factor, as Insights shows them: never a factor's yes/no and servings forms both, never an explained link.
    const titles = year.triggers.findings.map((f) => `${f.title} ${f.direction}`);
    expect(new Set(titles).size).toBe(titles.length);
    expect(
      year.triggers.findings.some(
        (f) => f.factorLabel === 'Stress' && f.outcomeLabel === 'Rosacea severity' && f.lag === 0,
      ),
    ).toBe(true);
    // Gut and lifestyle → skin first.
    const firstSkinToGut = year.triggers.findings.findIndex((f) => f.direction === 'skin-to-gut');
    if (firstSkinToGut >= 0)
      expect(year.triggers.findings.slice(firstSkinToGut).every((f) => f.direction === 'skin-to-gut')).toBe(true);
  });

  it('a period holding the whole journal reuses the Insights view’s current result', async () => {
    // The year report ran (and kept) the journal-wide insights: the view's status is that result.
    const status = await app.call('insights.status');
    expect(status.state).toBe('done');
    expect(status.stale).toBe(false);
    const again = await app.call('report.data', { ...YEAR, sections: ['triggers'] });
    expect(again.triggers.findings.map((f) => f.q)).toEqual(year.triggers.findings.map((f) => f.q));
    expect((await app.call('insights.status')).result?.generatedAt).toBe(status.result?.generatedAt);
  });

  it('shows 90 days week by week, and skips what was not asked for', async () => {
    const quarter = await app.call('report.data', { from: '2026-03-18', to: TODAY, sections: ['summary', 'poem'] });
    expect(quarter).toMatchObject({ days: 90, bucket: 'week', patient: { name: null, dateOfBirth: null }, photos: [] });
    expect(quarter.periods[0]).toEqual({ start: '2026-03-18', end: '2026-03-22', days: 5 });
    expect(quarter.poem.entries.every((e) => e.date >= '2026-03-18')).toBe(true);
    const noInsights = await app.call('report.data', { from: '2026-03-18', to: TODAY, sections: ['skin', 'gut'] });
    expect(noInsights.triggers).toMatchObject({ state: 'not-requested', findings: [] });
  });

  it('takes the candidate triggers of any period from the whole journal, as Insights shows them', async () => {
    const journal = (await app.call('insights.status')).result!;
    const span = sql<{ first: string; last: string; n: number }>(
      'SELECT min(date) AS first, max(date) AS last, count(*) AS n FROM days',
    );
    const quarter = await app.call('report.data', { from: '2026-03-18', to: TODAY, sections: ['summary'] });
    expect(quarter.triggers).toMatchObject({
      state: 'done',
      scope: 'journal',
      from: span.first,
      to: span.last,
      daysLogged: journal.daysLogged,
      period: { daysLogged: quarter.daysLogged, tooShort: false },
    });
    expect(quarter.triggers.findings.map((f) => [f.factorLabel, f.outcomeLabel, f.lag])).toEqual(
      year.triggers.findings.map((f) => [f.factorLabel, f.outcomeLabel, f.lag]),
    );
    expect(quarter.triggers.findings.some((f) => f.factorLabel === 'Dairy' && f.outcomeLabel === 'Acne severity')).toBe(
      true,
    );
  });

  it('says a period is too short to look for links on its own, and still lists the journal’s links', async () => {
    const week = await app.call('report.data', { from: '2026-06-09', to: TODAY, sections: ['triggers'] });
    expect(week.triggers).toMatchObject({ state: 'done', period: { daysLogged: week.daysLogged, tooShort: true } });
    expect(week.daysLogged).toBeLessThanOrEqual(7);
    expect(week.triggers.findings.length).toBe(year.triggers.findings.length);
  });

  it('gives a one-day period its figures per logged day, not scaled up to a week', async () => {
    const day = await app.call('report.data', { from: '2026-06-14', to: '2026-06-14', sections: ['gut', 'stress'] });
    const stored = sql<{ servings: number | null }>(
      `SELECT sum(mf.servings) AS servings FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id
       JOIN food_categories fc ON fc.food_id = mf.food_id WHERE fc.category = 'fibre_rich' AND m.date = '2026-06-14'`,
    );
    expect(day.gut.foodDays).toBe(1);
    expect(day.gut.servingsPerDay.fibre_rich).toBeCloseTo(stored.servings ?? 0, 9);
    expect(day.gut.servingsPerWeek.fibre_rich).toBeCloseTo((stored.servings ?? 0) * 7, 9);
    expect(day.gut.byPeriod[0]!.servingsPerDay.fibre_rich).toBeCloseTo(stored.servings ?? 0, 9);
    const minutes =
      sql<{ m: number | null }>(`SELECT meditation_minutes AS m FROM days WHERE date = '2026-06-14'`).m ?? 0;
    expect(day.stress.minutesPerLoggedDay).toBe(minutes);
  });

  it('the core builds the same report on its own thread', () => {
    const built = buildReport(db(), { from: '2026-03-18', to: TODAY, sections: ['summary'], today: TODAY });
    expect(built.conditions.map((c) => c.average)).toEqual(
      built.conditions.map(
        (c) =>
          sql<{ a: number }>(
            'SELECT avg(severity) AS a FROM skin_scores WHERE condition_id = ? AND date BETWEEN ? AND ?',
            c.id,
            '2026-03-18',
            TODAY,
          ).a,
      ),
    );
    // On its own thread too, the triggers come from the whole journal.
    expect(built.triggers).toMatchObject({
      state: 'done',
      scope: 'journal',
      from: sql<{ d: string }>('SELECT min(date) AS d FROM days').d,
    });
    expect(built.triggers.findings.map((f) => f.factorLabel)).toEqual(year.triggers.findings.map((f) => f.factorLabel));
  });
});

describe('a journal with nothing in it yet', () => {
  it('leaves the eczema check out for a person who does not track eczema, and shows it once they do', async () => {
    const fresh = await openJournalApp();
    try {
      const conditions = await fresh.call('conditions.list');
      const byName = (name: string) => conditions.find((condition) => condition.builtin && condition.name === name)!;
      await fresh.call('conditions.save', { id: byName('Acne').id, name: 'Acne', tracked: true });
      const acneOnly = await fresh.call('report.data', {
        from: '2026-03-18',
        to: TODAY,
        sections: ['summary', 'poem'],
      });
      expect(acneOnly.poem).toMatchObject({ relevant: false, entries: [] });
      await fresh.call('conditions.save', { id: byName('Eczema').id, name: 'Eczema', tracked: true });
      expect(
        (await fresh.call('report.data', { from: '2026-03-18', to: TODAY, sections: ['poem'] })).poem.relevant,
      ).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('still gives a report, saying there is nothing rather than inventing zeros', async () => {
    const fresh = await openJournalApp();
    try {
      const empty = await fresh.call('report.data', {
        from: '2026-03-18',
        to: TODAY,
        sections: [...REPORT_SECTION_KEYS],
      });
      expect(empty).toMatchObject({
        daysLogged: 0,
        conditions: [],
        treatments: [],
        notes: [],
        photos: [],
        poem: { entries: [], latest: null },
      });
      expect(empty.gut).toMatchObject({
        foodDays: 0,
        servingsPerWeek: { fibre_rich: null },
        plantsPerWeek: null,
        bloating: { days: 0, average: null },
      });
      expect(empty.stress).toMatchObject({ averageStress: null, minutesPerWeek: null });
      expect(empty.triggers).toMatchObject({ state: 'not-enough-data', period: { daysLogged: 0, tooShort: true } });
      expect(empty.triggers.message).toMatch(/not enough logged days in the whole journal/);
    } finally {
      fresh.close();
    }
  });
});

describe('report options are checked, with plain words', () => {
  const refusal = async (input: unknown) => {
    const result = await app.dispatch('report.data', input);
    expect(result.ok).toBe(false);
    return result.ok ? null : result.error;
  };
  const all = [...REPORT_SECTION_KEYS];

  it('refuses a period that ends before it starts, lies in the future or spans more than ten years', async () => {
    expect(await refusal({ from: '2026-06-10', to: '2026-06-01', sections: all })).toEqual({
      code: 'INVALID_INPUT',
      message: 'The start date must be on or before the end date.',
    });
    expect((await refusal({ from: '2026-06-10', to: '2026-06-20', sections: all }))!.message).toBe(
      'The report cannot end in the future. Choose an end date on or before today.',
    );
    expect((await refusal({ from: '2026-06-20', to: '2026-06-21', sections: all }))!.message).toMatch(
      /cannot start in the future/,
    );
    expect((await refusal({ from: '2010-01-01', to: TODAY, sections: all }))!.message).toBe(
      'A report can cover at most 10 years. Please choose a shorter period.',
    );
    expect((await refusal({ from: '2026-02-30', to: TODAY, sections: all }))!.message).toBe(
      'That date does not exist.',
    );
  });

  it('refuses unknown or no sections, a name over 100 characters and a date of birth that is not a past day', async () => {
    expect((await refusal({ ...YEAR, sections: ['summary', 'horoscope'] }))!.message).toBe(
      'One of the chosen report sections does not exist.',
    );
    expect((await refusal({ ...YEAR, sections: [] }))!.message).toBe(
      'Please choose at least one section for the report.',
    );
    expect((await refusal({ ...YEAR, sections: ['notes', 'notes'] }))!.message).toBe(
      'Each section can be chosen only once.',
    );
    expect((await refusal({ ...YEAR, sections: all, patientName: 'x'.repeat(101) }))!.message).toBe(
      'The patient’s name can be at most 100 characters.',
    );
    expect((await refusal({ ...YEAR, sections: all, dateOfBirth: TODAY }))!.message).toBe(
      'The date of birth must be a day in the past.',
    );
    expect((await refusal({ ...YEAR, sections: all, dateOfBirth: '1990-13-01' }))!.message).toBe(
      'That date does not exist.',
    );
    expect((await refusal({ ...YEAR, sections: all, extra: 1 }))!.code).toBe('INVALID_INPUT');
  });

  it('asks for the journal to be unlocked first', async () => {
    const locked = await openJournalApp();
    await locked.call('vault.lock');
    const result = await locked.dispatch('report.data', { ...YEAR, sections: all });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    locked.close();
  });
});
