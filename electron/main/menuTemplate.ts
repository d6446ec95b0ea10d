import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../contract/app';

/**
 * The application menu as a template, built by a pure function so a unit test can check every
 * item, shortcut and enabled state on each platform without Electron's runtime.
 *
 * Shortcuts avoid Electron's role defaults (CmdOrCtrl+M minimizes, +W closes, +Q quits, +R
 * reloads, +H hides on macOS) and the macOS text shortcut Cmd+E (use selection for Find).
 */
/** How long the page has to save what was just typed and lock, before the shell locks by itself. */
export const PAGE_LOCK_GRACE_MS = 2_000;

export const MENU_SHORTCUTS = {
  'new-entry': 'CmdOrCtrl+N',
  'start-meditation': 'Shift+CmdOrCtrl+M',
  'print-report': 'CmdOrCtrl+P',
  export: 'Shift+CmdOrCtrl+E',
  lock: 'CmdOrCtrl+L',
  settings: 'CmdOrCtrl+,',
} as const;

export interface MenuState {
  platform: NodeJS.Platform;
  /** Items that act on the journal are greyed out while it is locked. */
  unlocked: boolean;
  /** Packaged builds have no reload and no developer tools. */
  packaged: boolean;
  appName: string;
}

export interface MenuActions {
  /** Asks the page to do something (the window is brought to the front first). */
  command: (command: AppCommand) => void;
  lock: () => void;
  openDataFolder: () => void;
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const only = (condition: boolean, ...items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    condition ? items : [];
  const journalItem = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled: state.unlocked,
    click: () => actions.command(command),
  });
  const settings = journalItem(mac ? 'Settings…' : 'Settings', 'settings', MENU_SHORTCUTS.settings);
  // The About section is inside the journal; while it is locked, the system's own about panel.
  const about: MenuItemConstructorOptions = state.unlocked
    ? { label: `About ${state.appName}`, click: () => actions.command('about') }
    : { label: `About ${state.appName}`, role: 'about' };

  const appMenu: MenuItemConstructorOptions = {
    label: state.appName,
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      journalItem('New entry for today', 'new-entry', MENU_SHORTCUTS['new-entry']),
      journalItem('Start meditation', 'start-meditation', MENU_SHORTCUTS['start-meditation']),
      separator,
      journalItem('Print report…', 'print-report', MENU_SHORTCUTS['print-report']),
      journalItem('Export your data…', 'export', MENU_SHORTCUTS.export),
      // The folder holds only encrypted files, so it may be opened while the journal is locked.
      { label: 'Open data folder', click: () => actions.openDataFolder() },
      separator,
      { label: 'Lock journal', accelerator: MENU_SHORTCUTS.lock, enabled: state.unlocked, click: () => actions.lock() },
      separator,
      ...only(mac, { role: 'close' }),
      ...only(!mac, settings, separator, { role: 'quit' }),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...only(mac, { role: 'pasteAndMatchStyle' }),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
      ...only(mac, separator, { label: 'Speech', submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] }),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...only(!state.packaged, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      journalItem('Learn about the gut–skin axis', 'learn'),
      journalItem('How your data is protected', 'security'),
      ...only(!mac, separator, about),
    ],
  };

  return [...only(mac, appMenu), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
