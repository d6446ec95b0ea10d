import { afterEach, describe, expect, it } from 'vitest';
import type { DayEntry, Input, MethodName, Output } from '../../electron/contract';
import { createApp } from '../../electron/core/app';
import { emptyDay } from '../../electron/core/day/days';
import { localDate } from '../../electron/core/journal/dates';
import { join } from 'node:path';
import { restoreBackup, writeBackup } from '../../electron/core/data/backup';
import { exportJournalCsv } from '../../electron/core/data/exportCsv';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { importJournalJson } from '../../electron/core/data/importJson';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

const DAY = 86_400_000;
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeTempDirs();
});

/** A real encrypted journal whose "today" the test moves by hand. */
async function appWithClock(start = new Date(2026, 5, 15, 9, 0).getTime(), vaultDir = tempDir()) {
  const clock = { now: start };
  const { backend, dispatch } = createApp({
    vaultDir,
    host: 'web',
    version: 't',
    scryptCost: FAST_SCRYPT,
    now: () => clock.now,
  });
  closers.push(() => backend.dispose());
  const call = async <K extends MethodName>(method: K, input?: Input<K>): Promise<Output<K>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  await call('vault.create', { passphrase: PASSPHRASE });
  const acne = (await call('conditions.list')).find((c) => c.name === 'Acne')!;
  await call('conditions.save', { id: acne.id, name: acne.name, tracked: true });
  const foods = await call('foods.list');
  const cheese = foods.find((f) => f.categories.includes('dairy'))!;
  const oats = foods.find((f) => !f.categories.includes('dairy') && f.categories.includes('whole_grain'))!;
  return {
    call,
    backend,
    vaultDir,
    today: () => localDate(clock.now),
    nextDay: () => (clock.now += DAY),
    acneKey: `skin.severity.${acne.id}`,
    /** Logs a day: acne severity, and all its meals, with or without dairy (no meals: the journal cannot tell). */
    log: (date: string, severity: number | null, dairy: boolean | null) => {
      const entry: DayEntry = {
        ...emptyDay(date),
        skin:
          severity === null
            ? []
            : [
                {
                  conditionId: acne.id,
                  severity,
                  itch: null,
                  sleepLost: null,
                  newLesions: null,
                  flare: false,
                  areas: [],
                },
              ],
        meals:
          dairy === null
            ? []
            : [{ kind: 'lunch', time: null, foods: [{ foodId: (dairy ? cheese : oats).id, servings: 1 }] }],
        // A day without dairy counts as one only when its meals are complete (docs/insights-method.md).
        mealsComplete: dairy === null ? null : true,
      };
      return call('day.save', entry);
    },
  };
}

const plan = (acneKey: string, overrides: Partial<Input<'experiments.create'>> = {}): Input<'experiments.create'> => ({
  factorKey: 'food.dairy',
  outcomeKey: acneKey,
  design: 'pairs',
  pairs: 6,
  blockDays: 3,
  washoutDays: 1,
  startDate: '2026-06-15',
  seed: 7,
  onText: 'Dairy as usual',
  offText: 'No dairy at all',
  ...overrides,
});

describe('planning', () => {
  it('says in words when a design can never reach 0.05, and is cautious without history', async () => {
    const app = await appWithClock();
    const four = await app.call('experiments.plan', {
      factorKey: 'food.dairy',
      outcomeKey: app.acneKey,
      design: 'pairs',
      pairs: 4,
      blockDays: 7,
      washoutDays: 2,
      targetChange: 1.5,
    });
    expect(four.canReach).toBe(false);
    expect(four.warning).toMatch(/smallest p this design can give is 0\.125 — it can never reach 0\.05/);
    expect(four.history.fromJournal).toBe(false);
    expect(four.sentences.join(' ')).toMatch(/does not yet have enough days .* cautious spread of 2\.0 points/);
    expect(four.safety.join(' ')).toMatch(/dietitian before cutting out a whole food group/);
    expect(four.safety.join(' ')).toMatch(/Never stop or change a prescribed medicine/);
    const six = await app.call('experiments.plan', {
      factorKey: 'food.dairy',
      outcomeKey: app.acneKey,
      design: 'pairs',
      pairs: 6,
      blockDays: 7,
      washoutDays: 2,
      targetChange: 1.5,
    });
    expect(six.canReach).toBe(true);
    expect(six.warning).toBeNull();
    expect(six.sentences[0]).toMatch(
      /^With 6 pairs of 7-day blocks — 12 weeks — a change of 1\.5 points would show up about \d+ times? in 10\.$/,
    );
    expect(six.endDate).toBe('2026-09-06');
  });

  it('refuses unknown keys, impossible washouts, a past start without --backdate, and numbers without a threshold', async () => {
    const app = await appWithClock();
    await expect(
      app.call('experiments.create', plan(app.acneKey, { factorKey: 'food.nothing' })),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(app.call('experiments.create', plan(app.acneKey, { washoutDays: 2 }))).rejects.toThrow(
      /at least 2 days of each block/,
    );
    await expect(app.call('experiments.create', plan(app.acneKey, { startDate: '2026-06-01' }))).rejects.toThrow(
      /start date is in the past/,
    );
    await expect(app.call('experiments.create', plan(app.acneKey, { factorKey: 'life.meditation' }))).rejects.toThrow(
      /counts as “on”/,
    );
    await expect(app.call('experiments.create', plan(app.acneKey, { pairs: 17 }))).rejects.toThrow(/At most 16 pairs/);
    expect(await app.call('experiments.list')).toEqual([]);
  });
});

describe('running and finishing an experiment', () => {
  it('follows a short experiment day by day: assignment, adherence, hidden result, deviations, then the analysis', async () => {
    const app = await appWithClock();
    const created = await app.call('experiments.create', plan(app.acneKey));
    expect(created).toMatchObject({
      state: 'running',
      daysTotal: 36,
      hidden: true,
      analysis: null,
      endDate: '2026-07-20',
    });
    expect(created.plan.orders).toHaveLength(6);
    expect(created.schedule.filter((d) => d.washout)).toHaveLength(12);

    for (let i = 0; i < created.schedule.length; i++) {
      const day = created.schedule[i]!;
      expect(app.today()).toBe(day.date);
      const [today] = await app.call('experiments.today', { date: day.date });
      expect(today).toMatchObject({
        arm: day.arm,
        text: day.arm === 'on' ? 'Dairy as usual' : 'No dairy at all',
        block: day.block! + 1,
        blockCount: 12,
        dayOfBlock: day.dayOfBlock,
        daysInBlock: 3,
      });
      const severity = 3 + (day.arm === 'on' ? 2 : 0) + (i % 3 === 2 ? 1 : 0);
      if (i === 4) {
        // Nothing about meals: the journal cannot tell, so a one-tap answer is asked for.
        await app.log(day.date, severity, null);
        expect((await app.call('experiments.today', { date: day.date }))[0]).toMatchObject({
          needsCheckIn: true,
          followed: null,
        });
        expect(await app.call('experiments.checkIn', { id: created.id, date: day.date, followed: true })).toMatchObject(
          { followed: true, followedFrom: 'check-in' },
        );
      } else if (i === 7) {
        // Not logged at all: missing, never zero.
      } else if (i === 8) {
        await app.log(day.date, severity, day.arm === 'off'); // broke the plan
        expect((await app.call('experiments.today', { date: day.date }))[0]).toMatchObject({
          followed: false,
          followedFrom: 'journal',
        });
      } else {
        await app.log(day.date, severity, day.arm === 'on');
      }
      if (i === 10) {
        const hidden = await app.call('experiments.get', { id: created.id });
        expect(hidden).toMatchObject({ hidden: true, analysis: null, state: 'running', daysDone: 11, daysLeft: 25 });
        expect(hidden.sentences.join(' ')).toMatch(/stays hidden while the experiment runs/);
        const peek = await app.call('experiments.get', { id: created.id, reveal: true });
        expect(peek.hidden).toBe(false);
        expect(peek.analysis?.status).toBe('interim');
        expect(peek.sentences[0]).toMatch(/^So far only/);
        expect(peek.deviations.map((d) => d.kind)).toEqual(['peek']);
      }
      if (i === 20) {
        await app.call('experiments.pause', {
          id: created.id,
          fromDate: day.date,
          toDate: day.date,
          reason: 'A bad cold',
        });
      }
      app.nextDay();
    }

    const done = await app.call('experiments.get', { id: created.id });
    expect(done.state).toBe('finished');
    expect(done.hidden).toBe(false);
    expect(done.deviations.map((d) => [d.kind, d.reason])).toEqual([
      ['peek', 'Looked at the result before the end.'],
      ['pause', 'A bad cold'],
    ]);
    const analysis = done.analysis!;
    expect(analysis.status).toBe('complete');
    // Every pair shows the same 2-point rise, so only the observed order and its mirror are as extreme.
    expect(analysis.p).toBe(2 / 64);
    expect(analysis.effect).toBeGreaterThan(1.7);
    expect(analysis.effect).toBeLessThan(2.3);
    expect(analysis.ciLow!).toBeLessThan(analysis.effect!);
    expect(analysis.ciHigh!).toBeGreaterThan(analysis.effect!);
    // 24 analysable days minus the day not logged and the paused day (if they were analysable).
    expect(analysis.daysOn + analysis.daysOff).toBeLessThanOrEqual(24);
    expect(analysis.daysOn + analysis.daysOff).toBeGreaterThanOrEqual(22);
    // 36 days, minus the missing and the paused one; one broke the plan.
    expect(done.adherence).toBeCloseTo(33 / 34, 5);
    expect(done.daysUnknown).toBe(1); // the day not logged at all
    expect(done.sentences[0]).toMatch(
      /^In your experiment, your acne severity was \d\.\d points higher on “Dairy as usual” days than on “No dairy at all” days \(interval -?\d\.\d to \d\.\d; p = 0\.031, 6 pairs, 97% of days as planned\)\.$/,
    );
    expect(done.sentences[1]).toBe('This is good evidence for you — show it to your dermatologist.');
    expect(done.asDone?.effect).not.toBeNull();

    // The plan is frozen in the database itself.
    expect(() =>
      app.backend.vault.db.prepare("UPDATE experiments SET plan = '{}' WHERE id = ?").run(created.id),
    ).toThrow(/frozen/);
    await expect(app.call('experiments.stop', { id: created.id, reason: 'done' })).rejects.toThrow(/already finished/);
  });

  it('ends early only with a reason, recorded as a deviation, and marks plans made after the fact', async () => {
    const app = await appWithClock();
    const first = await app.call('experiments.create', plan(app.acneKey, { startDate: '2026-06-20' }));
    expect(first.state).toBe('planned');
    await expect(app.call('experiments.stop', { id: first.id, reason: '  ' })).rejects.toThrow(/reason/);
    const stopped = await app.call('experiments.stop', { id: first.id, reason: 'Changed my mind' });
    expect(stopped).toMatchObject({ state: 'stopped', endReason: 'Changed my mind' });
    expect(stopped.deviations.map((d) => d.kind)).toEqual(['stop']);
    await expect(app.call('experiments.stop', { id: first.id, reason: 'again' })).rejects.toThrow(/already ended/);

    const backdated = await app.call(
      'experiments.create',
      plan(app.acneKey, { startDate: '2026-05-01', backdate: true }),
    );
    expect(backdated.plan.backdated).toBe(true);
    expect(backdated.state).toBe('finished');
    expect(backdated.sentences[0]).toMatch(/^Planned after the fact/);
    expect((await app.call('experiments.list')).map((e) => e.state)).toEqual(['stopped', 'finished']);
  });
});

describe('adherence from what is logged', () => {
  it('reads a ticked treatment, meditation minutes against the threshold, and a custom yes/no value', async () => {
    const app = await appWithClock();
    const [probiotic] = await app.call('treatments.save', {
      name: 'Probiotic capsule',
      kind: 'supplement',
      dose: '1 a day',
      startedOn: null,
      stoppedOn: null,
    });
    const factors = await app.call('factors.save', { name: 'Cold shower', kind: 'yesno', unit: '' });
    const shower = factors.find((f) => f.name === 'Cold shower')!;
    const base = {
      design: 'pairs',
      pairs: 6,
      blockDays: 2,
      washoutDays: 0,
      startDate: '2026-06-15',
      seed: 3,
      onText: 'on',
      offText: 'off',
    } as const;
    const treatment = await app.call('experiments.create', {
      ...base,
      factorKey: `treatment.${probiotic!.id}`,
      outcomeKey: app.acneKey,
    });
    const meditation = await app.call('experiments.create', {
      ...base,
      factorKey: 'life.meditation',
      onThreshold: 10,
      outcomeKey: app.acneKey,
    });
    const custom = await app.call('experiments.create', {
      ...base,
      factorKey: `custom.${shower.id}`,
      outcomeKey: app.acneKey,
    });
    const arm = (e: { schedule: { arm: string }[] }, i: number) => e.schedule[i]!.arm === 'on';
    for (let i = 0; i < 4; i++) {
      const date = treatment.schedule[i]!.date;
      await app.call('day.save', {
        ...emptyDay(date),
        // Day 3 breaks every plan; the others follow them.
        treatments: [{ treatmentId: probiotic!.id, taken: i === 3 ? !arm(treatment, i) : arm(treatment, i) }],
        lifestyle: {
          ...emptyDay(date).lifestyle,
          meditationMinutes: (i === 3 ? !arm(meditation, i) : arm(meditation, i)) ? 15 : 5,
        },
        custom: [{ factorId: shower.id, value: (i === 3 ? !arm(custom, i) : arm(custom, i)) ? 1 : 0 }],
      });
      app.nextDay();
    }
    for (const e of [treatment, meditation, custom]) {
      const detail = await app.call('experiments.get', { id: e.id });
      expect(detail.adherenceDays.slice(0, 4).map((d) => [d.followed, d.from])).toEqual([
        [true, 'journal'],
        [true, 'journal'],
        [true, 'journal'],
        [false, 'journal'],
      ]);
      expect(detail.adherence).toBe(0.75);
    }
  });
});

describe('experiments in exports, imports and backups', () => {
  it('travel in the JSON export (re-linked by name on import), the CSV export and an encrypted backup', async () => {
    const app = await appWithClock();
    const [probiotic] = await app.call('treatments.save', {
      name: 'Probiotic capsule',
      kind: 'probiotic',
      dose: '',
      startedOn: null,
      stoppedOn: null,
    });
    const made = await app.call('experiments.create', {
      ...plan(app.acneKey, {
        factorKey: `treatment.${probiotic!.id}`,
        startDate: '2026-05-01',
        backdate: true,
        onText: 'Take it',
        offText: 'Skip it',
      }),
    });
    await app.log('2026-05-03', 4, null);
    await app.call('experiments.checkIn', { id: made.id, date: '2026-05-03', followed: false });
    await app.call('experiments.create', plan(app.acneKey, { startDate: '2026-06-16' }));
    await app.call('experiments.stop', { id: 2, reason: 'Holiday' });
    const report = await app.call('report.data', { from: '2026-04-01', to: '2026-06-15', sections: ['experiments'] });
    // The second one was ended before it started: nothing of it falls in the period.
    expect(report.experiments!.map((e) => [e.title, e.state])).toEqual([
      ['Probiotic capsule and acne severity', 'finished'],
    ]);
    expect(report.experiments![0]!.sentences[0]).toMatch(/^Planned after the fact/);
    expect(
      (await app.call('report.data', { from: '2026-04-01', to: '2026-06-15', sections: ['notes'] })).experiments,
    ).toEqual([]);
    const db = app.backend.vault.db;
    const file = JSON.parse(JSON.stringify(exportJournalJson(db, { photos: false, appVersion: 't', now: new Date() })));
    expect(file.experiments).toHaveLength(2);
    expect(file.experiments[0]).toMatchObject({
      title: 'Probiotic capsule and acne severity',
      checkIns: [{ date: '2026-05-03', followed: false }],
    });
    expect(file.experiments[1]).toMatchObject({
      endReason: 'Holiday',
      deviations: [{ kind: 'stop', reason: 'Holiday' }],
    });

    const csv = exportJournalCsv(db, '2026-06-15');
    const experimentsCsv = csv.find((f) => f.name === 'experiments.csv')!.content.split(/\r?\n/);
    expect(experimentsCsv[0]).toMatch(
      /^experiment_id,title,design,factor_key,.*,effect,ci_low,ci_high,p,days_on,days_off,adherence,status$/,
    );
    expect(experimentsCsv[1]).toMatch(/^1,Probiotic capsule and acne severity,pairs,treatment\.\d+,/);
    expect(csv.find((f) => f.name === 'experiment_days.csv')!.content).toMatch(
      /^experiment_id,date,arm,washout,phase,block,outcome,followed\r?\n1,2026-05-01,(on|off),1,block,1,,\r?\n/,
    );

    // Another journal, where the probiotic gets a different id.
    const other = await appWithClock();
    await other.call('treatments.save', {
      name: 'Something else',
      kind: 'other',
      dose: '',
      startedOn: null,
      stoppedOn: null,
    });
    const dry = await importJournalJson(other.backend.vault.db, file, { dryRun: true, today: '2026-06-15' });
    expect(dry.experiments).toEqual({ added: 2, alreadyThere: 0 });
    expect(await other.call('experiments.list')).toEqual([]);
    await importJournalJson(other.backend.vault.db, file, { dryRun: false, today: '2026-06-15' });
    const imported = await other.call('experiments.list');
    const probioticThere = (await other.call('treatments.list')).find((t) => t.name === 'Probiotic capsule')!;
    expect(imported.map((e) => [e.plan.factorKey, e.state, e.plan.backdated])).toEqual([
      ['food.dairy', 'stopped', false],
      [`treatment.${probioticThere.id}`, 'finished', true],
    ]);
    expect(
      (await importJournalJson(other.backend.vault.db, file, { dryRun: false, today: '2026-06-15' })).experiments,
    ).toEqual({ added: 0, alreadyThere: 2 });

    // A backup is the whole encrypted database: experiments come back with it.
    const backupFile = join(tempDir(), 'journal.axisbackup');
    writeBackup(app.backend.vault, backupFile, 't', new Date());
    const target = join(tempDir(), 'restored');
    await restoreBackup(target, backupFile, { passphrase: PASSPHRASE }, new Date());
    const restored = createApp({
      vaultDir: target,
      host: 'web',
      version: 't',
      scryptCost: FAST_SCRYPT,
      now: () => new Date(2026, 5, 15, 9).getTime(),
    });
    closers.push(() => restored.backend.dispose());
    expect((await restored.dispatch('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const list = await restored.dispatch('experiments.list');
    expect(list.ok && (list.value as Output<'experiments.list'>).map((e) => e.endReason)).toEqual(['Holiday', null]);
  });
});

describe('secondary outcomes', () => {
  it('are analysed with the same exact test, labelled exploratory, hidden while running, and re-linked on import', async () => {
    const app = await appWithClock();
    await app.call('conditions.save', { name: 'Perioral dermatitis', tracked: true });
    const eczema = (await app.call('conditions.list')).find((c) => c.name === 'Perioral dermatitis')!;
    const eczemaKey = `skin.severity.${eczema.id}`;
    const made = await app.call(
      'experiments.create',
      plan(app.acneKey, {
        startDate: '2026-05-01',
        backdate: true,
        secondaryKeys: ['skin.itch', eczemaKey, 'gut.bloating'],
      }),
    );
    const acneId = Number(app.acneKey.split('.').pop());
    const score = (conditionId: number, severity: number, itch: number | null) => ({
      conditionId,
      severity,
      itch,
      sleepLost: null,
      newLesions: null,
      flare: false,
      areas: [],
    });
    for (const [i, day] of made.schedule.entries()) {
      const severity = 3 + (day.arm === 'on' ? 2 : 0) + (i % 3 === 2 ? 1 : 0);
      // Itch moves exactly with acne (one point lower): its test must agree with the main one.
      // The other condition stays put whatever the arm.
      const entry: DayEntry = {
        ...emptyDay(day.date),
        skin: [score(acneId, severity, severity - 1), score(eczema.id, 2 + (i % 2), null)],
      };
      await app.call('day.save', entry);
    }
    const detail = await app.call('experiments.get', { id: made.id });
    expect(detail.state).toBe('finished');
    // Bloating was never logged: too few days, said in words, never zeros.
    expect(detail.secondary.map((s) => [s.key, s.analysis.status])).toEqual([
      ['skin.itch', 'complete'],
      [eczemaKey, 'complete'],
      ['gut.bloating', 'not-enough-data'],
    ]);
    const [itch, eczemaResult, bloating] = detail.secondary;
    expect(itch!.analysis.effect).toBeCloseTo(detail.analysis!.effect!, 9);
    expect(itch!.analysis.p).toBe(detail.analysis!.p);
    expect(itch!.analysis.ciLow).toBeCloseTo(detail.analysis!.ciLow!, 6);
    expect(itch!.sentence).toMatch(
      /^Exploratory — itch: 2\.0 points higher on “Dairy as usual” days than on “No dairy at all” days \(interval .*; p = 0\.031\)\.$/,
    );
    expect(eczemaResult!.analysis.p).toBeGreaterThan(0.05);
    expect(bloating!.sentence).toMatch(/^Exploratory — bloating: Too few days to analyse yet/);
    // The main result's sentences do not change because other outcomes were added.
    expect(detail.sentences.join(' ')).not.toMatch(/Exploratory/);

    // In the CSV export: one row per secondary outcome, marked exploratory, with the same numbers.
    const secondaryCsv = exportJournalCsv(app.backend.vault.db, '2026-06-15')
      .find((f) => f.name === 'experiment_secondary.csv')!
      .content.split(/\r?\n/)
      .filter(Boolean);
    expect(secondaryCsv[0]).toBe(
      'experiment_id,outcome_key,outcome,exploratory,effect,ci_low,ci_high,p,days_on,days_off,status',
    );
    expect(secondaryCsv.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual([
      [String(made.id), 'skin.itch', 'Itch', '1'],
      [String(made.id), eczemaKey, 'Perioral dermatitis severity', '1'],
      [String(made.id), 'gut.bloating', 'Bloating', '1'],
    ]);
    expect(Number(secondaryCsv[1]!.split(',')[7])).toBe(itch!.analysis.p);

    // While an experiment runs, secondary results stay hidden with the main one.
    const running = await app.call('experiments.create', plan(app.acneKey, { secondaryKeys: ['skin.itch'] }));
    expect(running).toMatchObject({ hidden: true, secondary: [] });
    const report = await app.call('report.data', { from: '2026-04-01', to: '2026-06-15', sections: ['experiments'] });
    expect(report.experiments![0]!.secondary.map((s) => s.key)).toEqual(['skin.itch', eczemaKey, 'gut.bloating']);

    // Another journal where eczema has another id: its key is re-linked by name.
    const file = JSON.parse(
      JSON.stringify(exportJournalJson(app.backend.vault.db, { photos: false, appVersion: 't', now: new Date() })),
    );
    expect(file.experiments[0].plan.secondaryLabels).toEqual([
      'skin.itch',
      'Perioral dermatitis severity',
      'gut.bloating',
    ]);
    const other = await appWithClock();
    // Another condition takes its id there, so the file's arrives with a new one.
    await other.call('conditions.save', { name: 'Something else', tracked: true });
    await importJournalJson(other.backend.vault.db, file, { dryRun: false, today: '2026-06-15' });
    const imported = (await other.call('experiments.list')).find((e) => e.state === 'finished')!;
    const eczemaNow = (await other.call('conditions.list')).find((c) => c.name === 'Perioral dermatitis')!;
    expect(eczemaNow.id).not.toBe(eczema.id);
    expect(imported.plan.secondaryKeys).toEqual(['skin.itch', `skin.severity.${eczemaNow.id}`, 'gut.bloating']);
  });
});

describe('importing an experiment that cannot be linked', () => {
  it('refuses the whole file with a clear message and changes nothing in the journal', async () => {
    const app = await appWithClock();
    const factors = await app.call('factors.save', { name: 'Cold shower', kind: 'yesno', unit: '' });
    const shower = factors.find((f) => f.name === 'Cold shower')!;
    await app.call(
      'experiments.create',
      plan(app.acneKey, {
        factorKey: `custom.${shower.id}`,
        startDate: '2026-05-01',
        backdate: true,
        onText: 'Cold shower',
        offText: 'Warm shower',
      }),
    );
    const file = JSON.parse(
      JSON.stringify(exportJournalJson(app.backend.vault.db, { photos: false, appVersion: 't', now: new Date() })),
    );
    // A file whose custom factor was left out (edited by hand, or a partial export).
    file.customFactors = file.customFactors.filter((f: { name: string }) => f.name !== 'Cold shower');

    const other = await appWithClock();
    await other.log('2026-06-14', 5, true);
    const before = await other.call('day.get', { date: '2026-06-14' });
    for (const dryRun of [true, false]) {
      await expect(importJournalJson(other.backend.vault.db, file, { dryRun, today: '2026-06-15' })).rejects.toThrow(
        /The experiment “Cold shower and acne severity” refers to Cold shower, which is not in the file or this journal\. Nothing was imported\./,
      );
    }
    expect(await other.call('experiments.list')).toEqual([]);
    expect((await other.call('factors.list')).map((f) => f.name)).not.toContain('Cold shower');
    expect(await other.call('day.get', { date: '2026-06-14' })).toEqual(before);
  });
});
