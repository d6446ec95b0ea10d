import { FALLBACK_COLORS, pickVariable, readChartColors, readPalette, type ReadVariable } from '../../lib/chartTheme';
import { FALLBACK_SERIES, type TrendsColors } from './timeChart';

/** The Trends colours: the shared chart colours plus the view's own palette (`--chart-1` … in Trends.svelte). */
export function readTrendsColors(read: ReadVariable): TrendsColors {
  const base = readChartColors(read);
  return {
    ...base,
    series: readPalette(read, 'chart', FALLBACK_SERIES),
    itch: pickVariable(read, '--chart-itch', base.muted),
    overlay: pickVariable(read, '--chart-overlay', '#a86a00'),
    flareOutline: base.text,
  };
}

export const FALLBACK_TRENDS_COLORS: TrendsColors = readTrendsColors(() => '');

export { FALLBACK_COLORS };
