import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';

const journal = journalAppsClosedAfterEach();

/** A real camera-like JPEG: 4000×3000 with camera and GPS metadata. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 200, g: 120, b: 110 } } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Secret Model 9', Copyright: 'AXIS-EXIF-MARKER' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

describe('photos', () => {
  it('are re-encoded, downscaled to 2048 px and stripped of EXIF and GPS before they are stored', async () => {
    const app = await journal();
    const original = await cameraPhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes(Buffer.from('AXIS-EXIF-MARKER'))).toBe(true);

    const meta = await app.call('photos.add', {
      date: '2026-06-14',
      bodyArea: 'cheeks',
      mime: 'image/jpeg',
      dataBase64: original.toString('base64'),
    });
    expect(meta).toMatchObject({ date: '2026-06-14', bodyArea: 'cheeks', width: 2048, height: 1536 });

    const full = Buffer.from((await app.call('photos.image', { id: meta.id, size: 'full' })).dataBase64, 'base64');
    const stored = await sharp(full).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 2048, height: 1536 });
    expect(stored.exif).toBeUndefined();
    expect(full.includes(Buffer.from('AXIS-EXIF-MARKER'))).toBe(false);
    expect(full.includes(Buffer.from('Secret Model'))).toBe(false);
    const thumb = await sharp(
      Buffer.from((await app.call('photos.image', { id: meta.id, size: 'thumbnail' })).dataBase64, 'base64'),
    ).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
  });

  it('keep small photos at their size, accept PNG and WebP, and list by body area and date', async () => {
    const app = await journal();
    const png = await sharp({
      create: { width: 600, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#88aa99' } })
      .webp()
      .toBuffer();
    const a = await app.call('photos.add', {
      date: '2026-06-01',
      bodyArea: 'elbows',
      mime: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const b = await app.call('photos.add', {
      date: '2026-06-10',
      bodyArea: 'elbows',
      mime: 'image/webp',
      dataBase64: webp.toString('base64'),
    });
    await app.call('photos.add', {
      date: '2026-06-10',
      bodyArea: 'hands',
      mime: 'image/webp',
      dataBase64: webp.toString('base64'),
    });
    expect(a).toMatchObject({ width: 600, height: 800 });
    expect((await app.call('photos.list', { bodyArea: 'elbows' })).map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await app.call('photos.list', { date: '2026-06-10' })).map((p) => p.bodyArea).sort()).toEqual([
      'elbows',
      'hands',
    ]);
    await app.call('photos.delete', { id: a.id });
    expect((await app.call('photos.list', { bodyArea: 'elbows' })).map((p) => p.id)).toEqual([b.id]);
  });

  it('refuse files that are not photos, damaged photos, unsupported types, huge files and future dates — saving nothing', async () => {
    const app = await journal();
    const jpeg = await cameraPhoto();
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const add = (patch: object) =>
      app.dispatch('photos.add', {
        date: '2026-06-14',
        bodyArea: 'cheeks',
        mime: 'image/jpeg',
        dataBase64: jpeg.toString('base64'),
        ...patch,
      });
    const cases: [object, RegExp][] = [
      [
        { dataBase64: Buffer.from('this is a text file, not a photo').toString('base64') },
        /not a photo the app can read/,
      ],
      [
        { dataBase64: jpeg.subarray(0, jpeg.length / 3).toString('base64') },
        /could not be read completely|not a photo/,
      ],
      [{ dataBase64: gif.toString('base64') }, /Only JPEG, PNG and WebP/],
      [{ mime: 'image/gif' }, /Only JPEG, PNG and WebP/],
      [{ dataBase64: 'A'.repeat(36 * 1024 * 1024) }, /too large; the limit is 25 MB/],
      [{ dataBase64: '' }, /empty/],
      [{ dataBase64: 'not base64!' }, /did not arrive intact/],
      [{ date: '2026-06-16' }, /in the future/],
      [{ bodyArea: 'tail' }, /body area/],
    ];
    for (const [patch, message] of cases) {
      const result = await add(patch);
      expect(result.ok, JSON.stringify(patch).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await app.call('photos.list', {})).toEqual([]);
  });
});
