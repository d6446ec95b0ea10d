import type { PhotoMeta, Result } from '$contract';
import { BODY_AREAS, PHOTO_MAX_BYTES, PHOTO_TYPES, type BodyArea } from '$contract/journalTerms';
import { call } from './api';
import { shortDate, todayIso } from './dates';
import { registerForgetOnLock } from './session.svelte';

/**
 * Decrypted photos as the page holds them: object URLs made from the bytes the backend sends,
 * one per photo and size, kept until the journal locks (or the photo is deleted).
 */
type Size = 'thumbnail' | 'full';

const urls = new Map<string, string>();
const pending = new Map<string, Promise<string>>();
/** Which request is current for a key; forgetting drops it, so a late answer makes no URL. */
const tickets = new Map<string, object>();

const key = (id: number, size: Size): string => `${id}:${size}`;

/** An object URL for a photo (made once, then reused). Rejects with a readable message. */
export async function photoUrl(id: number, size: Size): Promise<string> {
  const k = key(id, size);
  const known = urls.get(k);
  if (known) return known;
  const inFlight = pending.get(k);
  if (inFlight) return inFlight;

  const ticket = {};
  tickets.set(k, ticket);
  const request = (async () => {
    try {
      const result = await call('photos.image', { id, size });
      if (!result.ok) throw new Error(result.error.message);
      // Forgotten meanwhile (the journal locked, or the photo was deleted): make no URL.
      if (tickets.get(k) !== ticket) throw new Error('This photo is no longer available.');
      const url = URL.createObjectURL(base64ToBlob(result.value.dataBase64, result.value.mime));
      urls.set(k, url);
      return url;
    } finally {
      if (tickets.get(k) === ticket) {
        pending.delete(k);
        tickets.delete(k);
      }
    }
  })();
  pending.set(k, request);
  return request;
}

/** Revokes every object URL and forgets them all. Runs when the journal locks. */
export function forgetPhotoUrls(): void {
  for (const url of urls.values()) URL.revokeObjectURL(url);
  urls.clear();
  pending.clear();
  tickets.clear();
}

/** Drops one photo's object URLs (both sizes), for example after it was deleted. */
export function forgetPhotoUrl(id: number): void {
  for (const size of ['thumbnail', 'full'] as const) {
    const k = key(id, size);
    const url = urls.get(k);
    if (url) URL.revokeObjectURL(url);
    urls.delete(k);
    pending.delete(k);
    tickets.delete(k);
  }
}

registerForgetOnLock(forgetPhotoUrls);

function base64ToBlob(dataBase64: string, mime: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/* ------------------------------------------------------------------ words */

const AREA_LABELS = new Map<string, string>(BODY_AREAS.map((area) => [area.key, area.label]));

export function bodyAreaLabel(area: BodyArea): string {
  return AREA_LABELS.get(area) ?? area;
}

/** "Cheeks, 14 June 2026": the alt text and name of a photo everywhere. */
export function photoLabel(photo: Pick<PhotoMeta, 'bodyArea' | 'date'>): string {
  return `${bodyAreaLabel(photo.bodyArea)}, ${shortDate(photo.date)}`;
}

/* ------------------------------------------------------------------ adding */

const MB = 1024 * 1024;
const EXTENSION_TYPES: Record<string, (typeof PHOTO_TYPES)[number]> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

function photoType(file: File): (typeof PHOTO_TYPES)[number] | null {
  const stated = (PHOTO_TYPES as readonly string[]).includes(file.type)
    ? (file.type as (typeof PHOTO_TYPES)[number])
    : null;
  if (stated) return stated;
  // Some systems give no type at all; then go by the name. The backend reads the real format anyway.
  if (file.type === '') return EXTENSION_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
  return null;
}

/** What is wrong with a chosen file, in words, or null when it can be sent. */
export function photoFileProblem(file: File): string | null {
  if (!photoType(file)) {
    const heic = /\.(heic|heif)$/i.test(file.name) || /hei[cf]/i.test(file.type);
    return (
      `Only JPEG, PNG and WebP photos can be added; “${file.name}” is a different kind of file.` +
      (heic ? ' Photos in HEIC format (common on iPhones) need to be saved or exported as JPEG first.' : '')
    );
  }
  if (file.size === 0) return `“${file.name}” is empty. Please choose another photo.`;
  if (file.size > PHOTO_MAX_BYTES) {
    return `That photo is ${(file.size / MB).toFixed(1)} MB; the limit is ${PHOTO_MAX_BYTES / MB} MB. Please choose a smaller photo.`;
  }
  return null;
}

const refuse = (message: string): Result<PhotoMeta> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/**
 * Checks a photo, reads it and sends it to the journal. The backend resizes it, strips its
 * metadata and stores it encrypted. Every failure comes back as a Result with a message in words.
 */
export async function addPhoto(file: File, date: string, bodyArea: BodyArea): Promise<Result<PhotoMeta>> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse('Choose the date the photo was taken.');
  if (date > todayIso()) return refuse('That date is in the future. Choose today or an earlier day.');
  if (!AREA_LABELS.has(bodyArea)) return refuse('Choose which body area the photo shows.');
  const problem = photoFileProblem(file);
  if (problem) return refuse(problem);
  const mime = photoType(file)!;

  let dataBase64: string;
  try {
    dataBase64 = await bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return refuse(`“${file.name}” could not be read. Please try again or choose another photo.`);
  }
  return call('photos.add', { date, bodyArea, mime, dataBase64 });
}

/**
 * Base64 in pieces: each piece is a multiple of 3 bytes, so the pieces join without padding in
 * between, and no single string or argument list gets huge (25 MB photos are fine). Pauses
 * between large pieces so the page can show that it is working.
 */
async function bytesToBase64(bytes: Uint8Array): Promise<string> {
  const ARGS = 0x3000; // 12,288 bytes per String.fromCharCode call (a multiple of 3)
  const PIECE = ARGS * 64; // ~786 KB per btoa
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += PIECE) {
    const piece = bytes.subarray(start, start + PIECE);
    let binary = '';
    for (let i = 0; i < piece.length; i += ARGS) {
      binary += String.fromCharCode(...piece.subarray(i, i + ARGS));
    }
    parts.push(btoa(binary));
    if (parts.length % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return parts.join('');
}
