import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { systemClocks, type Clocks } from '../core/meditation/service';

/**
 * End-to-end tests move the page's clock with Playwright; the backend's timer must move with it.
 * Only when the web host is started with AXIS_TEST_CLOCK_FILE set, the clocks add the number of
 * milliseconds written in that file. Never set by the app itself.
 */
export function clocksFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clocks {
  const file = env.AXIS_TEST_CLOCK_FILE;
  if (!file) return systemClocks;
  const offset = (): number => {
    try {
      return Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  return { mono: () => performance.now() + offset(), wall: () => Date.now() + offset() };
}
