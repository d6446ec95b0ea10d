import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { emptyDay } from '../../electron/core/day/days';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, I6: "Delete everything" needed only the typed sentence, and "Restore" only the
 * passphrase of the *backup* — so anyone at an unlocked window could wipe the journal, or replace
 * it with a backup of their own (whose passphrase they know). Both now need the passphrase the
 * journal unlocks with, checked under the same limiter as unlocking.
 */

afterAll(removeTempDirs);

const ATTACKER = 'attacker knows this one 9';

async function journalWithNote(clock: { now: number }) {
  const app = createApp({
    vaultDir: tempDir(),
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
    now: () => clock.now,
  });
  const call = async (method: string, input?: unknown) => {
    const result = await app.dispatch(method as never, input as never);
    return result;
  };
  expect((await call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
  expect((await call('day.save', { ...emptyDay('2026-06-01'), notes: 'mine' })).ok).toBe(true);
  return { ...app, call, dir: app.backend.vault.dir };
}

/** A backup of someone else's journal, whose passphrase they know. */
async function attackerBackup(): Promise<string> {
  const other = createApp({ vaultDir: tempDir(), host: 'web', version: 'test', scryptCost: FAST_SCRYPT });
  try {
    await other.dispatch('vault.create', { passphrase: ATTACKER });
    const backup = await other.dispatch('data.backup');
    if (!backup.ok) throw new Error(backup.error.message);
    return (backup.value as { dataBase64: string }).dataBase64;
  } finally {
    other.backend.dispose();
  }
}

describe('I6: the current passphrase before Delete everything and Restore', () => {
  it('a wrong or missing current passphrase deletes nothing and replaces nothing', async () => {
    const clock = { now: Date.UTC(2026, 5, 15) };
    const app = await journalWithNote(clock);
    try {
      const dataBase64 = await attackerBackup();
      const before = snapshot(app.dir);

      const missing = await app.call('data.deleteAll', { confirmation: 'delete my journal' });
      expect(missing.ok ? 'ok' : missing.error.code).toBe('INVALID_INPUT');
      const noCurrent = await app.call('data.restore', { dataBase64, passphrase: ATTACKER });
      expect(noCurrent.ok ? 'ok' : noCurrent.error.code).toBe('INVALID_INPUT');

      const wrongDelete = await app.call('data.deleteAll', {
        confirmation: 'delete my journal',
        currentPassphrase: 'not my passphrase',
      });
      expect(wrongDelete).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/^That passphrase is not right/) },
      });
      clock.now += 60_000;
      // The backup's own passphrase is right; the journal's is not.
      const wrongRestore = await app.call('data.restore', {
        dataBase64,
        passphrase: ATTACKER,
        currentPassphrase: ATTACKER,
      });
      expect(wrongRestore).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });

      expect(snapshot(app.dir)).toEqual(before);
      expect((await app.call('vault.status')).ok && app.backend.vault.isUnlocked).toBe(true);
      const day = await app.call('day.get', { date: '2026-06-01' });
      expect(day.ok && (day.value as { entry: { notes: string } }).entry.notes).toBe('mine');

      // With the right one, both work as before.
      clock.now += 60_000;
      const restored = await app.call('data.restore', {
        dataBase64,
        passphrase: ATTACKER,
        currentPassphrase: PASSPHRASE,
      });
      expect(restored.ok && (restored.value as { state: string }).state).toBe('locked');
      expect((await app.call('vault.unlock', { passphrase: ATTACKER })).ok).toBe(true);
      const deleted = await app.call('data.deleteAll', {
        confirmation: 'delete my journal',
        currentPassphrase: ATTACKER,
      });
      expect(deleted.ok && (deleted.value as { state: string }).state).toBe('absent');
    } finally {
      app.backend.dispose();
    }
  });

  it('wrong tries count under the unlock limiter: the next try waits, even with the right passphrase', async () => {
    const clock = { now: Date.UTC(2026, 5, 15) };
    const app = await journalWithNote(clock);
    try {
      const dataBase64 = await attackerBackup();
      const before = snapshot(app.dir);
      const guesses = ['guess one', 'guess two', 'guess three'];
      for (const [i, guess] of guesses.entries()) {
        const result =
          i % 2 === 0
            ? await app.call('data.deleteAll', { confirmation: 'delete my journal', currentPassphrase: guess })
            : await app.call('data.restore', { dataBase64, passphrase: ATTACKER, currentPassphrase: guess });
        expect(result.ok ? 'ok' : result.error.code).toBe('WRONG_PASSPHRASE');
      }
      const blocked = await app.call('data.deleteAll', {
        confirmation: 'delete my journal',
        currentPassphrase: PASSPHRASE,
      });
      expect(blocked).toMatchObject({
        ok: false,
        error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/Please wait \d+ seconds/) },
      });
      // The limiter is the one unlocking uses: after a lock, unlocking waits too.
      expect(snapshot(app.dir)).toEqual(before);
      clock.now += 3_000;
      const deleted = await app.call('data.deleteAll', {
        confirmation: 'delete my journal',
        currentPassphrase: PASSPHRASE,
      });
      expect(deleted.ok).toBe(true);
    } finally {
      app.backend.dispose();
    }
  });
});
