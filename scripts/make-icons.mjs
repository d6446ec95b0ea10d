// `npm run icons [-- --out DIR]`: renders resources/icon.svg (the app's one icon) into what
// electron-builder reads from build/: icons/NxN.png for Linux, icon.png, icon.ico (Windows) and
// icon.icns (macOS). sharp draws every PNG from the vector, so small sizes stay sharp; png2icons
// packs the 1024 px PNG into ICO and ICNS.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import png2icons from 'png2icons';
import sharp from 'sharp';
import { root } from './lib/build.mjs';

export const SOURCE_SVG = join(root, 'resources', 'icon.svg');
/** The sizes electron-builder's Linux targets look for in build/icons (named `NxN.png`). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Renders one square PNG of `size` pixels from the SVG, at the density that gives that size. */
async function renderPng(svg, size) {
  const viewBox = /viewBox="[\d.\s-]+?\s([\d.]+)\s+([\d.]+)"/.exec(svg.toString('utf8'));
  const width = viewBox ? Number(viewBox[1]) : 48;
  return sharp(svg, { density: (72 * size) / width })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}

/** Writes the icon set into `outDir` (default build/) and returns the paths written. */
export async function makeIcons({ outDir = join(root, 'build'), source = SOURCE_SVG } = {}) {
  const svg = readFileSync(source);
  const iconsDir = join(outDir, 'icons');
  mkdirSync(iconsDir, { recursive: true });
  const written = [];
  const write = (path, data) => {
    writeFileSync(path, data);
    written.push(path);
  };

  let largest;
  for (const size of PNG_SIZES) {
    const png = await renderPng(svg, size);
    write(join(iconsDir, `${size}x${size}.png`), png);
    largest = png;
  }
  write(join(outDir, 'icon.png'), largest);

  // Lossless (0 colours); ICO chunks as PNG, except BMP below 64 px for older Windows dialogs.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the icon');
  write(join(outDir, 'icon.ico'), ico);
  write(join(outDir, 'icon.icns'), icns);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = values.out ? resolve(values.out) : undefined;
  const written = await makeIcons(outDir ? { outDir } : {});
  console.log(`Wrote ${written.length} icon files to ${outDir ?? join(root, 'build')}.`);
}
