import { existsSync, readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyDay } from '../../electron/core/day/days';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';
import { PASSPHRASE, snapshot } from '../helpers/tempVault';

const openApp = journalAppsClosedAfterEach();

async function appWithDays(notes: string[]) {
  const app = await openApp();
  for (const [i, note] of notes.entries())
    await app.call('day.save', { ...emptyDay(`2026-06-0${i + 1}`), notes: note });
  return app;
}

describe('your data, through the contract', () => {
  it('exports JSON that imports into another journal after a dry run', async () => {
    const source = await appWithDays(['one', 'two', 'three']);
    const file = await source.call('data.exportJson', { photos: false });
    expect(file).toMatchObject({ fileName: 'axis-journal-2026-06-15.json', mime: 'application/json' });
    const content = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    const target = await appWithDays(['mine']);
    const dry = await target.call('data.import', { content, dryRun: true });
    expect(dry.days).toEqual({ added: 2, replaced: 1 });
    expect((await target.call('day.get', { date: '2026-06-02' })).saved).toBe(false);
    await target.call('data.import', { content, dryRun: false });
    expect((await target.call('day.get', { date: '2026-06-02' })).entry.notes).toBe('two');
    await expect(target.call('data.import', { content: '{not json', dryRun: false })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: 'This file is not an Axis Journal export (JSON). Nothing was changed.',
    });
  });

  it('exports the CSV files as one ZIP', async () => {
    const app = await appWithDays(['a, "quoted" note']);
    const file = await app.call('data.exportCsv');
    expect(file.fileName).toBe('axis-journal-csv-2026-06-15.zip');
    const files = unzipSync(Buffer.from(file.dataBase64, 'base64'));
    expect(Object.keys(files)).toContain('axis-journal-csv-2026-06-15/daily.csv');
    expect(strFromU8(files['axis-journal-csv-2026-06-15/days.csv']!)).toContain('"a, ""quoted"" note"');
  });

  it('restores a downloaded backup only after checking its passphrase, then asks to unlock', async () => {
    const app = await appWithDays(['kept in the backup']);
    const backup = await app.call('data.backup');
    expect(backup.fileName).toBe('axis-journal-2026-06-15.axisbackup');
    await app.call('day.save', { ...emptyDay('2026-06-05'), notes: 'written after the backup' });
    await expect(
      app.call('data.restore', {
        dataBase64: backup.dataBase64,
        passphrase: 'wrong passphrase',
        currentPassphrase: PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await app.call('vault.status')).state).toBe('unlocked');
    const status = await app.call('data.restore', {
      dataBase64: backup.dataBase64,
      passphrase: PASSPHRASE,
      currentPassphrase: PASSPHRASE,
    });
    expect(status.state).toBe('locked');
    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await app.call('day.get', { date: '2026-06-01' })).entry.notes).toBe('kept in the backup');
    expect((await app.call('day.get', { date: '2026-06-05' })).saved).toBe(false);
    expect(readdirSync(app.dir).some((name) => name.startsWith('before-restore-'))).toBe(true);
    await expect(
      app.call('data.restore', {
        dataBase64: Buffer.from('nonsense').toString('base64'),
        passphrase: PASSPHRASE,
        currentPassphrase: PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
  });

  it('deletes everything only with the typed words', async () => {
    const app = await appWithDays(['private']);
    const before = snapshot(app.dir);
    await expect(app.call('data.deleteAll', { confirmation: 'delete', currentPassphrase: PASSPHRASE })).rejects.toThrow(
      'Type "delete my journal" to confirm.',
    );
    expect(snapshot(app.dir)).toEqual(before);
    const status = await app.call('data.deleteAll', {
      confirmation: ' Delete my journal ',
      currentPassphrase: PASSPHRASE,
    });
    expect(status.state).toBe('absent');
    expect(existsSync(`${app.dir}/journal.db`)).toBe(false);
    expect(existsSync(`${app.dir}/vault.json`)).toBe(false);
    await expect(app.call('day.get', { date: '2026-06-01' })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
