// Copies the README's pictures of the main views from the latest `npm run screenshots` output
// (screenshots/, git-ignored) into docs/images/readme-*.png: the top of each view at the window
// size the screenshots use, scaled to 900 px wide. `npm run readme-images` runs both steps, so the
// README never shows a view as it used to be.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { root } from './lib/build.mjs';

const SOURCE = join(root, 'screenshots');
const TARGET = join(root, 'docs', 'images');
const WIDTH = 900;
/** Height of the window the screenshots are taken in (playwright.screenshots.config.ts). */
const VIEWPORT_HEIGHT = 820;

/** README picture ← screenshot. Keep in step with the table at the top of README.md. */
export const README_IMAGES = {
  'readme-day.png': '10-day-light.png',
  'readme-journal.png': '11-journal-calendar-dark.png',
  'readme-trends.png': '20-trends-light.png',
  'readme-insights.png': '21-insights-dark.png',
  'readme-report.png': '29-report-light.png',
  'readme-meditation.png': '18-meditation-session-dark.png',
  'readme-eczema-check.png': '25-poem-light.png',
  'readme-photos.png': '14-photos-light.png',
};

const missing = Object.values(README_IMAGES).filter((name) => !existsSync(join(SOURCE, name)));
if (missing.length > 0) {
  console.error(`Missing in screenshots/: ${missing.join(', ')}. Run \`npm run screenshots\` first.`);
  process.exit(1);
}
for (const [target, source] of Object.entries(README_IMAGES)) {
  const path = join(SOURCE, source);
  const { width, height } = await sharp(path).metadata();
  await sharp(path)
    .extract({ left: 0, top: 0, width, height: Math.min(height, VIEWPORT_HEIGHT) })
    .resize({ width: WIDTH })
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toFile(join(TARGET, target));
  console.log(`docs/images/${target} ← screenshots/${source} (${statSync(path).mtime.toISOString()})`);
}
