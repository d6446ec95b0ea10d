import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rectangle } from './windowStatePolicy';

/**
 * The one set of options every app window gets. Kept free of Electron's runtime so a unit test
 * can check exactly what the shell uses. `bounds` is where the window goes (see windowStatePolicy);
 * without it, the default size, centred.
 */
export function appWindowOptions(
  preloadPath: string,
  bounds?: Rectangle,
  platform: NodeJS.Platform = process.platform,
): BrowserWindowConstructorOptions {
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
      // On Windows and Linux Chromium's spellchecker downloads Hunspell dictionaries from Google's
      // servers; the app never goes online, so spelling is checked only where the OS does it (macOS).
      spellcheck: platform === 'darwin',
      // A meditation session must keep time and ring while the window is hidden.
      backgroundThrottling: false,
      safeDialogs: true,
    },
  };
}
