// Preloaded (`node --import`) into a web host that an end-to-end test starts: the test moves the
// page's clock with Playwright and the backend's clocks must move with it. The test sends
// { type: 'advance-clock', ms } over the child's IPC channel; Date.now() and performance.now()
// of that process then run `ms` ahead, and the host answers { type: 'clock-advanced' }.
// Nothing of this is in the app: only processes started this way have it.
import { performance } from 'node:perf_hooks';

let offset = 0;
const realDateNow = Date.now;
const realPerformanceNow = performance.now.bind(performance);
Date.now = () => realDateNow() + offset;
performance.now = () => realPerformanceNow() + offset;

process.on('message', (message) => {
  if (message?.type !== 'advance-clock' || !Number.isFinite(message.ms)) return;
  offset += message.ms;
  process.send?.({ type: 'clock-advanced', offset });
});
// The IPC channel must not keep the host alive once it is told to stop.
process.channel?.unref();
