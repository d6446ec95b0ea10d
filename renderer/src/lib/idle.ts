import { call } from './api';
import { session } from './session.svelte';

const ACTIVITY_PING_MS = 60_000;
const CHECK_MS = 15_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Watches for use of the page. Tells the backend at most once a minute (so its own idle lock
 * keeps waiting), locks the journal after `idleMinutes` without input, and notices a lock the
 * backend made by itself.
 */
export function watchIdle(idleMinutes: () => number): () => void {
  let lastInput = Date.now();
  let lastPing = 0;
  const onInput = (): void => {
    lastInput = Date.now();
    if (session.status?.state === 'unlocked' && lastInput - lastPing > ACTIVITY_PING_MS) {
      lastPing = lastInput;
      void call('app.activity');
    }
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { passive: true, capture: true });
  // Sitting still in a meditation session is not being away (the backend holds off its lock too).
  const lockUnlessMeditating = async (): Promise<void> => {
    const running = await call('meditation.current');
    if (running.ok && running.value && running.value.phase !== 'complete' && running.value.phase !== 'ended') {
      lastInput = Date.now();
      return;
    }
    await session.lock('idle');
  };
  const timer = window.setInterval(() => {
    if (session.status?.state !== 'unlocked') return;
    if (Date.now() - lastInput > idleMinutes() * 60_000) void lockUnlessMeditating();
    else void session.refresh();
  }, CHECK_MS);

  // Coming back to the window is when a lock made elsewhere matters: check at once.
  const onReturn = (): void => {
    if (document.visibilityState === 'visible' && session.status?.state === 'unlocked') void session.refresh();
  };
  window.addEventListener('focus', onReturn);
  document.addEventListener('visibilitychange', onReturn);
  return () => {
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    window.removeEventListener('focus', onReturn);
    document.removeEventListener('visibilitychange', onReturn);
    window.clearInterval(timer);
  };
}
