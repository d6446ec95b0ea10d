import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import type { Input, MethodName, Output } from '../../electron/contract';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

const journal = journalAppsClosedAfterEach();
const DAY = 86_400_000;

/** An app whose clock ("today") the test moves by hand. */
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeTempDirs();
});
async function appWithClock(start = new Date(2026, 5, 15, 9, 0).getTime()) {
  const clock = { now: start };
  const dir = tempDir();
  const { backend, dispatch } = createApp({
    vaultDir: dir,
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
  return { call, dispatch, dir, advanceDays: (days: number) => (clock.now += days * DAY) };
}

async function trackEczema(call: Awaited<ReturnType<typeof appWithClock>>['call']): Promise<void> {
  const eczema = (await call('conditions.list')).find((c) => c.name === 'Eczema')!;
  await call('conditions.save', { id: eczema.id, name: eczema.name, tracked: true });
}

describe('the POEM weekly eczema check', () => {
  it('saves a check with its total and band, and lists the history newest first', async () => {
    const app = await journal();
    const saved = await app.call('poem.save', { date: '2026-06-08', answers: [4, 3, 0, 1, 2, 2, 4] });
    expect(saved).toMatchObject({ date: '2026-06-08', answers: [4, 3, 0, 1, 2, 2, 4], total: 16, band: 'moderate' });
    expect(saved.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await app.call('poem.save', { date: '2026-06-15', answers: [1, 0, 0, 0, 0, 1, 1] });
    await app.call('poem.save', { date: '2026-06-01', answers: [4, 4, 4, 4, 4, 4, 4] });
    const list = await app.call('poem.list');
    expect(list.map((e) => [e.date, e.total, e.band])).toEqual([
      ['2026-06-15', 3, 'mild'],
      ['2026-06-08', 16, 'moderate'],
      ['2026-06-01', 28, 'very_severe'],
    ]);
  });

  it('saving the same date again replaces that check, keeping when it was first made', async () => {
    const app = await journal();
    const first = await app.call('poem.save', { date: '2026-06-10', answers: [2, 2, 2, 2, 2, 2, 2] });
    const second = await app.call('poem.save', { date: '2026-06-10', answers: [0, 0, 0, 0, 0, 1, 1] });
    expect(second).toMatchObject({
      date: '2026-06-10',
      answers: [0, 0, 0, 0, 0, 1, 1],
      total: 2,
      band: 'clear',
      createdAt: first.createdAt,
    });
    expect(await app.call('poem.list')).toEqual([second]);
  });

  it('deletes one check and says so plainly when there is none', async () => {
    const app = await journal();
    await app.call('poem.save', { date: '2026-06-01', answers: [1, 1, 1, 1, 1, 1, 1] });
    await app.call('poem.save', { date: '2026-06-08', answers: [1, 1, 1, 1, 1, 1, 1] });
    expect(await app.call('poem.delete', { date: '2026-06-01' })).toBeNull();
    expect((await app.call('poem.list')).map((e) => e.date)).toEqual(['2026-06-08']);
    expect(await app.dispatch('poem.delete', { date: '2026-06-01' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'There is no eczema check saved for that date, so nothing was deleted.',
      },
    });
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const app = await journal();
    await app.call('poem.save', { date: '2026-06-08', answers: [1, 1, 1, 1, 1, 1, 1] });
    const before = await app.call('poem.list');
    const cases: [unknown, RegExp][] = [
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, 1, 1] }, /^Please answer all seven questions\.$/],
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, 1, 1, 1, 1] }, /^Please answer all seven questions\.$/],
      [
        { date: '2026-06-09', answers: [1, 1, 5, 1, 1, 1, 1] },
        /^Question 3 \(bleeding\) needs one of the five answers, from 0 \(no days\) to 4 \(every day\)\.$/,
      ],
      [{ date: '2026-06-09', answers: [-1, 1, 1, 1, 1, 1, 1] }, /^Question 1 \(itchy skin\) needs/],
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, 1, 1.5, 1] }, /^Question 6 \(flaking\) needs/],
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, 1, 1, '2'] }, /^Question 7 \(dry or rough\) needs/],
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, null, 1, 1] }, /^Question 5 \(cracked\) needs/],
      [{ date: '2026-06-09', answers: 'all of them' }, /^Please give the answers to the seven questions\.$/],
      [{ date: '2026-06-09' }, /^Please give the answers to the seven questions\.$/],
      [{ date: '2026-02-30', answers: [1, 1, 1, 1, 1, 1, 1] }, /^That date does not exist\.$/],
      [{ date: '9 June', answers: [1, 1, 1, 1, 1, 1, 1] }, /^A date must look like 2026-03-14\.$/],
      [{ date: '2026-06-09', answers: [1, 1, 1, 1, 1, 1, 1], total: 7 }, /total/],
    ];
    for (const [input, message] of cases) {
      const result = await app.dispatch('poem.save', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.message, JSON.stringify(input)).toMatch(message);
    }
    expect(await app.call('poem.list')).toEqual(before);
  });

  it('refuses a date in the future, like journal days', async () => {
    const app = await journal(); // today is 2026-06-15
    const result = await app.dispatch('poem.save', { date: '2026-06-16', answers: [0, 0, 0, 0, 0, 0, 0] });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'That date is in the future. You can fill in the eczema check for today or any day before it.',
      },
    });
    expect(await app.call('poem.list')).toEqual([]);
    await expect(app.call('poem.save', { date: '2026-06-15', answers: [0, 0, 0, 0, 0, 0, 0] })).resolves.toMatchObject({
      total: 0,
    });
  });

  it('is due only when eczema is tracked and there is no check from the last 7 days', async () => {
    const { call, advanceDays } = await appWithClock(); // 2026-06-15
    expect(await call('poem.status')).toEqual({
      eczemaTracked: false,
      lastDate: null,
      daysSinceLast: null,
      due: false,
      promptDismissedToday: false,
    });

    await trackEczema(call);
    expect(await call('poem.status')).toMatchObject({
      eczemaTracked: true,
      lastDate: null,
      daysSinceLast: null,
      due: true,
    });

    await call('poem.save', { date: '2026-06-15', answers: [2, 1, 0, 0, 1, 2, 3] });
    expect(await call('poem.status')).toMatchObject({ lastDate: '2026-06-15', daysSinceLast: 0, due: false });

    advanceDays(6); // 2026-06-21
    expect(await call('poem.status')).toMatchObject({ lastDate: '2026-06-15', daysSinceLast: 6, due: false });
    advanceDays(1); // 2026-06-22: a week since the last one
    expect(await call('poem.status')).toMatchObject({ lastDate: '2026-06-15', daysSinceLast: 7, due: true });

    // An older check filled in late does not count as the latest.
    await call('poem.save', { date: '2026-06-10', answers: [2, 1, 0, 0, 1, 2, 3] });
    expect(await call('poem.status')).toMatchObject({ lastDate: '2026-06-15', due: true });
    await call('poem.save', { date: '2026-06-20', answers: [2, 1, 0, 0, 1, 2, 3] });
    expect(await call('poem.status')).toMatchObject({ lastDate: '2026-06-20', daysSinceLast: 2, due: false });
  });

  it('an eczema condition of your own also counts, and untracking eczema stops it being due', async () => {
    const { call } = await appWithClock();
    await call('conditions.save', { name: 'Hand eczema', tracked: true });
    expect(await call('poem.status')).toMatchObject({ eczemaTracked: true, due: true });
    const own = (await call('conditions.list')).find((c) => c.name === 'Hand eczema')!;
    await call('conditions.save', { id: own.id, name: own.name, tracked: false });
    expect(await call('poem.status')).toMatchObject({ eczemaTracked: false, due: false });
  });

  it('putting the prompt aside hides it for that day only', async () => {
    const { call, advanceDays } = await appWithClock();
    await trackEczema(call);
    expect(await call('poem.dismissPrompt')).toMatchObject({ due: true, promptDismissedToday: true });
    expect(await call('poem.status')).toMatchObject({ due: true, promptDismissedToday: true });
    advanceDays(1);
    expect(await call('poem.status')).toMatchObject({ due: true, promptDismissedToday: false });
  });

  it('keeps the answers inside the encrypted journal across a lock and unlock', async () => {
    const { call } = await appWithClock();
    await call('poem.save', { date: '2026-06-14', answers: [3, 3, 1, 1, 2, 2, 3] });
    await call('vault.lock');
    expect(await call('poem.list').catch((error: { code: string }) => error.code)).toBe('VAULT_LOCKED');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await call('poem.list')).toMatchObject([{ date: '2026-06-14', total: 15, band: 'moderate' }]);
  });
});

describe('the poem_scores table', () => {
  it('refuses answers out of range, a total that is not their sum and a second row for a date', async () => {
    const app = await journal();
    const db = app.backend.vault.db;
    const insert = db.prepare(
      `INSERT INTO poem_scores (week_ending, itch, sleep, bleeding, weeping, cracked, flaking, dry, total, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'now', 'now')`,
    );
    insert.run('2026-06-01', 1, 1, 1, 1, 1, 1, 1, 7);
    expect(() => insert.run('2026-06-02', 5, 0, 0, 0, 0, 0, 0, 5)).toThrow(/CHECK/);
    expect(() => insert.run('2026-06-03', 1, 1, 1, 1, 1, 1, 1, 8)).toThrow(/CHECK/);
    expect(() => insert.run('2026-06-01', 0, 0, 0, 0, 0, 0, 0, 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('1 June', 0, 0, 0, 0, 0, 0, 0, 0)).toThrow(/CHECK/);
    expect((await app.call('poem.list')).map((e) => e.date)).toEqual(['2026-06-01']);
  });

  it('reads the history and the last date through the date index', async () => {
    const app = await journal();
    const db = app.backend.vault.db;
    const plans = [
      'SELECT * FROM poem_scores ORDER BY week_ending DESC',
      "SELECT max(week_ending) FROM poem_scores WHERE week_ending <= '2026-06-15'",
      "SELECT * FROM poem_scores WHERE week_ending = '2026-06-15'",
    ].map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' '),
    );
    for (const plan of plans) {
      expect(plan).toMatch(/sqlite_autoindex_poem_scores/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
