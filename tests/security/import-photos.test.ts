import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportedJournal, journalAppsClosedAfterEach } from '../helpers/journalApp';
import { EMPTY_EXPORT } from '../helpers/importFile';

/*
 * Issue 13, L5: imported photos skipped the sanitiser. Only the first bytes were checked, so the
 * file's EXIF (GPS position included) was kept, its claimed dimensions were trusted, and a
 * non-image starting with ff d8 ff was stored and served back as image/jpeg.
 */

const openApp = journalAppsClosedAfterEach();
const GPS_MARKER = 'GPS 48.8584N 2.2945E';

/** A real 64×48 JPEG carrying a GPS position and a camera description in its EXIF. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c08060' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: GPS_MARKER, Make: 'Spy camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 50/1 3024/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4200/100',
      },
    })
    .toBuffer();
}

function fileWithPhoto(image: Buffer, claimed = { width: 19_999, height: 19_999 }) {
  return JSON.stringify({
    ...EMPTY_EXPORT,
    photos: [
      {
        date: '2026-06-01',
        bodyArea: 'cheeks',
        mime: 'image/jpeg',
        ...claimed,
        image: image.toString('base64'),
        thumbnail: image.toString('base64'),
      },
    ],
  });
}

describe('L5: imported photos go through the upload sanitiser', () => {
  it('a JPEG with GPS EXIF is re-encoded: no metadata, real dimensions, a fresh thumbnail', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes(Buffer.from(GPS_MARKER))).toBe(true);

    const app = await openApp();
    const content = fileWithPhoto(original);
    const summary = await app.call('data.import', { content, dryRun: false });
    expect(summary.photos).toEqual({ added: 1, alreadyThere: 0 });

    const [meta] = await app.call('photos.list', { date: '2026-06-01' });
    expect(meta).toMatchObject({ width: 64, height: 48 }); // not the 19,999 × 19,999 the file claimed
    for (const size of ['full', 'thumbnail'] as const) {
      const stored = await app.call('photos.image', { id: meta!.id, size });
      const bytes = Buffer.from(stored.dataBase64, 'base64');
      expect(stored.mime).toBe('image/jpeg');
      expect(bytes.includes(Buffer.from(GPS_MARKER))).toBe(false);
      expect(bytes.includes(Buffer.from('Spy camera'))).toBe(false);
      const read = await sharp(bytes).metadata();
      expect(read.format).toBe('jpeg');
      expect(read.exif).toBeUndefined();
    }

    // Importing the same file again finds the photo already there (by its re-encoded bytes).
    expect((await app.call('data.import', { content, dryRun: false })).photos).toEqual({ added: 0, alreadyThere: 1 });
    // And the app's own export of it imports as "already there" too.
    const exported = await app.call('data.exportJson', { photos: true });
    const again = await app.call('data.import', {
      content: Buffer.from(exported.dataBase64, 'base64').toString('utf8'),
      dryRun: true,
    });
    expect(again.photos).toEqual({ added: 0, alreadyThere: 1 });
  });

  it('a non-image disguised as a JPEG is refused with a clear message, and nothing changes', async () => {
    const app = await openApp();
    const fake = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe1]),
      Buffer.from(`Exif\0\0${GPS_MARKER}`),
      Buffer.alloc(2000),
    ]);
    const before = await exportedJournal(app);
    for (const dryRun of [true, false]) {
      await expect(app.call('data.import', { content: fileWithPhoto(fake), dryRun })).rejects.toMatchObject({
        code: 'IMPORT_INVALID',
        message:
          'A photo from 2026-06-01 cannot be imported: That file is not a photo the app can read (it may be damaged). Nothing was changed.',
      });
    }
    expect(await exportedJournal(app)).toEqual(before);
    expect(await app.call('photos.list', {})).toEqual([]);
  });
});
