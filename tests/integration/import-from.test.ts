import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../electron/contract/importFrom';
import { emptyDay } from '../../electron/core/day/days';
import { exportedJournal, journalAppsClosedAfterEach } from '../helpers/journalApp';

const openApp = journalAppsClosedAfterEach();
const FIXTURES = join(import.meta.dirname, '../fixtures/imports');
const fixture = (name: string) => ({
  fileName: name,
  dataBase64: readFileSync(join(FIXTURES, name)).toString('base64'),
});
type App = Awaited<ReturnType<typeof openApp>>;

/** The complete JSON export without its time stamp: what "the journal is unchanged" means. */
const exported = exportedJournal;

async function ids(app: App) {
  const conditions = await app.call('conditions.list');
  const factors = await app.call('factors.list');
  const foods = await app.call('foods.list');
  const treatments = await app.call('treatments.list');
  return {
    condition: (name: string) => conditions.find((c) => c.name === name)!.id,
    factor: (name: string) => factors.find((f) => f.name === name)?.id,
    food: (name: string) => foods.find((f) => f.name === name)?.id,
    treatment: (name: string) => treatments.find((t) => t.name === name)?.id,
  };
}

function destinationOf(mapping: ImportMapping, key: string) {
  return mapping.items.find((i) => i.key === key)?.to;
}

describe('import from Bearable, through the contract', () => {
  it('proposes a mapping, imports every value where the mapping says, adds nothing twice and undoes to the exact previous export', async () => {
    const app = await openApp();
    const before = await exported(app);
    const { mapping, summary: dry } = await app.call('importFrom.propose', {
      ...fixture('bearable.csv'),
      format: 'auto',
    });
    expect(mapping.format).toBe('bearable');
    expect(destinationOf(mapping, 'mood')).toEqual({ type: 'field', field: 'mood' });
    expect(destinationOf(mapping, 'sleep')).toEqual({ type: 'field', field: 'sleepHours' });
    expect(destinationOf(mapping, 'symptom:itchy skin')).toEqual({ type: 'condition', name: 'Eczema' });
    expect(mapping.items.find((i) => i.key === 'symptom:itchy skin')).toMatchObject({
      readings: 3,
      days: 2,
      conversion: 'severity 1–4 → 0–10: round(v × 2.5)',
    });
    expect(destinationOf(mapping, 'symptom:headache')).toEqual({ type: 'factor', name: 'Headache', kind: 'scale' });
    expect(destinationOf(mapping, 'symptom:bloating')).toEqual({ type: 'field', field: 'bloating' });
    expect(destinationOf(mapping, 'food:bananas')).toEqual({ type: 'food', name: 'Banana' });
    expect(destinationOf(mapping, 'food:yoghurt')).toEqual({ type: 'food', name: 'Yogurt' });
    expect(destinationOf(mapping, 'food:coffee')).toEqual({ type: 'food', name: 'Coffee' });
    expect(destinationOf(mapping, 'treatment:probiotic')).toEqual({ type: 'treatment', name: 'Probiotic' });
    expect(dry.dryRun).toBe(true);
    expect(dry.days).toEqual({ inFile: 3, newDays: 3, existingDays: 0 });
    expect(dry.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'Rows whose date could not be read',
        `Bearable's "Health measurements" category is not something the journal records`,
      ]),
    );
    expect(await exported(app)).toEqual(before); // the dry run changed nothing

    const done = await app.call('importFrom.run', { ...fixture('bearable.csv'), mapping, dryRun: false });
    expect(done.importId).toBeGreaterThan(0);
    expect(done.values).toEqual(dry.values);
    expect(done.created).toEqual({
      foods: [],
      treatments: ['Probiotic'],
      factors: expect.arrayContaining(['Headache', 'Caffeine', 'Alcohol', 'Energy']),
    });
    const id = await ids(app);
    const day1 = (await app.call('day.get', { date: '2026-03-01' })).entry;
    expect(day1.lifestyle).toMatchObject({ mood: 8, sleepHours: 7.5 });
    expect(day1.skin).toEqual([
      {
        conditionId: id.condition('Eczema'),
        severity: 5,
        itch: null,
        sleepLost: null,
        newLesions: null,
        flare: false,
        areas: [],
      },
    ]);
    expect(day1.custom).toEqual(
      expect.arrayContaining([
        { factorId: id.factor('Headache'), value: 8 },
        { factorId: id.factor('Caffeine'), value: 1 },
      ]),
    );
    expect(day1.meals).toEqual([
      {
        kind: 'breakfast',
        time: null,
        foods: [
          { foodId: id.food('Oats'), servings: 1 },
          { foodId: id.food('Banana'), servings: 1 },
        ],
      },
    ]);
    expect(day1.treatments).toEqual([{ treatmentId: id.treatment('Probiotic'), taken: true }]);
    expect(day1.notes).toBe('Long day, lots of meetings\nand a late "dinner"');
    const day2 = (await app.call('day.get', { date: '2026-03-02' })).entry;
    expect(day2.lifestyle).toMatchObject({ mood: 3, sleepHours: 6 });
    expect(day2.skin[0]).toMatchObject({ severity: 10 }); // the day's highest of 4 and 1
    expect(day2.gut.bloating).toBe(5);
    const day3 = (await app.call('day.get', { date: '2026-03-13' })).entry;
    expect(day3.lifestyle).toMatchObject({ mood: 10, sleepQuality: 5 });
    expect(day3.custom).toEqual([{ factorId: id.factor('Energy'), value: 8 }]);
    expect((await app.call('conditions.list')).find((c) => c.name === 'Eczema')!.tracked).toBe(true);
    const afterImport = await exported(app);

    const again = await app.call('importFrom.run', { ...fixture('bearable.csv'), mapping, dryRun: false });
    expect(again.alreadyImported?.id).toBe(done.importId);
    expect(again.values).toMatchObject({ added: 0, replaced: 0 });
    expect(again.importId).toBeNull();
    expect(await exported(app)).toEqual(afterImport);

    const history = await app.call('importFrom.history');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: done.importId,
      format: 'bearable',
      fileName: 'bearable.csv',
      days: 3,
      undoneAt: null,
    });
    const undone = await app.call('importFrom.undo', { id: done.importId! });
    expect(undone).toMatchObject({ daysRemoved: 3, keptBecauseEdited: 0 });
    expect(await exported(app)).toEqual(before);
    expect(app.backend.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await expect(app.call('importFrom.undo', { id: done.importId! })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('fills only empty fields by default, lists what differs, overwrites only when asked, and undo leaves later edits alone', async () => {
    const app = await openApp();
    await app.call('day.save', {
      ...emptyDay('2026-03-01'),
      lifestyle: { ...emptyDay('2026-03-01').lifestyle, mood: 2 },
      notes: 'mine',
    });
    const { mapping, summary } = await app.call('importFrom.propose', {
      ...fixture('bearable.csv'),
      format: 'bearable',
    });
    expect(summary.days).toMatchObject({ newDays: 2, existingDays: 1 });
    expect(summary.changes).toEqual(
      expect.arrayContaining([
        { date: '2026-03-01', destination: 'Mood', yours: '2', theirs: '8', action: 'kept' },
        {
          date: '2026-03-01',
          destination: 'Notes',
          yours: 'mine',
          theirs: expect.stringContaining('Long day'),
          action: 'kept',
        },
      ]),
    );
    await app.call('importFrom.run', { ...fixture('bearable.csv'), mapping, dryRun: false });
    const kept = (await app.call('day.get', { date: '2026-03-01' })).entry;
    expect(kept.lifestyle).toMatchObject({ mood: 2, sleepHours: 7.5 });
    expect(kept.notes).toBe('mine');

    const other = await openApp();
    await other.call('day.save', {
      ...emptyDay('2026-03-01'),
      lifestyle: { ...emptyDay('2026-03-01').lifestyle, mood: 2 },
    });
    const before = await exported(other);
    const proposal = await other.call('importFrom.propose', { ...fixture('bearable.csv'), format: 'auto' });
    const overwrite = await other.call('importFrom.run', {
      ...fixture('bearable.csv'),
      mapping: { ...proposal.mapping, conflict: 'overwrite' },
      dryRun: false,
    });
    expect(overwrite.changes).toContainEqual({
      date: '2026-03-01',
      destination: 'Mood',
      yours: '2',
      theirs: '8',
      action: 'replaced',
    });
    expect((await other.call('day.get', { date: '2026-03-01' })).entry.lifestyle.mood).toBe(8);
    // Edited by hand after the import: undo keeps the edit.
    const day2 = (await other.call('day.get', { date: '2026-03-02' })).entry;
    await other.call('day.save', { ...day2, lifestyle: { ...day2.lifestyle, sleepHours: 9 } });
    const undo = await other.call('importFrom.undo', { id: overwrite.importId! });
    expect(undo.keptBecauseEdited).toBe(1);
    expect((await other.call('day.get', { date: '2026-03-01' })).entry.lifestyle.mood).toBe(2);
    expect((await other.call('day.get', { date: '2026-03-02' })).entry.lifestyle.sleepHours).toBe(9);
    expect(before).not.toEqual(await exported(other));
  });

  it('remembers the mapping per app for next time', async () => {
    const app = await openApp();
    const { mapping } = await app.call('importFrom.propose', { ...fixture('bearable.csv'), format: 'auto' });
    const edited: ImportMapping = {
      ...mapping,
      items: mapping.items.map((i) => (i.key === 'symptom:headache' ? { ...i, to: { type: 'skip' } } : i)),
    };
    const done = await app.call('importFrom.run', { ...fixture('bearable.csv'), mapping: edited, dryRun: false });
    expect(done.skipped).toContainEqual({
      reason: 'You chose to skip these',
      count: 1,
      examples: ['Headache (symptom)'],
    });
    expect(done.created.factors).not.toContain('Headache');
    const next = await app.call('importFrom.propose', { ...fixture('bearable.csv'), format: 'auto' });
    expect(destinationOf(next.mapping, 'symptom:headache')).toEqual({ type: 'skip' });
  });

  it('refuses a mapping that does not fit, changing nothing', async () => {
    const app = await openApp();
    const before = await exported(app);
    const { mapping } = await app.call('importFrom.propose', { ...fixture('bearable.csv'), format: 'auto' });
    const wrong: ImportMapping = {
      ...mapping,
      items: mapping.items.map((i) => (i.key === 'food:oats' ? { ...i, to: { type: 'field', field: 'mood' } } : i)),
    };
    await expect(
      app.call('importFrom.run', { ...fixture('bearable.csv'), mapping: wrong, dryRun: false }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^"Oats \(food\)" cannot go there: Mood \(0–10\) takes numbers/),
    });
    const noCondition: ImportMapping = {
      ...mapping,
      items: mapping.items.map((i) => (i.key === 'mood' ? { ...i, to: { type: 'condition', name: 'Warts' } } : i)),
    };
    await expect(
      app.call('importFrom.run', { ...fixture('bearable.csv'), mapping: noCondition, dryRun: false }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await exported(app)).toEqual(before);
  });
});

describe('the other formats', () => {
  it('Daylio (both headers): moods ranked, activities, notes; unknown moods need a rank', async () => {
    const app = await openApp();
    const { mapping, summary } = await app.call('importFrom.propose', { ...fixture('daylio.csv'), format: 'auto' });
    expect(mapping.format).toBe('daylio');
    expect(mapping.items.find((i) => i.key === 'mood')!.ranks).toEqual({ rad: 10, meh: 5, awful: 0, 'super tired': 5 });
    expect(destinationOf(mapping, 'activity:coffee')).toEqual({ type: 'food', name: 'Coffee' });
    const ranked: ImportMapping = {
      ...mapping,
      items: mapping.items.map((i) => (i.key === 'mood' ? { ...i, ranks: { ...i.ranks, 'super tired': 2 } } : i)),
    };
    expect(summary.days.inFile).toBe(3);
    await app.call('importFrom.run', { ...fixture('daylio.csv'), mapping: ranked, dryRun: false });
    const day = (await app.call('day.get', { date: '2026-03-02' })).entry;
    expect(day.lifestyle.mood).toBe(8); // the mean of rad (10) and meh (5), rounded
    expect(day.notes).toBe('Good day\nFelt great, skin calm');
    expect((await app.call('day.get', { date: '2026-03-01' })).entry.notes).toBe('Itchy\nagain');
    expect((await app.call('day.get', { date: '2026-02-28' })).entry.lifestyle.mood).toBe(2);

    const old = await app.call('importFrom.propose', { ...fixture('daylio-old.csv'), format: 'daylio' });
    expect(old.summary.days.inFile).toBe(2);
    expect(old.mapping.items.find((i) => i.key === 'mood')!.ranks).toEqual({ good: 8, bad: 3 });
    expect(old.mapping.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['activity:cook', 'activity:stressed', 'note']),
    );
  });

  it('Flaredown wide (DD/MM dates, decimal commas, Taken/Not Taken, weather skipped) and long layouts', async () => {
    const app = await openApp();
    const { mapping, summary } = await app.call('importFrom.propose', { ...fixture('flaredown.csv'), format: 'auto' });
    expect(mapping.format).toBe('flaredown');
    expect(summary.skipped.find((s) => s.reason.startsWith('Weather'))?.count).toBeGreaterThan(0);
    expect(destinationOf(mapping, 'symptom:eczema')).toEqual({ type: 'condition', name: 'Eczema' });
    expect(destinationOf(mapping, 'food:eggs')).toEqual({ type: 'food', name: 'Eggs' });
    await app.call('importFrom.run', { ...fixture('flaredown.csv'), mapping, dryRun: false });
    const id = await ids(app);
    const feb3 = (await app.call('day.get', { date: '2026-02-03' })).entry;
    expect(feb3.skin[0]).toMatchObject({ conditionId: id.condition('Eczema'), severity: 8 });
    expect(feb3.treatments).toEqual(
      expect.arrayContaining([
        { treatmentId: id.treatment('Cetirizine'), taken: true },
        { treatmentId: id.treatment('Probiotic'), taken: false },
      ]),
    );
    expect(feb3.custom).toContainEqual({ factorId: id.factor('Stressed'), value: 1 });
    expect((await app.call('day.get', { date: '2026-02-04' })).entry.custom).toContainEqual({
      factorId: id.factor('Fatigue'),
      value: 6,
    });
    expect((await app.call('day.get', { date: '2026-02-13' })).entry.skin[0]).toMatchObject({ severity: 3 });

    const long = await app.call('importFrom.propose', { ...fixture('flaredown-long.csv'), format: 'auto' });
    expect(long.mapping.format).toBe('flaredown');
    expect(long.summary.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Weather'),
        `Flaredown's "hbi" values are not something the journal records`,
      ]),
    );
  });

  it('mySymptoms: meals with their kind, symptoms, exercise and sleep durations; stools skipped', async () => {
    const app = await openApp();
    const { mapping, summary } = await app.call('importFrom.propose', { ...fixture('mysymptoms.csv'), format: 'auto' });
    expect(mapping.format).toBe('mysymptoms');
    expect(summary.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Stools/),
        `mySymptoms' "mood" events are not something the journal records`,
      ]),
    );
    await app.call('importFrom.run', { ...fixture('mysymptoms.csv'), mapping, dryRun: false });
    const id = await ids(app);
    const day = (await app.call('day.get', { date: '2026-02-10' })).entry;
    expect(day.gut.bloating).toBe(6);
    expect(day.lifestyle.exerciseMinutes).toBe(45);
    expect(day.meals.find((m) => m.kind === 'breakfast')!.foods.map((f) => f.foodId)).toEqual([
      id.food('Oats'),
      id.food('Blueberries'),
    ]);
    expect((await app.call('day.get', { date: '2026-02-11' })).entry.lifestyle.sleepHours).toBe(7.25);
  });

  it('Google Fit daily metrics and any CSV (semicolons, BOM, DD.MM.YYYY, decimal commas, yes/no)', async () => {
    const app = await openApp();
    const fit = await app.call('importFrom.propose', { ...fixture('google-fit.csv'), format: 'auto' });
    expect(fit.mapping.format).toBe('google-fit');
    expect(destinationOf(fit.mapping, 'column:move minutes count')).toEqual({
      type: 'field',
      field: 'exerciseMinutes',
    });
    expect(destinationOf(fit.mapping, 'column:step count')).toEqual({
      type: 'factor',
      name: 'Steps',
      kind: 'number',
      unit: 'steps',
    });
    const onlyThree: ImportMapping = {
      ...fit.mapping,
      items: fit.mapping.items.map((i) =>
        ['column:move minutes count', 'column:step count', 'column:sleep duration (ms)'].includes(i.key)
          ? i
          : { ...i, to: { type: 'skip' } },
      ),
    };
    await app.call('importFrom.run', { ...fixture('google-fit.csv'), mapping: onlyThree, dryRun: false });
    const id = await ids(app);
    const feb1 = (await app.call('day.get', { date: '2026-02-01' })).entry;
    expect(feb1.lifestyle).toMatchObject({ exerciseMinutes: 45, sleepHours: 7.5 });
    expect(feb1.custom).toEqual([{ factorId: id.factor('Steps'), value: 6543 }]);
    expect((await app.call('day.get', { date: '2026-02-03' })).saved).toBe(false);

    const any = await app.call('importFrom.propose', { ...fixture('daily.csv'), format: 'csv' });
    expect(any.summary.notes[0]).toBe('Dates were read from the column "Day".');
    expect(destinationOf(any.mapping, 'column:mood')).toEqual({ type: 'field', field: 'mood' });
    expect(destinationOf(any.mapping, 'column:comment')).toEqual({ type: 'field', field: 'notes' });
    await app.call('importFrom.run', { ...fixture('daily.csv'), mapping: any.mapping, dryRun: false });
    const id2 = await ids(app);
    const feb5 = (await app.call('day.get', { date: '2026-02-05' })).entry;
    expect(feb5.lifestyle.mood).toBe(7);
    expect(feb5.notes).toBe('fine; slept well');
    expect(feb5.custom).toEqual(
      expect.arrayContaining([
        { factorId: id2.factor('Weight (kg)'), value: 71.4 },
        { factorId: id2.factor('Took vitamin D'), value: 1 },
      ]),
    );
    expect((await app.call('day.get', { date: '2026-02-06' })).entry.custom).toEqual([
      { factorId: id2.factor('Weight (kg)'), value: 71.2 },
    ]);
  });
});

/** A small Apple Health export: phone and watch both record the same night; a nap; mindful and workouts. */
function healthXml(): string {
  const rec = (type: string, source: string, start: string, end: string, value: string) =>
    `  <Record type="${type}" sourceName="${source}" unit="count" creationDate="${end}" startDate="${start}" endDate="${end}" value="${value}"/>\n`;
  const sleep = 'HKCategoryTypeIdentifierSleepAnalysis';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-03-10 09:00:00 +0000"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
${rec(sleep, 'iPhone', '2026-03-01 23:00:00 +0000', '2026-03-02 07:00:00 +0000', 'HKCategoryValueSleepAnalysisAsleepUnspecified')}${rec(sleep, 'Watch', '2026-03-01 23:30:00 +0000', '2026-03-02 03:00:00 +0000', 'HKCategoryValueSleepAnalysisAsleepCore')}${rec(sleep, 'Watch', '2026-03-02 03:00:00 +0000', '2026-03-02 07:30:00 +0000', 'HKCategoryValueSleepAnalysisAsleepDeep')}${rec(sleep, 'Watch', '2026-03-01 22:00:00 +0000', '2026-03-01 23:00:00 +0000', 'HKCategoryValueSleepAnalysisInBed')}${rec(sleep, 'Watch', '2026-03-02 19:00:00 +0100', '2026-03-03 06:00:00 +0100', 'HKCategoryValueSleepAnalysisAsleepREM')}${rec('HKCategoryTypeIdentifierMindfulSession', 'Watch', '2026-03-02 08:00:00 +0000', '2026-03-02 08:10:00 +0000', '')}${rec('HKCategoryTypeIdentifierMindfulSession', 'iPhone', '2026-03-02 08:05:00 +0000', '2026-03-02 08:15:00 +0000', '')}${rec('HKQuantityTypeIdentifierStepCount', 'iPhone', '2026-03-02 10:00:00 +0000', '2026-03-02 11:00:00 +0000', '4000')}${rec('HKQuantityTypeIdentifierStepCount', 'Watch', '2026-03-02 10:00:00 +0000', '2026-03-02 11:00:00 +0000', '4200')}${rec('HKQuantityTypeIdentifierAppleExerciseTime', 'Watch', '2026-03-02 17:00:00 +0000', '2026-03-02 17:20:00 +0000', '20')}
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" durationUnit="min" sourceName="Watch" startDate="2026-03-02 17:10:00 +0000" endDate="2026-03-02 17:40:00 +0000"/>
${rec('HKCategoryTypeIdentifierMenstrualFlow', 'iPhone', '2026-03-01 08:00:00 +0000', '2026-03-01 08:00:00 +0000', 'HKCategoryValueMenstrualFlowMedium')}${rec('HKCategoryTypeIdentifierMenstrualFlow', 'iPhone', '2026-03-02 08:00:00 +0000', '2026-03-02 08:00:00 +0000', 'HKCategoryValueMenstrualFlowLight')}</HealthData>
`;
}

describe('Apple Health', () => {
  it('streams export.zip: merged sleep per morning, mindful minutes, exercise without double counting, steps from one source, cycle days only when tracked', async () => {
    const app = await openApp();
    const zip = zipSync({
      'apple_health_export/export_cda.xml': strToU8('<x/>'),
      'apple_health_export/export.xml': strToU8(healthXml()),
    });
    const file = { fileName: 'export.zip', dataBase64: Buffer.from(zip).toString('base64') };
    const { mapping } = await app.call('importFrom.propose', { ...file, format: 'auto' });
    expect(mapping.format).toBe('apple-health');
    expect(destinationOf(mapping, 'cycle')).toEqual({ type: 'skip' }); // the cycle is not tracked
    expect(destinationOf(mapping, 'steps')).toEqual({ type: 'skip' }); // optional
    const withSteps: ImportMapping = {
      ...mapping,
      items: mapping.items.map((i) =>
        i.key === 'steps' ? { ...i, to: { type: 'factor', name: 'Steps', kind: 'number', unit: 'steps' } } : i,
      ),
    };
    await expect(
      app.call('importFrom.run', {
        ...file,
        mapping: {
          ...mapping,
          items: mapping.items.map((i) => (i.key === 'cycle' ? { ...i, to: { type: 'field', field: 'cycleDay' } } : i)),
        },
        dryRun: true,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('you do not track your cycle') });
    await app.call('importFrom.run', { ...file, mapping: withSteps, dryRun: false });
    const id = await ids(app);
    const march2 = (await app.call('day.get', { date: '2026-03-02' })).entry;
    expect(march2.lifestyle).toMatchObject({ sleepHours: 8.5, meditationMinutes: 15, exerciseMinutes: 40 });
    expect(march2.custom).toEqual([{ factorId: id.factor('Steps'), value: 4200 }]);
    expect((await app.call('day.get', { date: '2026-03-03' })).entry.lifestyle.sleepHours).toBe(11);

    const other = await openApp();
    await other.call('journal.saveSettings', { trackCycle: true });
    const xml = { fileName: 'export.xml', dataBase64: Buffer.from(healthXml()).toString('base64') };
    const tracked = await other.call('importFrom.propose', { ...xml, format: 'apple-health' });
    expect(destinationOf(tracked.mapping, 'cycle')).toEqual({ type: 'field', field: 'cycleDay' });
    await other.call('importFrom.run', { ...xml, mapping: tracked.mapping, dryRun: false });
    expect((await other.call('day.get', { date: '2026-03-01' })).entry.lifestyle.cycleDay).toBe(1);
    expect((await other.call('day.get', { date: '2026-03-02' })).entry.lifestyle.cycleDay).toBe(2);
  });
});
