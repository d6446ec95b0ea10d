import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AxisEvent } from '../../electron/contract/app';
import { EVENT_CHANNEL, ipcChannel } from '../../electron/contract/methods';
import { MIN_WINDOW_SIZE, WINDOW_STATE_FILE } from '../../electron/main/windowStatePolicy';
import { PAGE_LOCK_GRACE_MS } from '../../electron/main/menuTemplate';
import { REMEMBERED_PASSPHRASE_FILE } from '../../electron/core/preferences/rememberedPassphrase';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/**
 * The desktop entry point (electron/main/index.ts) run for real, with Electron — the only mock —
 * recording what the shell asks of it: one instance, the window placed and remembered, the menu.
 */
const electron = vi.hoisted(() => {
  class FakeWindow {
    static all: FakeWindow[] = [];
    readonly events = new Map<string, ((...args: unknown[]) => void)[]>();
    readonly calls: string[] = [];
    readonly sent: [string, unknown][] = [];
    minimized = false;
    bounds: { x: number; y: number; width: number; height: number };
    loaded = '';
    readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]) };
    constructor(readonly options: { x: number; y: number; width: number; height: number }) {
      this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
      FakeWindow.all.push(this);
    }
    on(name: string, listener: (...args: unknown[]) => void) {
      this.events.set(name, [...(this.events.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      return this.on(name, listener);
    }
    emit(name: string) {
      for (const listener of this.events.get(name) ?? []) listener();
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => this.bounds;
    restore = () => (this.calls.push('restore'), (this.minimized = false));
    show = () => this.calls.push('show');
    focus = () => this.calls.push('focus');
    maximize = () => this.calls.push('maximize');
    setFullScreen = () => this.calls.push('full-screen');
  }
  return {
    FakeWindow,
    gotLock: true,
    quit: 0,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    userData: '',
    menus: [] as MenuItemConstructorOptions[][],
    ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    powerListeners: new Map<string, () => void>(),
    keyring: false,
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    name: 'Axis Journal',
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => electron.gotLock,
    quit: () => electron.quit++,
    on: (name: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(name, listener),
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.0.0-test',
    getPath: (name: string) => (name === 'userData' ? electron.userData : ''),
  },
  BrowserWindow: Object.assign(electron.FakeWindow, { fromWebContents: () => null }),
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => electron.menus.push(menu.template),
  },
  Notification: Object.assign(class {}, { isSupported: () => false }),
  dialog: {},
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
      electron.ipcHandlers.set(channel, handler),
  },
  powerMonitor: { on: (name: string, listener: () => void) => electron.powerListeners.set(name, listener) },
  powerSaveBlocker: { start: () => 1, stop: () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  // A keyring that seals by reversing the bytes: enough to see the passphrase go in and come out.
  safeStorage: {
    isAsyncEncryptionAvailable: async () => electron.keyring,
    getSelectedStorageBackend: () => (electron.keyring ? 'gnome_libsecret' : 'basic_text'),
    encryptStringAsync: async (plain: string) => Buffer.from(plain).reverse(),
    decryptStringAsync: async (sealed: Buffer) => ({
      result: Buffer.from(sealed).reverse().toString(),
      shouldReEncrypt: false,
    }),
  },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: electron.workArea }),
    getAllDisplays: () => [{ id: 1, workArea: electron.workArea }],
  },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
  shell: { openPath: async () => '' },
}));

const savedVaultDir = process.env.AXIS_VAULT_DIR;

beforeEach(() => {
  vi.resetModules();
  electron.FakeWindow.all.length = 0;
  electron.gotLock = true;
  electron.quit = 0;
  electron.appListeners.clear();
  electron.menus.length = 0;
  electron.ipcHandlers.clear();
  electron.powerListeners.clear();
  electron.keyring = false;
  electron.userData = tempDir();
  process.env.AXIS_VAULT_DIR = join(electron.userData, 'vault');
});
afterEach(() => {
  electron.appListeners.get('window-all-closed')?.();
  if (savedVaultDir === undefined) delete process.env.AXIS_VAULT_DIR;
  else process.env.AXIS_VAULT_DIR = savedVaultDir;
  removeTempDirs();
});

/** Runs the entry point and waits until its window exists. */
async function startApp() {
  await import('../../electron/main/index');
  // Opening with a remembered passphrase derives a key first (scrypt, seconds on a busy machine).
  await vi.waitFor(() => expect(electron.FakeWindow.all).toHaveLength(1), { timeout: 15_000 });
  return electron.FakeWindow.all[0]!;
}

describe('desktop start-up', () => {
  it('a second copy of the app quits at once, opening nothing', async () => {
    electron.gotLock = false;
    await import('../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electron.quit).toBe(1);
    expect(electron.FakeWindow.all).toEqual([]);
    expect(electron.appListeners.has('second-instance')).toBe(false);
  });

  it('starting it again brings the one window back, restored and focused', async () => {
    const window = await startApp();
    window.minimized = true;
    electron.appListeners.get('second-instance')!({}, ['electron', '.'], '/');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(electron.quit).toBe(0);
  });

  it('puts the window where it was, and remembers where it goes', async () => {
    writeFileSync(
      join(electron.userData, WINDOW_STATE_FILE),
      JSON.stringify({ x: 300, y: 200, width: 1000, height: 700, maximized: false }),
    );
    const window = await startApp();
    expect(window.options).toMatchObject({
      x: 300,
      y: 200,
      width: 1000,
      height: 700,
      minWidth: MIN_WINDOW_SIZE.width,
      show: false,
    });
    expect(window.loaded).toBe('app://axis/index.html');
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show']);

    window.bounds = { x: 40, y: 50, width: 900, height: 650 };
    window.emit('close');
    expect(JSON.parse(readFileSync(join(electron.userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      x: 40,
      y: 50,
      width: 900,
      height: 650,
      maximized: false,
      fullScreen: false,
    });
  });

  it('a saved place that is no longer on any display gives the centred default window', async () => {
    writeFileSync(
      join(electron.userData, WINDOW_STATE_FILE),
      JSON.stringify({ x: 5000, y: 200, width: 1000, height: 700, maximized: true }),
    );
    const window = await startApp();
    expect(window.options).toMatchObject({ x: 370, y: 110, width: 1180, height: 820 });
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show']);
  });

  it('installs the menu, greyed out until the journal opens; then its commands reach the page', async () => {
    const window = await startApp();
    const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      template.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? items(entry.submenu) : [])]);
    const latest = (label: string) => items(electron.menus.at(-1)!).find((entry) => entry.label === label)!;
    const click = (label: string) => (latest(label).click as () => void)();
    expect(latest('New entry for today').enabled).toBe(false);
    expect(latest('Lock journal').enabled).toBe(false);

    // The page creates the journal through the real IPC handler; the menu follows.
    const page = { senderFrame: { url: 'app://axis/index.html', parent: null } };
    expect(await electron.ipcHandlers.get(ipcChannel('vault.create'))!(page, { passphrase: PASSPHRASE })).toMatchObject(
      { ok: true },
    );
    await vi.waitFor(() => expect(latest('New entry for today').enabled).toBe(true));
    const events = () =>
      window.sent.map(([channel, payload]) => (expect(channel).toBe(EVENT_CHANNEL), payload as AxisEvent));
    expect(events()).toEqual([{ type: 'vault-unlocked' }]);

    window.minimized = true;
    click('New entry for today');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(events().at(-1)).toEqual({ type: 'command', command: 'new-entry' });

    // Lock asks the page first, so it saves what was just typed, and the page locks through IPC.
    click('Lock journal');
    expect(events().at(-1)).toEqual({ type: 'command', command: 'lock' });
    expect(await electron.ipcHandlers.get(ipcChannel('vault.lock'))!(page, undefined)).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
    expect(events().at(-1)).toEqual({ type: 'vault-locked', reason: 'user' });
    expect(latest('New entry for today').enabled).toBe(false);

    // A page that does not answer (busy or stuck) is not waited for: the shell locks by itself.
    expect(await electron.ipcHandlers.get(ipcChannel('vault.unlock'))!(page, { passphrase: PASSPHRASE })).toMatchObject(
      { ok: true },
    );
    click('Lock journal');
    expect(events().at(-1)).toEqual({ type: 'command', command: 'lock' });
    await vi.waitFor(() => expect(events().at(-1)).toEqual({ type: 'vault-locked', reason: 'user' }), {
      timeout: PAGE_LOCK_GRACE_MS + 3_000,
    });
    expect(latest('Lock journal').enabled).toBe(false);
  }, 30_000);

  it('locks the journal when the computer goes to sleep or its screen is locked', async () => {
    await startApp();
    const page = { senderFrame: { url: 'app://axis/index.html', parent: null } };
    const call = (method: string, input?: unknown) =>
      electron.ipcHandlers.get(ipcChannel(method as never))!(page, input);
    expect(await call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    for (const event of ['suspend', 'lock-screen']) {
      electron.powerListeners.get(event)!();
      expect(await call('vault.status'), event).toMatchObject({
        ok: true,
        value: { state: 'locked', lockReason: 'system' },
      });
      expect(await call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    }
    // Waking up only works out the reminder's next time again; it does not unlock anything.
    expect(electron.powerListeners.has('resume')).toBe(true);
  }, 30_000);

  it('opens the journal with a passphrase remembered on this computer before the window shows', async () => {
    electron.keyring = true;
    const vault = fastVault(process.env.AXIS_VAULT_DIR!);
    await vault.create(PASSPHRASE);
    vault.lock();
    writeFileSync(join(process.env.AXIS_VAULT_DIR!, REMEMBERED_PASSPHRASE_FILE), Buffer.from(PASSPHRASE).reverse());

    await startApp();
    const page = { senderFrame: { url: 'app://axis/index.html', parent: null } };
    expect(await electron.ipcHandlers.get(ipcChannel('vault.status'))!(page, undefined)).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await electron.ipcHandlers.get(ipcChannel('preferences.get'))!(page, undefined)).toMatchObject({
      ok: true,
      value: { remember: { available: true, enabled: true } },
    });
  }, 30_000);
});
