import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommand, type AxisEvent } from '../../electron/contract/app';
import { EVENT_CHANNEL } from '../../electron/contract/methods';
import { createApp } from '../../electron/core/app';
import {
  MENU_SHORTCUTS,
  PAGE_LOCK_GRACE_MS,
  menuTemplate,
  type MenuActions,
  type MenuState,
} from '../../electron/main/menuTemplate';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

// Electron itself is the only thing mocked: it records the menus the shell sets and what it asks
// of the system (open a folder, show a message).
const electron = vi.hoisted(() => ({
  menus: [] as MenuItemConstructorOptions[][],
  opened: [] as string[],
  openPathAnswer: '',
  messages: [] as unknown[],
  packaged: false,
}));

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.packaged;
    },
    name: 'Axis Journal',
  },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => electron.menus.push(menu.template),
  },
  shell: {
    openPath: async (path: string) => (electron.opened.push(path), electron.openPathAnswer),
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => (electron.messages.push(args.at(-1)), { response: 0 }),
  },
}));

beforeEach(() => {
  electron.menus.length = 0;
  electron.opened.length = 0;
  electron.messages.length = 0;
  electron.openPathAnswer = '';
});
afterEach(removeTempDirs);

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

/** Every item of a template, submenus included, in order. */
function allItems(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function item(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = allItems(template).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`No menu item "${label}"`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (command) => calls.push(`command:${command}`),
    lock: () => calls.push('lock'),
    openDataFolder: () => calls.push('open-data-folder'),
  };
  return { calls, actions };
}

function template(overrides: Partial<MenuState> = {}, actions = recordingActions().actions) {
  return menuTemplate(
    { platform: 'linux', unlocked: true, packaged: true, appName: 'Axis Journal', ...overrides },
    actions,
  );
}

/**
 * The shortcuts Electron gives its roles, per platform (from Electron's
 * lib/browser/api/menu-item-roles.ts), so that ours can be checked against them.
 */
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin';
  const windows = platform === 'win32';
  const table: Record<string, string | undefined> = {
    close: 'CommandOrControl+W',
    copy: 'CommandOrControl+C',
    cut: 'CommandOrControl+X',
    paste: 'CommandOrControl+V',
    pasteandmatchstyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    forcereload: 'Shift+CmdOrCtrl+R',
    reload: 'CmdOrCtrl+R',
    hide: 'Command+H',
    hideothers: 'Command+Alt+H',
    minimize: 'CommandOrControl+M',
    quit: windows ? undefined : 'CommandOrControl+Q',
    redo: windows ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    resetzoom: 'CommandOrControl+0',
    selectall: 'CommandOrControl+A',
    toggledevtools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    undo: 'CommandOrControl+Z',
    zoomin: 'CommandOrControl+Plus',
    zoomout: 'CommandOrControl+-',
  };
  return table[role.toLowerCase()];
}

/** One spelling per key combination on a platform: "Cmd+Shift+M", "Ctrl+Shift+M". */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  const parts = accelerator.split('+').map((part) => part.toLowerCase());
  const key = parts.pop()!;
  const modifiers = parts.map((part) => {
    if (part === 'cmdorctrl' || part === 'commandorcontrol') return mac ? 'Cmd' : 'Ctrl';
    if (part === 'cmd' || part === 'command') return 'Cmd';
    if (part === 'ctrl' || part === 'control') return 'Ctrl';
    if (part === 'alt' || part === 'option') return 'Alt';
    if (part === 'shift') return 'Shift';
    throw new Error(`Unknown modifier in ${accelerator}`);
  });
  return [...[...new Set(modifiers)].sort(), key.toUpperCase()].join('+');
}

/** Every shortcut a menu has on a platform: ours, and the ones its roles bring. */
function shortcuts(
  entries: readonly MenuItemConstructorOptions[],
  platform: NodeJS.Platform,
): { label: string; keys: string }[] {
  return allItems(entries).flatMap((entry) => {
    const accelerator = entry.accelerator ?? (entry.role ? roleAccelerator(entry.role, platform) : undefined);
    return accelerator
      ? [{ label: String(entry.label ?? entry.role), keys: normalise(String(accelerator), platform) }]
      : [];
  });
}

describe('application menu template', () => {
  it('has no shortcut twice on any platform, counting the ones Electron gives its roles', () => {
    for (const platform of PLATFORMS) {
      for (const packaged of [true, false]) {
        const list = shortcuts(template({ platform, packaged }), platform);
        const seen = new Map<string, string>();
        for (const { label, keys } of list) {
          expect(seen.get(keys), `${platform}: ${label} and ${seen.get(keys)} both use ${keys}`).toBeUndefined();
          seen.set(keys, label);
        }
      }
    }
  });

  it('avoids the system shortcuts of each platform', () => {
    const reserved: Record<string, string[]> = {
      // Use selection for Find, cycle windows, screenshots, hide, minimize.
      darwin: ['Cmd+E', 'Cmd+`', 'Cmd+Shift+3', 'Cmd+Shift+4', 'Cmd+Shift+5', 'Cmd+H', 'Cmd+M', 'Cmd+Q', 'Cmd+W'],
      win32: ['Alt+F4', 'Ctrl+Shift+ESC', 'Ctrl+ESC'],
      linux: ['Alt+F4', 'Ctrl+Alt+T', 'Ctrl+Alt+L'],
    };
    for (const platform of PLATFORMS) {
      const ours = Object.values(MENU_SHORTCUTS).map((keys) => normalise(keys, platform));
      for (const keys of reserved[platform]!)
        expect(ours, `${platform} ${keys}`).not.toContain(normalise(keys, platform));
    }
  });

  it('uses only the modifiers and keys Electron accepts in accelerators', () => {
    const valid =
      /^((CmdOrCtrl|CommandOrControl|Command|Cmd|Control|Ctrl|Alt|Option|Shift)\+)+([A-Z0-9]|F([1-9]|1\d|2[0-4])|Plus|[,.\-=/;'`[\]\\])$/;
    for (const keys of Object.values(MENU_SHORTCUTS)) expect(keys).toMatch(valid);
  });

  it('shows the agreed shortcuts on the journal items', () => {
    const menu = template();
    expect(item(menu, 'New entry for today').accelerator).toBe('CmdOrCtrl+N');
    expect(item(menu, 'Start meditation').accelerator).toBe('Shift+CmdOrCtrl+M');
    expect(item(menu, 'Print report…').accelerator).toBe('CmdOrCtrl+P');
    expect(item(menu, 'Export your data…').accelerator).toBe('Shift+CmdOrCtrl+E');
    expect(item(menu, 'Lock journal').accelerator).toBe('CmdOrCtrl+L');
    expect(item(menu, 'Settings').accelerator).toBe('CmdOrCtrl+,');
    expect(item(template({ platform: 'darwin' }), 'Settings…').accelerator).toBe('CmdOrCtrl+,');
  });

  it('on macOS starts with the app menu (about, settings, hide, quit); elsewhere File has settings and quit', () => {
    const mac = template({ platform: 'darwin' });
    expect(mac.map((entry) => entry.label)).toEqual(['Axis Journal', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((entry) => entry.role ?? entry.label ?? entry.type)).toEqual([
      'About Axis Journal',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(
      allItems(mac[1]!.submenu as MenuItemConstructorOptions[])
        .map((entry) => entry.role)
        .filter(Boolean),
    ).toEqual(['close']);

    for (const platform of ['win32', 'linux'] as const) {
      const menu = template({ platform });
      expect(menu.map((entry) => entry.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      const file = menu[0]!.submenu as MenuItemConstructorOptions[];
      expect(file.at(-1)).toEqual({ role: 'quit' });
      expect(file.map((entry) => entry.label)).toContain('Settings');
      expect(allItems(menu[4]!.submenu as MenuItemConstructorOptions[]).map((entry) => entry.label)).toContain(
        'About Axis Journal',
      );
    }
  });

  it('has an Edit menu of roles, so undo, copy and paste work in every field', () => {
    for (const platform of PLATFORMS) {
      const edit = template({ platform }).find((entry) => entry.label === 'Edit')!;
      const roles = (edit.submenu as MenuItemConstructorOptions[]).map((entry) => entry.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']));
    }
  });

  it('offers reload and developer tools only in development builds', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    for (const platform of PLATFORMS) {
      const packagedRoles = allItems(template({ platform, packaged: true })).map((entry) => entry.role);
      for (const role of devOnly) expect(packagedRoles).not.toContain(role);
      expect(packagedRoles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
      const devRoles = allItems(template({ platform, packaged: false })).map((entry) => entry.role);
      expect(devRoles).toEqual(expect.arrayContaining(devOnly));
    }
  });

  it('greys out what needs the journal while it is locked; the data folder and the about panel stay', () => {
    const journalLabels = [
      'New entry for today',
      'Start meditation',
      'Print report…',
      'Export your data…',
      'Lock journal',
      'Settings',
      'Learn about the gut–skin axis',
      'How your data is protected',
    ];
    const locked = template({ unlocked: false });
    const unlocked = template({ unlocked: true });
    for (const label of journalLabels) {
      expect(item(locked, label).enabled, label).toBe(false);
      expect(item(unlocked, label).enabled, label).toBe(true);
    }
    expect(item(locked, 'Open data folder').enabled).not.toBe(false);
    // Locked: the system's about panel (its role); open: the app's own About section.
    expect(item(locked, 'About Axis Journal')).toEqual({ label: 'About Axis Journal', role: 'about' });
    expect(item(unlocked, 'About Axis Journal').role).toBeUndefined();
  });

  it('sends each command from its item, locks, opens the data folder, on every platform', () => {
    for (const platform of PLATFORMS) {
      const { calls, actions } = recordingActions();
      const menu = template({ platform }, actions);
      const labels = [
        'New entry for today',
        'Start meditation',
        'Print report…',
        'Export your data…',
        platform === 'darwin' ? 'Settings…' : 'Settings',
        'About Axis Journal',
        'Learn about the gut–skin axis',
        'How your data is protected',
        'Lock journal',
        'Open data folder',
      ];
      for (const label of labels) click(item(menu, label));
      expect(calls).toEqual([
        'command:new-entry',
        'command:start-meditation',
        'command:print-report',
        'command:export',
        'command:settings',
        'command:about',
        'command:learn',
        'command:security',
        'lock',
        'open-data-folder',
      ]);
      // Every command the page understands has an item (Lock journal's is sent by the lock action).
      expect(
        new Set([...calls.filter((call) => call.startsWith('command:')).map((call) => call.slice(8)), 'lock']),
      ).toEqual(new Set(APP_COMMANDS));
    }
  });
});

describe('installing the menu', () => {
  function fakeWindow() {
    const calls: string[] = [];
    const sent: [string, AxisEvent][] = [];
    const window = {
      minimized: true,
      isDestroyed: () => false,
      isMinimized() {
        return this.minimized;
      },
      restore() {
        calls.push('restore');
        this.minimized = false;
      },
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
      webContents: {
        send: (channel: string, event: AxisEvent) => {
          calls.push('send');
          sent.push([channel, event]);
        },
      },
    };
    return { window, calls, sent };
  }

  async function installed() {
    const { installAppMenu } = await import('../../electron/main/menu');
    const vaultDir = tempDir();
    const { backend, dispatch } = createApp({ vaultDir, host: 'desktop', version: 't', scryptCost: FAST_SCRYPT });
    const fake = fakeWindow();
    installAppMenu(backend, () => fake.window as never);
    return { backend, dispatch, vaultDir, ...fake, latest: () => electron.menus.at(-1)! };
  }

  it('follows the vault: greyed out while locked, enabled once it opens, greyed out again after a lock', async () => {
    const { backend, dispatch, latest } = await installed();
    expect(electron.menus).toHaveLength(1);
    expect(item(latest(), 'New entry for today').enabled).toBe(false);

    await dispatch('vault.create', { passphrase: PASSPHRASE });
    await vi.waitFor(() => expect(item(latest(), 'New entry for today').enabled).toBe(true));
    expect(item(latest(), 'Lock journal').enabled).toBe(true);

    // The page is asked to save and lock; here it stays silent, so the shell locks after the grace period.
    click(item(latest(), 'Lock journal'));
    expect(backend.vault.isUnlocked).toBe(true);
    await vi.waitFor(() => expect(backend.vault.isUnlocked).toBe(false), { timeout: PAGE_LOCK_GRACE_MS + 3_000 });
    expect(item(latest(), 'New entry for today').enabled).toBe(false);
    expect(backend.status()).toMatchObject({ state: 'locked', lockReason: 'user' });
    backend.dispose();
  });

  it('brings the window to the front, then asks the page to act', async () => {
    const { backend, dispatch, latest, calls, sent } = await installed();
    await dispatch('vault.create', { passphrase: PASSPHRASE });
    await vi.waitFor(() => expect(item(latest(), 'Print report…').enabled).toBe(true));

    click(item(latest(), 'Print report…'));
    expect(calls).toEqual(['restore', 'show', 'focus', 'send']);
    expect(sent).toEqual([[EVENT_CHANNEL, { type: 'command', command: 'print-report' satisfies AppCommand }]]);

    // A click that raced a lock (the menu not yet rebuilt) sends nothing.
    const stale = item(latest(), 'New entry for today');
    backend.lock('user');
    click(stale);
    expect(sent).toHaveLength(1);
    backend.dispose();
  });

  it('opens the journal folder in the file manager, and says so when it cannot', async () => {
    const { backend, vaultDir, latest } = await installed();
    click(item(latest(), 'Open data folder'));
    await vi.waitFor(() => expect(electron.opened).toEqual([vaultDir]));
    expect(electron.messages).toEqual([]);

    electron.openPathAnswer = 'Failed to open path';
    click(item(latest(), 'Open data folder'));
    await vi.waitFor(() => expect(electron.messages).toHaveLength(1));
    expect(electron.messages[0]).toMatchObject({
      message: 'The data folder could not be opened.',
      detail: expect.stringContaining(vaultDir),
    });
    backend.dispose();
  });
});
