import { BrowserWindow } from 'electron';
import { APP_START_URL } from './securityPolicy';
import { appWindowOptions } from './windowOptions';

export function createMainWindow(preloadPath: string, devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_START_URL);
  return window;
}
