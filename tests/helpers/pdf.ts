/**
 * Reads a PDF the way a test needs it — page count, title, page sizes, the text of each page laid
 * out in lines, and pages as PNGs — with pdfjs-dist from the npm registry, so no apt tool
 * (poppler's pdftotext/pdfinfo/pdftoppm) is needed on the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';

export interface PdfFile {
  pages: number;
  title: string | undefined;
  /** Each page's size in PDF points (1/72 inch), as printed. */
  pageSizes: { width: number; height: number }[];
  /** The text of pages first..last (1-based, all by default), a line per line of print, pages separated by \f. */
  text(range?: { first: number; last: number }): string;
}

interface Positioned {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page's text in reading order: items on one baseline make a line, gaps wider than a thin space become a space. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  const items: Positioned[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    items.push({
      str: item.str,
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      height: Math.abs(item.transform[3]) || item.height,
    });
  }
  const lines: Positioned[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((candidate) => Math.abs(candidate[0]!.y - item.y) <= Math.max(2, item.height * 0.3));
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of line) {
        if (text !== '' && item.x - end > item.height * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' '))
          text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      return text;
    })
    .join('\n');
}

async function open(file: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
}

export async function readPdf(file: string): Promise<PdfFile> {
  const pdf = await open(file);
  try {
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    const texts: string[] = [];
    const pageSizes: PdfFile['pageSizes'] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0) });
      texts.push(await pageText(page));
    }
    return {
      pages: pdf.numPages,
      title: info.Title,
      pageSizes,
      text: (range) => texts.slice(range ? range.first - 1 : 0, range ? range.last : undefined).join('\n\f'),
    };
  } finally {
    await pdf.destroy();
  }
}

interface NodeCanvas {
  toBuffer(type: 'image/png'): Buffer;
}
type RenderCanvas = Parameters<PDFPageProxy['render']>[0]['canvas'];

/** Renders every page to `${prefix}-N.png` at `dpi`, for people to look at; returns the file names. */
export async function renderPdfPages(file: string, prefix: string, dpi = 60): Promise<string[]> {
  const pdf = await open(file);
  try {
    const written: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      // In Node, pdfjs draws on @napi-rs/canvas (its optional dependency) through this factory.
      const factory = pdf.canvasFactory as { create(width: number, height: number): { canvas: NodeCanvas } };
      const { canvas } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
      const name = `${prefix}-${n}.png`;
      writeFileSync(name, canvas.toBuffer('image/png'));
      written.push(name);
    }
    return written;
  } finally {
    await pdf.destroy();
  }
}
