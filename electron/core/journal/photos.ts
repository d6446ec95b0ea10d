import sharp from 'sharp';
import type { BodyArea } from '../../contract/journalTerms';
import { PHOTO_MAX_BYTES, PHOTO_MAX_SIDE } from '../../contract/journalTerms';
import type { PhotoImage, PhotoMeta } from '../../contract/photos';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { timestamp } from '../clock';

const THUMBNAIL_SIDE = 320;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
/** Refuse absurd dimensions before decoding (a small file can claim a huge image). */
const MAX_INPUT_PIXELS = 120_000_000;

interface PhotoRow {
  id: number;
  date: string;
  body_area: BodyArea;
  width: number;
  height: number;
  created_at: string;
}

function toMeta(row: PhotoRow): PhotoMeta {
  return {
    id: row.id,
    date: row.date,
    bodyArea: row.body_area,
    width: row.width,
    height: row.height,
    createdAt: row.created_at,
  };
}

function problem(message: string): AppError {
  return new AppError('INVALID_INPUT', `${message} The photo was not saved.`);
}

/**
 * Re-encodes a photo before it is stored: turned upright, downscaled so its longest side is at
 * most 2048 px, saved as JPEG. Re-encoding drops every bit of metadata (EXIF, GPS, camera).
 * The file's real format is read from its content, whatever its name or stated type.
 */
export async function preparePhoto(
  data: Buffer,
): Promise<{ image: Buffer; thumbnail: Buffer; width: number; height: number }> {
  if (data.length === 0) throw problem('That file is empty.');
  if (data.length > PHOTO_MAX_BYTES) {
    throw problem(
      `That photo is ${(data.length / 1024 / 1024).toFixed(0)} MB; the limit is ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`,
    );
  }
  let format: string | undefined;
  try {
    format = (await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw problem('That file is not a photo the app can read (it may be damaged).');
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw problem('Only JPEG, PNG and WebP photos can be added.');
  try {
    const upright = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' });
    const { data: image, info } = await upright
      .clone()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 86, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright
      .clone()
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { image, thumbnail, width: info.width, height: info.height };
  } catch {
    throw problem('That photo could not be read completely (it may be damaged).');
  }
}

export function insertPhoto(
  db: Db,
  input: { date: string; bodyArea: BodyArea },
  prepared: Awaited<ReturnType<typeof preparePhoto>>,
): PhotoMeta {
  const id = db
    .prepare(
      'INSERT INTO photos (date, body_area, mime, width, height, image, thumbnail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      input.date,
      input.bodyArea,
      'image/jpeg',
      prepared.width,
      prepared.height,
      prepared.image,
      prepared.thumbnail,
      timestamp(db),
    ).lastInsertRowid;
  return toMeta(
    db.prepare('SELECT id, date, body_area, width, height, created_at FROM photos WHERE id = ?').get(id) as PhotoRow,
  );
}

export function listPhotos(
  db: Db,
  filter: { bodyArea?: BodyArea | undefined; date?: string | undefined },
): PhotoMeta[] {
  const rows = db
    .prepare(
      `SELECT id, date, body_area, width, height, created_at FROM photos
       WHERE (@area IS NULL OR body_area = @area) AND (@date IS NULL OR date = @date) ORDER BY date DESC, id DESC`,
    )
    .all({ area: filter.bodyArea ?? null, date: filter.date ?? null }) as PhotoRow[];
  return rows.map(toMeta);
}

export function readPhoto(db: Db, id: number, size: 'thumbnail' | 'full'): PhotoImage {
  const column = size === 'thumbnail' ? 'thumbnail' : 'image';
  const row = db.prepare(`SELECT mime, ${column} AS bytes FROM photos WHERE id = ?`).get(id) as
    { mime: string; bytes: Buffer } | undefined;
  if (!row) throw new AppError('INVALID_INPUT', 'That photo no longer exists.');
  return { mime: row.mime, dataBase64: row.bytes.toString('base64') };
}

export function deletePhoto(db: Db, id: number): void {
  db.prepare('DELETE FROM photos WHERE id = ?').run(id);
}
