import type { Chart, Plugin } from 'chart.js';
import type { BandRegion } from './poemChart';

/**
 * Paints the severity bands as horizontal stripes, with a dashed line where each band ends, under the data. Reads the current regions
 * through `regions()` at every draw, so a theme change only needs a `chart.update()`.
 */
export function bandsPlugin(regions: () => readonly BandRegion[]): Plugin<'line'> {
  return {
    id: 'poemBands',
    beforeDraw(chart: Chart<'line'>) {
      const { ctx, chartArea, scales } = chart;
      const y = scales.y;
      if (!y || !chartArea) return;
      ctx.save();
      for (const region of regions()) {
        const top = y.getPixelForValue(region.to);
        const bottom = y.getPixelForValue(region.from);
        ctx.fillStyle = region.fill;
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        if (region.edge) {
          // Half-pixel offset: a 1px line on a pixel row, not smeared over two.
          const edgeY = Math.round(top) + 0.5;
          ctx.strokeStyle = region.edge;
          ctx.lineWidth = 1;
          ctx.setLineDash([4, 3]);
          ctx.beginPath();
          ctx.moveTo(chartArea.left, edgeY);
          ctx.lineTo(chartArea.right, edgeY);
          ctx.stroke();
          ctx.setLineDash([]);
        }
      }
      ctx.restore();
    },
  };
}
