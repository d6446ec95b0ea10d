import { powerSaveBlocker } from 'electron';
import type { Backend } from '../core/backend';

/** While a meditation session runs, the screen does not dim or sleep (the session view stays readable). */
export function keepDisplayAwakeDuringMeditation(backend: Backend): void {
  let blocker: number | null = null;
  backend.events.on('event', (event) => {
    if (event.type !== 'meditation') return;
    if (event.running && blocker === null) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!event.running && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  });
}
