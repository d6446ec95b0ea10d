import { FALLBACK_COLORS, readChartColors, type ChartColors, type ReadVariable } from './chartTheme';

/**
 * What a chart needs from the page: its colours (from CSS variables), the page's font and
 * whether the person asked for reduced motion. `follow()` keeps them current when the theme
 * (the data-theme attribute, or the system's light/dark setting) or the motion setting changes.
 */
export class ChartThemeWatcher<Colors = ChartColors> {
  colors: Colors;
  fontFamily = $state<string | undefined>(undefined);
  reducedMotion = $state(false);

  constructor(
    private readonly readColors: (read: ReadVariable) => Colors,
    fallback: Colors,
  ) {
    this.colors = $state(fallback);
  }

  /** Reads the variables as seen from `element` (default: the root) and follows changes; returns a stop function. */
  follow(element: Element = document.documentElement): () => void {
    const read = (): void => {
      const style = getComputedStyle(element);
      this.colors = this.readColors((name) => style.getPropertyValue(name));
      this.fontFamily = getComputedStyle(document.body).fontFamily || undefined;
    };
    read();
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = motion.matches;
    const motionChanged = (event: MediaQueryListEvent): void => {
      this.reducedMotion = event.matches;
    };
    const dark = matchMedia('(prefers-color-scheme: dark)');
    // The theme is the data-theme attribute (light, dark or absent = follow the system).
    const observer = new MutationObserver(read);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    dark.addEventListener('change', read);
    motion.addEventListener('change', motionChanged);
    return () => {
      observer.disconnect();
      dark.removeEventListener('change', read);
      motion.removeEventListener('change', motionChanged);
    };
  }
}

/** The plain colours every chart uses, read from the root element. */
export function chartColorsWatcher(): ChartThemeWatcher<ChartColors> {
  return new ChartThemeWatcher(readChartColors, FALLBACK_COLORS);
}
