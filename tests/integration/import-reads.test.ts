import { describe, expect, it } from 'vitest';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';
import { PASSPHRASE } from '../helpers/tempVault';

const openApp = journalAppsClosedAfterEach();

const EXPORT = Buffer.from(
  '<?xml version="1.0"?>\n<HealthData locale="en_GB">\n' +
    Array.from(
      { length: 200 },
      (_, i) =>
        ` <Record type="HKCategoryTypeIdentifierMindfulSession" sourceName="Watch" startDate="2026-03-${String((i % 28) + 1).padStart(2, '0')} 08:00:00 +0000" endDate="2026-03-${String((i % 28) + 1).padStart(2, '0')} 08:10:00 +0000"/>\n`,
    ).join('') +
    '</HealthData>\n',
);

async function* pieces(bytes: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Background reads of large exports in the core (on the calling thread when no worker is built). */
describe('import reads (upload streamed into the parser)', () => {
  it('reads an upload as it arrives, then the mapping names it by id; the read ends with the journal lock', async () => {
    const app = await openApp();
    const started = await app.call('importFrom.startUpload', { fileName: 'export.xml', size: EXPORT.length });
    expect(started).toMatchObject({ state: 'reading', done: 0, total: EXPORT.length });
    await app.backend.importReads.feed(started.readId, pieces(EXPORT));
    await expect
      .poll(async () => (await app.call('importFrom.readStatus', { readId: started.readId })).state)
      .toBe('ready');
    const { mapping, summary } = await app.call('importFrom.propose', {
      fileName: 'export.xml',
      readId: started.readId,
      format: 'auto',
    });
    expect(mapping.format).toBe('apple-health');
    expect(summary.days.inFile).toBe(28);
    await expect(
      app.call('importFrom.propose', {
        fileName: 'export.xml',
        readId: started.readId,
        dataBase64: 'eA==',
        format: 'auto',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    app.backend.lock('user');
    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    await expect(app.call('importFrom.readStatus', { readId: started.readId })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'That file is no longer open for importing. Please choose it again.',
    });
  });

  it('fails a body shorter than announced, and a new file replaces the read before it', async () => {
    const app = await openApp();
    const short = await app.call('importFrom.startUpload', { fileName: 'export.xml', size: EXPORT.length + 10 });
    expect((await app.backend.importReads.feed(short.readId, pieces(EXPORT))).state).toBe('failed');
    expect(await app.call('importFrom.readStatus', { readId: short.readId })).toMatchObject({
      state: 'failed',
      message: 'The upload stopped before the whole file arrived. Nothing was changed.',
    });
    const cut = await app.call('importFrom.startUpload', { fileName: 'export.xml', size: 100 });
    await app.backend.importReads.feed(cut.readId, pieces(EXPORT.subarray(0, 100)));
    await expect
      .poll(async () => (await app.call('importFrom.readStatus', { readId: cut.readId })).message)
      .toMatch(/^The Apple Health export cannot be read: it is damaged or cut short/);
    await expect(app.call('importFrom.readStatus', { readId: short.readId })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // A connection that breaks part-way (the page closed) ends the read too.
    const broken = await app.call('importFrom.startUpload', { fileName: 'export.xml', size: EXPORT.length });
    async function* breaks(): AsyncGenerator<Uint8Array> {
      yield EXPORT.subarray(0, 500);
      throw new Error('aborted');
    }
    expect((await app.backend.importReads.feed(broken.readId, breaks())).state).toBe('failed');
    expect(await app.call('importFrom.history')).toEqual([]);
  });
});
