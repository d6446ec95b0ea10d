export type AppHost = 'desktop' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  host: AppHost;
  vaultDir: string;
  idleLockMinutes: number;
}

/**
 * What the desktop app's menu (and its keyboard shortcuts) asks the page to do. Opening the data
 * folder is done by the shell itself; for `lock` the page saves what was just typed and locks,
 * and the shell locks by itself if the page has not done so within moments.
 */
export const APP_COMMANDS = [
  'new-entry',
  'start-meditation',
  'print-report',
  'export',
  'settings',
  'about',
  'learn',
  'security',
  'lock',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Events the backend pushes to the page (desktop) or the page discovers by polling (web). */
export type AxisEvent =
  | { type: 'vault-locked'; reason: LockReason }
  | { type: 'vault-unlocked' }
  | { type: 'meditation'; running: boolean }
  /** An experiment or its reminder changed: the desktop shell plans the reminder again. */
  | { type: 'experiments-changed' }
  | { type: 'command'; command: AppCommand };
export type LockReason = 'user' | 'idle' | 'system' | 'shutdown';
