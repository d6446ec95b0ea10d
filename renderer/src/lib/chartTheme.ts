/**
 * Chart colours from the theme's CSS variables, shared by every Chart.js chart. Pure: the
 * caller passes `read('--accent')` (getComputedStyle(element).getPropertyValue), so this runs
 * and is tested under plain Node. `chartThemeWatcher.svelte.ts` follows theme changes.
 */

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  bar: string;
  barHover: string;
  surface: string;
}

/** Reads one CSS variable; '' when it is not set. */
export type ReadVariable = (name: string) => string;

/** The light theme's values, used when a CSS variable cannot be read. */
export const FALLBACK_COLORS: ChartColors = {
  text: '#1d2624',
  muted: '#4f5b58',
  grid: '#d5d3ca',
  bar: '#2c6a5d',
  barHover: '#235548',
  surface: '#ffffff',
};

/** A variable's value, or the fallback when it is unset. */
export function pickVariable(read: ReadVariable, name: string, fallback: string): string {
  return read(name).trim() || fallback;
}

/** Reads the theme (`read('--accent')` → getComputedStyle(root).getPropertyValue). */
export function readChartColors(read: ReadVariable): ChartColors {
  return {
    text: pickVariable(read, '--text', FALLBACK_COLORS.text),
    muted: pickVariable(read, '--muted', FALLBACK_COLORS.muted),
    grid: pickVariable(read, '--border', FALLBACK_COLORS.grid),
    bar: pickVariable(read, '--accent', FALLBACK_COLORS.bar),
    barHover: pickVariable(read, '--accent-hover', FALLBACK_COLORS.barHover),
    surface: pickVariable(read, '--surface', FALLBACK_COLORS.surface),
  };
}

/** `--<prefix>-1` … `--<prefix>-n`, each falling back to the given colour. */
export function readPalette(read: ReadVariable, prefix: string, fallbacks: readonly string[]): string[] {
  return fallbacks.map((fallback, i) => pickVariable(read, `--${prefix}-${i + 1}`, fallback));
}

/** A hex colour (#rgb or #rrggbb) with an alpha, as rgba(); other colour strings are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The tooltip look every chart shares: the theme's surface, text and border, the page's font. */
export function themedTooltip(colors: ChartColors, font?: { family: string }) {
  return {
    backgroundColor: colors.surface,
    titleColor: colors.text,
    bodyColor: colors.text,
    borderColor: colors.grid,
    borderWidth: 1,
    ...(font ? { titleFont: font, bodyFont: font } : {}),
  };
}
