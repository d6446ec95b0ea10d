import { z } from 'zod';
import { isoDate } from './journal';
import { BODY_AREA_KEYS, PHOTO_MAX_BYTES, PHOTO_TYPES, type BodyArea } from './journalTerms';

/** Base64 grows data by a third; allow a little header room. */
const MAX_BASE64_CHARS = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 1024;

export interface PhotoMeta {
  id: number;
  date: string;
  bodyArea: BodyArea;
  width: number;
  height: number;
  createdAt: string;
}

export interface PhotoImage {
  mime: string;
  dataBase64: string;
}

const bodyArea = z.enum(BODY_AREA_KEYS, { error: 'Choose which body area the photo shows.' });

export const photoSchemas = {
  add: z
    .object({
      date: isoDate,
      bodyArea,
      mime: z.enum(PHOTO_TYPES, { error: 'Only JPEG, PNG and WebP photos can be added.' }),
      dataBase64: z
        .string()
        .max(MAX_BASE64_CHARS, `That photo is too large; the limit is ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The photo did not arrive intact. Please try again.'),
    })
    .strict(),
  list: z.object({ bodyArea: bodyArea.optional(), date: isoDate.optional() }).strict(),
  image: z.object({ id: z.number().int().positive(), size: z.enum(['thumbnail', 'full']) }).strict(),
  remove: z.object({ id: z.number().int().positive() }).strict(),
};
