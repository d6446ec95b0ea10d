import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64ByteLength,
  base64Length,
  base64ToBytes,
  blobToBase64,
  bytesToBase64,
  downloadToBlob,
  formatFileSize,
  savingMessage,
} from '../../renderer/src/views/Data/downloads';

describe('base64 and bytes', () => {
  it('round-trips every length around the chunk size, matching Node', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 2]) {
      const bytes = new Uint8Array(randomBytes(length));
      const base64 = bytesToBase64(bytes);
      expect(base64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(base64)).toEqual(bytes);
      expect(base64ByteLength(base64)).toBe(length);
      expect(base64Length(length)).toBe(base64.length);
    }
  });

  it('handles every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('converts a large file without overflowing the stack', () => {
    const bytes = new Uint8Array(randomBytes(6 * 1024 * 1024));
    const base64 = bytesToBase64(bytes);
    expect(base64.length).toBe(base64Length(bytes.length));
    expect(Buffer.from(base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads a chosen file (a Blob) as base64', async () => {
    const bytes = new Uint8Array(randomBytes(70_000));
    expect(await blobToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
    expect(await blobToBase64(new Blob([]))).toBe('');
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});

describe('downloadToBlob', () => {
  it('gives the bytes and the type the backend chose', async () => {
    const bytes = new Uint8Array(randomBytes(40_000));
    const blob = downloadToBlob({
      fileName: 'axis-journal-2026-01-31.zip',
      mime: 'application/zip',
      dataBase64: Buffer.from(bytes).toString('base64'),
    });
    expect(blob.type).toBe('application/zip');
    expect(blob.size).toBe(bytes.length);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('keeps text exactly (a JSON export in UTF-8)', async () => {
    const json = '{"notes":"Itchy élbows — 🥛 after dairy"}\n';
    const blob = downloadToBlob({
      fileName: 'a.json',
      mime: 'application/json',
      dataBase64: Buffer.from(json, 'utf8').toString('base64'),
    });
    expect(await blob.text()).toBe(json);
  });

  it('makes an empty Blob of an empty file', () => {
    expect(downloadToBlob({ fileName: 'empty', mime: 'text/plain', dataBase64: '' }).size).toBe(0);
  });
});

describe('file sizes in words', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 KB'],
    [1500, '1.5 KB'],
    [12_345, '12 KB'],
    [999_499, '999 KB'],
    [999_600, '1 MB'],
    [3_400_000, '3.4 MB'],
    [250_000_000, '250 MB'],
    [2_000_000_000, '2 GB'],
  ])('%d bytes → %s', (bytes, words) => {
    expect(formatFileSize(bytes)).toBe(words);
  });

  it('says which file is being saved, and how big it is', () => {
    const file = {
      fileName: 'axis-journal-2026-01-31.axisbackup',
      mime: 'application/octet-stream',
      dataBase64: Buffer.alloc(2_500).toString('base64'),
    };
    expect(savingMessage(file)).toBe(
      'Saving axis-journal-2026-01-31.axisbackup (2.5 KB), usually to your Downloads folder.',
    );
  });
});
