import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../electron/contract';
import { emptyDay } from '../../electron/core/day/days';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';
import { PASSPHRASE } from '../helpers/tempVault';

/**
 * "Needs an open journal" is declared per method in the contract and checked once, by the
 * dispatcher, before the handler runs (docs/architecture.md). Called while the journal is locked,
 * every such method gives the app's locked error — whatever input came with it — and changes
 * nothing; the few that open, make or describe the journal still answer.
 */
const openApp = journalAppsClosedAfterEach();

/** The methods that work on a locked (or not yet made) journal: a change here is deliberate. */
const WITHOUT_JOURNAL = [
  'app.info',
  'app.activity',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.lock',
];

const LOCKED = { code: 'VAULT_LOCKED', message: 'Your journal is locked. Unlock it to continue.' };

describe('methods that need an open journal', () => {
  it('are every method but the ones that open, make or describe the journal', () => {
    const declared = METHOD_NAMES.filter((method) => !contract[method].needsOpenJournal);
    expect(declared).toEqual(WITHOUT_JOURNAL);
  });

  it('each answer the locked error while the journal is locked, and change nothing', async () => {
    const app = await openApp();
    await app.call('day.save', { ...emptyDay('2026-06-14'), notes: 'Kept through the lock.' });
    await app.call('vault.lock');
    const needing = METHOD_NAMES.filter((method) => contract[method].needsOpenJournal);
    expect(needing.length).toBeGreaterThan(60);
    for (const method of needing) {
      for (const input of [undefined, {}, { date: '2026-06-14' }, 'not an object']) {
        const result = await app.dispatch(method, input);
        expect(result, `${method} with ${JSON.stringify(input)}`).toEqual({ ok: false, error: LOCKED });
      }
    }
    expect(app.backend.vault.isUnlocked).toBe(false);
    expect(await app.call('vault.status')).toMatchObject({ state: 'locked' });
    expect(await app.call('app.info')).toMatchObject({ host: 'web' });

    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    const day = await app.call('day.get', { date: '2026-06-14' });
    expect(day).toMatchObject({ saved: true, entry: { notes: 'Kept through the lock.' } });
  });
});
