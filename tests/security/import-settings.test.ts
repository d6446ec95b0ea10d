import { afterAll, describe, expect, it } from 'vitest';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { importJournalJson } from '../../electron/core/data/importJson';
import { writeSetting } from '../../electron/core/db/settings';
import { type AppError } from '../../electron/core/errors';
import { readJournalSettings } from '../../electron/core/journal/catalog';
import { readMeditationSettings } from '../../electron/core/meditation/sessions';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L4: an import stored any `settings` keys and values: wrong types for the app's own
 * keys (journal.settings then read back a string spread into an object), megabytes of junk, and
 * values deep enough to crash with INTERNAL. Now only known keys with values of the right shape
 * are imported, and stored values are checked again when read.
 */

afterAll(removeTempDirs);

async function openVault() {
  const vault = fastVault(tempDir('axis-settings-'));
  await vault.create(PASSPHRASE);
  return vault;
}

function fileWith(vault: Awaited<ReturnType<typeof openVault>>, settings: unknown): unknown {
  return { ...exportJournalJson(vault.db, { photos: false, appVersion: 'test', now: new Date() }), settings };
}

async function importError(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('the import was not refused');
}

describe('L4: import settings', () => {
  it('refuses wrong types for the app own settings, and changes nothing', async () => {
    const vault = await openVault();
    const today = '2026-12-01';
    for (const settings of [
      { journal: 'not-an-object' },
      { meditation: { hideStreaks: 'sure' } },
      { meditation: { lastPlan: { evil: true } } },
      { 'insights.maxLag': 1e9 },
      { poem: [1, 2, 3] },
    ]) {
      const error = await importError(() =>
        importJournalJson(vault.db, fileWith(vault, settings), { dryRun: false, today }),
      );
      expect(error.code, JSON.stringify(settings)).toBe('IMPORT_INVALID');
      expect(error.message).toMatch(/at settings\./);
    }
    expect(readJournalSettings(vault.db)).toEqual({ trackCycle: false });
    vault.lock();
  });

  it('leaves out unknown keys (however big or deep) and imports the known ones', async () => {
    const vault = await openVault();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const summary = await importJournalJson(
      vault.db,
      fileWith(vault, {
        journal: { trackCycle: true },
        junk: 'x'.repeat(1_000_000),
        deep,
        constructor: { prototype: { polluted: true } },
      }),
      { dryRun: false, today: '2026-12-01' },
    );
    expect(summary.settings.replaced).toBe(1);
    expect(readJournalSettings(vault.db)).toEqual({ trackCycle: true });
    expect(vault.db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['journal']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    vault.lock();
  });

  it('a stored value of the wrong shape reads as the default', async () => {
    const vault = await openVault();
    writeSetting(vault.db, 'journal', 'not-an-object');
    writeSetting(vault.db, 'meditation', { hideStreaks: 'sure', lastPlan: { evil: true } });
    expect(readJournalSettings(vault.db)).toEqual({ trackCycle: false });
    expect(readMeditationSettings(vault.db)).toEqual({ hideStreaks: false, lastPlan: null });
    vault.lock();
  });
});
