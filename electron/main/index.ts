import { app, type BrowserWindow, Notification, powerMonitor } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL } from '../contract/methods';
import { createApp } from '../core/app';
import { defaultVaultDir } from '../core/paths';
import { vaultArgument } from './args';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { electronNativeBinding, outsideAsar } from './packagedPaths';
import { registerAppScheme, serveRenderer } from './protocol';
import { keepDisplayAwakeDuringMeditation } from './power';
import { scheduleDailyReminder } from './reminder';
import { electronSecretStore } from './secretStore';
import { installSecurity } from './security';
import { bringToFront, createMainWindow } from './window';
import { WINDOW_STATE_FILE } from './windowStatePolicy';

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
    // Built next to this file from electron/core/insights/worker.ts; unpacked in installed apps.
    insightsWorker: outsideAsar(new URL('./insightsWorker.js', import.meta.url)),
    jsonImportWorker: outsideAsar(new URL('./jsonImportWorker.js', import.meta.url)),
    rekeyWorker: outsideAsar(new URL('./rekeyWorker.js', import.meta.url)),
    host: 'desktop',
    version: app.getVersion(),
    // The native module built for Electron's ABI (see scripts/electron-native.mjs).
    nativeBinding: electronNativeBinding({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      env: process.env,
    }),
    // "Remember my passphrase" (off unless chosen) and the daily reminder (off unless chosen).
    secretStore: electronSecretStore(),
    remindersAvailable: () => Notification.isSupported(),
  });

  // Starting the app again brings this window to the front instead of opening the journal twice.
  app.on('second-instance', () => {
    if (mainWindow) bringToFront(mainWindow);
  });
  app.on('window-all-closed', () => {
    backend.dispose();
    app.quit();
  });

  await app.whenReady();
  installSecurity(devServerUrl);
  serveRenderer(join(here, '../renderer'));
  registerIpc(dispatch, devServerUrl);
  installAppMenu(backend, () => mainWindow);

  backend.events.on('event', (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
  keepDisplayAwakeDuringMeditation(backend);
  powerMonitor.on('suspend', () => backend.lock('system'));
  powerMonitor.on('lock-screen', () => backend.lock('system'));
  const reminder = scheduleDailyReminder(backend, (command) => {
    if (mainWindow) bringToFront(mainWindow);
    backend.events.emit('event', { type: 'command', command });
  });
  powerMonitor.on('resume', () => reminder.replan());
  // Only at start: after any lock the passphrase is asked for again.
  await backend.unlockWithRememberedPassphrase();

  mainWindow = createMainWindow(
    join(here, '../preload/index.cjs'),
    devServerUrl,
    join(app.getPath('userData'), WINDOW_STATE_FILE),
  );
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
