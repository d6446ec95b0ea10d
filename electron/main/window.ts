import { BrowserWindow, screen } from 'electron';
import { APP_START_URL } from './securityPolicy';
import { appWindowOptions } from './windowOptions';
import { readWindowState, rememberWindowState } from './windowState';
import { placeWindow } from './windowStatePolicy';

/**
 * The app's window, where it was last time (when that place is still on a display) and
 * remembered in `stateFile` as it moves.
 */
export function createMainWindow(
  preloadPath: string,
  devServerUrl: string | undefined,
  stateFile: string,
): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
  const placement = placeWindow(readWindowState(stateFile), workAreas);
  const window = new BrowserWindow(appWindowOptions(preloadPath, placement.bounds));
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
    if (placement.fullScreen) window.setFullScreen(true);
  });
  rememberWindowState(window, stateFile);
  void window.loadURL(devServerUrl ?? APP_START_URL);
  return window;
}

/** Shows the window in front of everything, restored if it was minimized. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
