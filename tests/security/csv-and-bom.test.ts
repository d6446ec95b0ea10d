import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { csvDocument, csvField } from '../../electron/core/data/csv';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

/* Issue 13: CSV formula injection (a food named =HYPERLINK(…) ran in a spreadsheet), and a UTF-8 BOM made an export un-importable. */

afterAll(removeTempDirs);

describe('CSV formula injection', () => {
  it('text that a spreadsheet would run as a formula is written as text; numbers stay numbers', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    for (const start of ['+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}1+1`).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('kefir')).toBe('kefir');
    expect(csvDocument(['name'], [['@SUM(A1)']])).toBe("name\r\n'@SUM(A1)\r\n");
  });
});

describe('UTF-8 byte-order mark', () => {
  it('an export saved by an editor that adds a BOM imports', async () => {
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'web',
      version: 'test',
      scryptCost: FAST_SCRYPT,
    });
    try {
      await dispatch('vault.create', { passphrase: PASSPHRASE });
      const exported = await dispatch('data.exportJson', { photos: false });
      if (!exported.ok) throw new Error(exported.error.message);
      const text = Buffer.from((exported.value as { dataBase64: string }).dataBase64, 'base64').toString('utf8');
      const result = await dispatch('data.import', { content: `\uFEFF${text}`, dryRun: true });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    } finally {
      backend.dispose();
    }
  });
});
