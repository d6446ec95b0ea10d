import type { DownloadFile } from '$contract/data';

/**
 * Files between the page and the backend travel as base64. These helpers turn them into bytes,
 * Blobs and back. Pure (no DOM) and unit-tested; `saveFile.ts` does the actual download.
 */

/** Bytes converted per String.fromCharCode call: well under every engine's argument limit. */
const CHUNK_BYTES = 0x8000;

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Base64 of any number of bytes, converted in chunks (a spread of millions of bytes would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES)));
  }
  return btoa(parts.join(''));
}

/** The file the backend prepared, as a Blob of its own type. */
export function downloadToBlob(file: DownloadFile): Blob {
  return new Blob([base64ToBytes(file.dataBase64)], { type: file.mime });
}

/** How many bytes base64 text stands for (without decoding it). */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** How many base64 characters a file of this many bytes becomes. */
export function base64Length(byteCount: number): number {
  return Math.ceil(byteCount / 3) * 4;
}

/** "840 bytes", "12 KB", "3.4 MB": a file's size in words. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const shown = value < 9.95 ? value.toFixed(1) : Math.round(value).toString();
  return `${shown.replace(/\.0$/, '')} ${units[unit]}`;
}

/** A chosen file's bytes as base64 (for a restore). */
export async function blobToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** The sentence shown once a file was handed over to be saved. */
export function savingMessage(file: DownloadFile): string {
  return `Saving ${file.fileName} (${formatFileSize(base64ByteLength(file.dataBase64))}), usually to your Downloads folder.`;
}
