import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../electron/core/importers/pipeline';
import { exportedJournal, journalAppsClosedAfterEach } from '../helpers/journalApp';
import { tempDir } from '../helpers/tempVault';

const openApp = journalAppsClosedAfterEach();

const exported = exportedJournal;

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const HEALTH_START =
  '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_GB">\n <Record type="HKCategoryTypeIdentifierMindfulSession" sourceName="Watch" startDate="2026-03-02 08:00:00 +0000" endDate="2026-03-02 08:10:00 +0000"/>\n';
const BEARABLE_HEADER = 'date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n';

const BAD: { name: string; file: string; format: string; data: Uint8Array | string; message: RegExp }[] = [
  {
    name: 'an empty file',
    file: 'empty.csv',
    format: 'auto',
    data: ' \n',
    message: /^The file is empty\. Nothing was changed\.$/,
  },
  {
    name: 'an image',
    file: 'photo.png',
    format: 'bearable',
    data: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    message: /^This file is not text, so it cannot be a Bearable export\./,
  },
  {
    name: 'an unknown CSV',
    file: 'bank.csv',
    format: 'auto',
    data: 'Payee,Amount\nShop,12\n',
    message: /^Axis Journal cannot tell which app made this file\. It expected one of: Bearable \(CSV export\); Daylio/,
  },
  {
    name: 'the wrong app',
    file: 'daylio.csv',
    format: 'bearable',
    data: 'full_date,date,weekday,time,mood,activities,note_title,note\n2026-03-01,,,,rad,,,\n',
    message: /^This is not a Bearable export: it should have the columns date, category/,
  },
  {
    name: 'a cut-short quote',
    file: 'cut.csv',
    format: 'bearable',
    data: `${BEARABLE_HEADER}2026-03-01,01-03-2026,Sunday,am,Mood,4,,"never closed\n`,
    message: /cannot be read as CSV.*a quote is not closed or the file is cut short/,
  },
  {
    name: 'dates that do not parse',
    file: 'dates.csv',
    format: 'daylio',
    data: 'full_date,date,weekday,time,mood,activities,note_title,note\n31-31-2026,,,,rad,,,\nyesterday,,,,meh,,,\n',
    message: /^The Daylio export has no entries with a date that could be read\./,
  },
  {
    name: 'a truncated export.xml',
    file: 'export.xml',
    format: 'apple-health',
    data: HEALTH_START,
    message: /^The Apple Health export cannot be read: it is damaged or cut short/,
  },
  {
    name: 'XML that is not Apple Health',
    file: 'export.xml',
    format: 'auto',
    data: '<?xml version="1.0"?><rss><channel/></rss>',
    message: /^This XML file is not an Apple Health export/,
  },
  {
    name: 'a zip without export.xml',
    file: 'export.zip',
    format: 'auto',
    data: zipSync({ 'photos/a.txt': strToU8('hello') }),
    message: /^This ZIP file has no export\.xml in it/,
  },
  {
    name: 'a damaged zip',
    file: 'export.zip',
    format: 'apple-health',
    data: zipSync({ 'apple_health_export/export.xml': strToU8(`${HEALTH_START}</HealthData>`) }).subarray(0, 60),
    message: /cut short|damaged/,
  },
  {
    name: 'a CSV bomb: too many columns',
    file: 'wide.csv',
    format: 'csv',
    data: `date,${Array.from({ length: 600 }, (_, i) => `c${i}`).join(',')}\n`,
    message: /has more than 500 columns/,
  },
  {
    name: 'a CSV bomb: a huge field',
    file: 'field.csv',
    format: 'csv',
    data: `date,note\n2026-03-01,"${'a'.repeat(150_000)}"\n`,
    message: /A field of the CSV file is longer than 100,000 characters/,
  },
];

describe('bad files are refused with a sentence naming the problem, and the journal is unchanged', () => {
  for (const bad of BAD) {
    it(bad.name, async () => {
      const app = await openApp();
      const before = await exported(app);
      const outcome = await app.dispatch('importFrom.propose', {
        fileName: bad.file,
        dataBase64: b64(bad.data),
        format: bad.format,
      });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('IMPORT_INVALID');
        expect(outcome.error.message).toMatch(bad.message);
      }
      expect(await exported(app)).toEqual(before);
      expect(app.backend.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }

  it('a 10 GB file is refused before it is read; too many rows are refused too', async () => {
    const dir = tempDir();
    const huge = join(dir, 'export.xml');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 10 * 1024 ** 3); // sparse: no disk used
    closeSync(fd);
    await expect(readSource('apple-health', { fileName: 'export.xml', path: huge })).rejects.toMatchObject({
      message: /^The file is larger than 6 GB/,
    });
    await expect(readSource('auto', { fileName: 'export.xml', path: huge })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
    const bigCsv = join(dir, 'big.csv');
    const fd2 = openSync(bigCsv, 'w');
    ftruncateSync(fd2, 200 * 1024 ** 2);
    closeSync(fd2);
    await expect(readSource('csv', { fileName: 'big.csv', path: bigCsv })).rejects.toMatchObject({
      message: /^The file is larger than 100 MB/,
    });
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, `date,n\n${'2026-01-01,1\n'.repeat(1_000_001)}`);
    await expect(readSource('csv', { fileName: 'rows.csv', path: rows })).rejects.toMatchObject({
      message: /has more than 1,000,000 rows/,
    });
  }, 60_000);

  it('the web host refuses an upload above its limit without reading it', async () => {
    const app = await openApp();
    const outcome = await app.dispatch('importFrom.propose', {
      fileName: 'x.csv',
      dataBase64: 'A'.repeat(34 * 1024 * 1024 + 1),
      format: 'auto',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.message).toMatch(
        /too large to import here in one piece.*use the command line \(axis import-from\)/,
      );
  });
});
