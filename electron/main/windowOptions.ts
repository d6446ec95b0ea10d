import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rectangle } from './windowStatePolicy';

/**
 * The one set of options every app window gets. Kept free of Electron's runtime so a unit test
 * can check exactly what the shell uses. `bounds` is where the window goes (see windowStatePolicy);
 * without it, the default size, centred.
 */
export function appWindowOptions(preloadPath: string, bounds?: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { ...DEFAULT_WINDOW_SIZE, center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Axis Journal',
    backgroundColor: '#f6f5f1',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // A meditation session must keep time and ring while the window is hidden.
      backgroundThrottling: false,
      safeDialogs: true,
    },
  };
}
