import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one set of options every app window gets. Kept free of Electron's runtime so a unit test
 * can check exactly what the shell uses.
 */
export function appWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 820,
    minWidth: 720,
    minHeight: 560,
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
