import { APP_COMMANDS, type AppCommand } from '$contract/app';

/**
 * What each command from the desktop app's menu does in the page, as data (pure, unit-tested);
 * commands.svelte.ts carries it out.
 */

/** The sections a command opens (all of them SectionIds; kept apart so this file stays plain TypeScript). */
export type CommandSection = 'day' | 'meditate' | 'report' | 'data' | 'settings' | 'learn' | 'security';

/**
 * What the opened view does once it is ready: focus the day's first field, start a session,
 * open the print dialog, focus the export control.
 */
export type FollowUp = 'focus-day' | 'start-session' | 'print' | 'focus-export';

export interface CommandAction {
  section: CommandSection;
  /** The day the day editor opens (only for a new entry). */
  date?: string;
  /** Without one, the view's heading gets the focus. */
  followUp?: FollowUp;
}

/** Every command but `lock`, which is not a place to go (commands.svelte.ts locks the journal). */
export type NavigationCommand = Exclude<AppCommand, 'lock'>;

export function commandAction(command: NavigationCommand, today: string): CommandAction {
  switch (command) {
    case 'new-entry':
      return { section: 'day', date: today, followUp: 'focus-day' };
    case 'start-meditation':
      return { section: 'meditate', followUp: 'start-session' };
    case 'print-report':
      return { section: 'report', followUp: 'print' };
    case 'export':
      return { section: 'data', followUp: 'focus-export' };
    case 'settings':
      return { section: 'settings' };
    case 'about':
      return { section: 'data' };
    case 'learn':
      return { section: 'learn' };
    case 'security':
      return { section: 'security' };
  }
}

/** The command an event from the shell carries, or null for any other (or malformed) event. */
export function commandOf(event: unknown): AppCommand | null {
  if (typeof event !== 'object' || event === null) return null;
  const { type, command } = event as { type?: unknown; command?: unknown };
  if (type !== 'command' || typeof command !== 'string') return null;
  return (APP_COMMANDS as readonly string[]).includes(command) ? (command as AppCommand) : null;
}
