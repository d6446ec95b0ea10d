import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import type { AppCommand, AxisEvent } from '../contract/app';
import { EVENT_CHANNEL } from '../contract/methods';
import type { Backend } from '../core/backend';
import { menuTemplate, PAGE_LOCK_GRACE_MS, type MenuActions } from './menuTemplate';
import { bringToFront } from './window';

/**
 * Installs the application menu and keeps it in step with the vault: rebuilt whenever the
 * journal opens or locks, so items that need it are enabled only while it is open.
 */
export function installAppMenu(backend: Backend, currentWindow: () => BrowserWindow | null): void {
  const actions: MenuActions = {
    command: (command) => {
      const window = currentWindow();
      // The menu may lag a lock by a moment; the page only acts on commands while unlocked anyway.
      if (window && backend.vault.isUnlocked) sendCommand(window, command);
    },
    lock: () => lockFromMenu(backend, currentWindow()),
    openDataFolder: () => void openDataFolder(backend.options.vaultDir, currentWindow()),
  };
  const build = (): void => {
    const state = {
      platform: process.platform,
      unlocked: backend.vault.isUnlocked,
      packaged: app.isPackaged,
      appName: app.name,
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, actions)));
  };
  build();
  backend.events.on('event', (event) => {
    if (event.type === 'vault-unlocked' || event.type === 'vault-locked') build();
  });
}

/**
 * The page locks first, so the last words typed in the day editor are saved; if it has not locked
 * within the grace period (busy, stuck, or no window), the shell locks by itself.
 */
function lockFromMenu(backend: Backend, window: BrowserWindow | null): void {
  if (!backend.vault.isUnlocked) return;
  if (!window) {
    backend.lock('user');
    return;
  }
  window.webContents.send(EVENT_CHANNEL, { type: 'command', command: 'lock' } satisfies AxisEvent);
  setTimeout(() => {
    if (backend.vault.isUnlocked) backend.lock('user');
  }, PAGE_LOCK_GRACE_MS).unref();
}

function sendCommand(window: BrowserWindow, command: AppCommand): void {
  bringToFront(window);
  const event: AxisEvent = { type: 'command', command };
  window.webContents.send(EVENT_CHANNEL, event);
}

/** Opens the journal folder (encrypted files only) in the system's file manager. */
async function openDataFolder(vaultDir: string, window: BrowserWindow | null): Promise<void> {
  const problem = await shell.openPath(vaultDir);
  if (!problem) return;
  const options = {
    type: 'warning' as const,
    message: 'The data folder could not be opened.',
    detail: `${vaultDir}\n\n${problem}`,
  };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
