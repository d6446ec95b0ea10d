import { BellPlayer } from './bells';
import { registerForgetOnLock } from '../../lib/session.svelte';

/**
 * The page's one bell player. It outlives the Meditate view on purpose: the session belongs
 * to the backend and goes on when the person looks at another view, so its bells do too.
 * Locking silences everything at once, whether or not the view is open.
 */
export const player = new BellPlayer();

registerForgetOnLock(() => player.cancelAll(true));
