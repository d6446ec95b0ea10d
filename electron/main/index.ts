import { app, BrowserWindow, powerMonitor } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL } from '../contract/methods';
import { createApp } from '../core/app';
import { defaultVaultDir } from '../core/paths';
import { vaultArgument } from './args';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { keepDisplayAwakeDuringMeditation } from './power';
import { installSecurity } from './security';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  const { backend, dispatch } = createApp({
    vaultDir: resolve(vaultArgument(process.argv) ?? defaultVaultDir()),
    // Built next to this file from electron/core/insights/worker.ts.
    insightsWorker: new URL('./insightsWorker.js', import.meta.url),
    host: 'desktop',
    version: app.getVersion(),
    // The native module built for Electron's ABI (see scripts/electron-native.mjs).
    nativeBinding: process.env.AXIS_NATIVE_BINDING,
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    backend.dispose();
    app.quit();
  });

  await app.whenReady();
  installSecurity(devServerUrl);
  serveRenderer(join(here, '../renderer'));
  registerIpc(dispatch, devServerUrl);

  backend.events.on('event', (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
  keepDisplayAwakeDuringMeditation(backend);
  powerMonitor.on('suspend', () => backend.lock('system'));
  powerMonitor.on('lock-screen', () => backend.lock('system'));

  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), devServerUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
