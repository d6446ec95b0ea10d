import { tick } from 'svelte';
import type { AppCommand } from '$contract/app';
import { onBackendEvent } from './api';
import { commandAction, commandOf, type FollowUp } from './commands';
import { todayIso } from './dates';
import { navigation } from './navigation.svelte';
import { registerForgetOnLock, session } from './session.svelte';

/**
 * Carries out the desktop menu's commands (see commands.ts for what each one does). Navigation
 * runs the views' leave guards first, so unsaved work is saved before anything changes. What
 * the opened view should do next waits in `pending` until that view is ready and takes it.
 */
class Commands {
  pending = $state<FollowUp | null>(null);

  /** Listens for commands from the shell; call it while the journal is open, and call the result when it closes. */
  listen(): () => void {
    return onBackendEvent((event) => {
      const command = commandOf(event);
      if (command && session.screen === 'unlocked') void this.run(command);
    });
  }

  async run(command: AppCommand): Promise<void> {
    // Saves what was just typed first (the views' before-lock work), then locks.
    if (command === 'lock') return session.lock('user');
    const action = commandAction(command, todayIso());
    this.pending = null;
    await navigation.open(action.section, action.date);
    if (action.followUp) {
      this.pending = action.followUp;
      return;
    }
    // As the sidebar does: keyboard and screen-reader users land in the new view.
    await tick();
    document.getElementById('view-title')?.focus();
  }

  /** For the view that does `followUp`: true (once) when it is waiting. Reading it in an effect re-runs the effect when one arrives. */
  take(followUp: FollowUp): boolean {
    if (this.pending !== followUp) return false;
    this.pending = null;
    return true;
  }

  /** A view that goes away (or cannot do it) drops its waiting follow-up, so it never fires later by surprise. */
  drop(followUp: FollowUp): void {
    if (this.pending === followUp) this.pending = null;
  }
}

export const commands = new Commands();
registerForgetOnLock(() => (commands.pending = null));
