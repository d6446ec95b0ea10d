import { Chart, type ChartConfiguration, type ChartType, type DefaultDataPoint } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * A Chart.js chart on a canvas, as a Svelte attachment: `<canvas {@attach chartOn(() => config)}>`.
 * The chart is created when the canvas appears and destroyed with it (a "Show as table" toggle
 * removes the canvas). `config` is read inside an effect, so new numbers, a new theme or a motion
 * preference redraw the same chart (data and options swapped, then `update()`), never a new one.
 * The view registers the Chart.js parts it draws with (a bundle carries only those).
 */
export function chartOn<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: () => ChartConfiguration<TType, TData, TLabel>,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let chart: Chart<TType, TData, TLabel> | null = null;
    $effect(() => {
      const next = config();
      untrack(() => {
        if (!chart) {
          chart = new Chart(canvas, next);
          return;
        }
        chart.data = next.data;
        chart.options = next.options ?? ({} as NonNullable<typeof next.options>);
        chart.update();
      });
    });
    return () => {
      chart?.destroy();
      chart = null;
    };
  };
}
