import sharp from 'sharp';
import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

const MARKER = 'AXIS-E2E-EXIF-MARKER';

async function cameraJpeg(color: string): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: color } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Copyright: MARKER },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

test('add photos through the file chooser, see them in the timeline without their hidden details, compare two', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);

  // From the day: the photo lands in the day and in the Photos timeline.
  await page.getByLabel('Body area').selectOption({ label: 'Cheeks' });
  await page
    .getByLabel(/^Photo \(JPEG/)
    .setInputFiles({ name: 'cheeks.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg('#c98f84') });
  await page.getByRole('button', { name: 'Add photo' }).click();
  await expect(page.getByRole('img', { name: 'Cheeks on this day' })).toBeVisible();

  // A file that is not a photo is refused with a clear message.
  await page
    .getByLabel(/^Photo \(JPEG/)
    .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just some text') });
  await page.getByRole('button', { name: 'Add photo' }).click();
  await expect(page.getByRole('alert')).toContainText(/not a photo the app can read/);

  await page.getByRole('button', { name: 'Photos', exact: true }).click();
  const form = page.getByRole('region', { name: /Add a photo/ });
  await form.getByLabel('Date').fill('2026-01-10');
  await form.getByLabel('Body area').selectOption({ label: 'Cheeks' });
  await form
    .getByLabel('Photo')
    .setInputFiles({ name: 'earlier.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg('#d9a79c') });
  await form.getByRole('button', { name: 'Add photo' }).click();
  await expect(
    page.getByRole('button', { name: /Cheeks, .*10 January 2026|Cheeks, .*January 10, 2026/ }),
  ).toBeVisible();
  await expectAccessible(page, 'photos timeline');
  await saveScreenshot(page, testInfo, 'photos');

  // The stored photos carry no EXIF or GPS: read them back through the app's own API.
  const stored = await page.evaluate(async () => {
    const post = (method: string, input: unknown): Promise<{ value: any }> =>
      fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      }).then((r) => r.json() as Promise<{ value: any }>);
    const list = await post('photos.list', {});
    return Promise.all(
      list.value.map((p: { id: number }) =>
        post('photos.image', { id: p.id, size: 'full' }).then((r) => r.value.dataBase64 as string),
      ),
    );
  });
  expect(stored).toHaveLength(2);
  for (const base64 of stored) {
    const bytes = Buffer.from(base64, 'base64');
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(2048);
  }

  // Compare the two dates side by side.
  await page.getByRole('button', { name: 'Compare two photos' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^Compare Cheeks/ }).all()) await box.check();
  await page.getByRole('button', { name: 'Show side by side' }).click();
  await expect(page.getByText(/days apart/)).toBeVisible();
  await expectAccessible(page, 'photo comparison');
  await saveScreenshot(page, testInfo, 'photo-compare');
});
