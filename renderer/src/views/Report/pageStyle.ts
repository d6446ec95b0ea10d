import { PAPER_SIZES, type PaperSize } from '$contract/reportTerms';

/**
 * The printed page: its size, margins and the running header and footer (period, patient and
 * "Page x of y" in the page-margin boxes). These differ per report, and the Content-Security-
 * Policy allows no inline <style>, so adoptPageStyle.ts puts them into a constructed style sheet
 * (CSSOM) that lives only while the report view is open. Pure.
 */

export interface PageHeader {
  paper: PaperSize;
  /** "Skin and gut report · Alex Smith". */
  title: string;
  /** "16 Jun 2025 to 15 Jun 2026". */
  period: string;
  /** "Axis Journal · prepared 15 Jun 2026". */
  footer: string;
}

/** Page margins in millimetres: room for the header and footer lines. */
export const PAGE_MARGINS_MM = { top: 17, right: 15, bottom: 17, left: 15 };

/** A CSS string literal: quotes, backslashes and line breaks escaped, control characters dropped. */
export function cssString(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function paperCssSize(paper: PaperSize): string {
  return PAPER_SIZES.find((size) => size.key === paper)!.css;
}

export function pageCss(header: PageHeader): string {
  const box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #333;';
  const m = PAGE_MARGINS_MM;
  return `@page {
  size: ${paperCssSize(header.paper)};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left { content: ${cssString(header.title)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(header.period)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(header.footer)}; ${box} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }
}`;
}
