import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../electron/contract/methods';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/core/security/csp';
import {
  APP_START_URL,
  isAllowedNavigationUrl,
  isAllowedRequestUrl,
  isTrustedSender,
} from '../../electron/main/securityPolicy';
import { appWindowOptions } from '../../electron/main/windowOptions';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

// The only mock in the suite: Electron itself, which cannot run here. It records what the shell
// registers so the tests can call the real handlers.
const electron = vi.hoisted(() => {
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const session = {
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
  };
  const power = { started: [] as string[], stopped: [] as number[] };
  const saveDialog = { answer: { canceled: false, filePath: '' as string | undefined } };
  const openDialog = { answer: { canceled: false, filePaths: [] as string[] } };
  return {
    ipcHandlers,
    protocolHandlers,
    appListeners,
    session,
    power,
    saveDialog,
    openDialog,
    privileged: [] as unknown[],
  };
});

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async () => electron.saveDialog.answer,
    showOpenDialog: async () => electron.openDialog.answer,
  },
  powerSaveBlocker: {
    start: (type: string) => electron.power.started.push(type),
    stop: (id: number) => electron.power.stopped.push(id),
  },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => electron.ipcHandlers.set(channel, fn),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, fn),
  },
  app: { on: (name: string, fn: (...args: unknown[]) => void) => electron.appListeners.set(name, fn) },
  session: {
    defaultSession: {
      webRequest: {
        onBeforeRequest: (fn: typeof electron.session.beforeRequest) => (electron.session.beforeRequest = fn),
      },
      setPermissionRequestHandler: (fn: typeof electron.session.permissionRequest) =>
        (electron.session.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof electron.session.permissionCheck) =>
        (electron.session.permissionCheck = fn),
    },
  },
}));

beforeEach(() => {
  electron.ipcHandlers.clear();
  electron.protocolHandlers.clear();
  electron.appListeners.clear();
});
afterEach(removeTempDirs);

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security, no webview', () => {
    const { webPreferences } = appWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keep timers running in the background (meditation bells) and show only when ready', () => {
    const options = appWindowOptions('/p.cjs');
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
    // Issue 13, L12: no spellchecker that would fetch dictionaries from the internet.
    expect(appWindowOptions('/p.cjs', undefined, 'linux').webPreferences?.spellcheck).toBe(false);
    expect(appWindowOptions('/p.cjs', undefined, 'win32').webPreferences?.spellcheck).toBe(false);
    expect(appWindowOptions('/p.cjs', undefined, 'darwin').webPreferences?.spellcheck).toBe(true);
    expect(options.show).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows nothing remote, no inline script or style, and no eval', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('request and sender rules', () => {
  it('only the app protocol may be loaded', () => {
    expect(isAllowedRequestUrl(APP_START_URL)).toBe(true);
    expect(isAllowedRequestUrl('app://axis/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://axis/6f1c2d3e-aaaa-bbbb-cccc-1234567890ab')).toBe(true);
    expect(isAllowedRequestUrl('blob:https://example.com/6f1c2d3e')).toBe(false);
    expect(isAllowedNavigationUrl('blob:app://axis/6f1c2d3e-aaaa-bbbb-cccc-1234567890ab')).toBe(false);
    expect(isAllowedNavigationUrl(APP_START_URL)).toBe(true);
    expect(isTrustedSender({ url: 'blob:app://axis/6f1c2d3e', parent: null })).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:4477/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'ws://x',
      'app://axis.evil/',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
    expect(isAllowedRequestUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
  });

  it('only the top frame of our own page is a trusted IPC sender', () => {
    expect(isTrustedSender({ url: 'app://axis/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://axis/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'devtools://devtools/bundled/inspector.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('IPC handlers', () => {
  it('saves the report as a PDF in the shell: the save dialog, then the page printed by Chromium', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const dispatched: string[] = [];
    registerIpc(async (method) => {
      dispatched.push(method);
      return { ok: true, value: null };
    });
    const handler = electron.ipcHandlers.get(ipcChannel('report.savePdf'))!;
    const printed: unknown[] = [];
    const sender = { printToPDF: async (options: unknown) => (printed.push(options), Buffer.from('%PDF-1.7 test')) };
    const event = { senderFrame: { url: APP_START_URL, parent: null }, sender };
    const file = join(tempDir(), 'report.pdf');
    electron.saveDialog.answer = { canceled: false, filePath: file };
    expect(await handler(event, { paper: 'letter', fileName: 'Skin and gut report.pdf' })).toEqual({
      ok: true,
      value: { saved: true, path: file },
    });
    expect(printed).toEqual([{ pageSize: 'Letter', printBackground: true, preferCSSPageSize: true }]);
    expect((await import('node:fs')).readFileSync(file, 'utf8')).toBe('%PDF-1.7 test');
    electron.saveDialog.answer = { canceled: true, filePath: undefined };
    expect(await handler(event, { paper: 'a4', fileName: 'x.pdf' })).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    expect(await handler(event, { paper: 'a4', fileName: '../../etc/x.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await handler(
        { ...event, senderFrame: { url: 'https://evil.example/', parent: null } },
        { paper: 'a4', fileName: 'x.pdf' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatched).toEqual([]);
  });

  it('chooses an Apple Health export in the system dialog; the backend reads it by path, never the page', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const { ImportReads } = await import('../../electron/core/importers/reads');
    const backend = { vault: { isUnlocked: true }, importReads: new ImportReads() };
    const dispatched: string[] = [];
    registerIpc(async (method) => (dispatched.push(method), { ok: true, value: null }), undefined, backend as never);
    const handler = electron.ipcHandlers.get(ipcChannel('importFrom.chooseFile'))!;
    const event = { senderFrame: { url: APP_START_URL, parent: null }, sender: {} };
    const file = join(tempDir(), 'export.xml');
    writeFileSync(
      file,
      '<?xml version="1.0"?>\n<HealthData><Record type="HKCategoryTypeIdentifierMindfulSession" startDate="2026-03-02 08:00:00 +0000" endDate="2026-03-02 08:10:00 +0000"/></HealthData>\n',
    );
    electron.openDialog.answer = { canceled: false, filePaths: [file] };
    const started = (await handler(event, {})) as { ok: true; value: { readId: string; fileName: string } };
    expect(started).toMatchObject({ ok: true, value: { fileName: 'export.xml', state: 'reading' } });
    expect(JSON.stringify(started)).not.toContain(file); // the path stays in the main process
    await vi.waitFor(() => expect(backend.importReads.status(started.value.readId).state).toBe('ready'));
    expect(backend.importReads.source(started.value.readId).source.days.get('2026-03-02')?.get('mindful')).toBe(10);
    electron.openDialog.answer = { canceled: true, filePaths: [] };
    expect(await handler(event, {})).toEqual({ ok: true, value: null });
    backend.vault.isUnlocked = false;
    expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(dispatched).toEqual([]);
  });

  it('registers one handler per contract method and refuses calls from foreign frames', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const calls: [string, unknown][] = [];
    registerIpc(async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: 'handled' };
    });
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());

    const handler = electron.ipcHandlers.get(ipcChannel('vault.unlock'))!;
    const own = await handler({ senderFrame: { url: 'app://axis/index.html', parent: null } }, { passphrase: 'x' });
    expect(own).toEqual({ ok: true, value: 'handled' });

    const foreign = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, { passphrase: 'x' });
    const subframe = await handler({ senderFrame: { url: 'app://axis/index.html', parent: {} } }, { passphrase: 'x' });
    const gone = await handler({ senderFrame: null }, { passphrase: 'x' });
    for (const refused of [foreign, subframe, gone])
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([['vault.unlock', { passphrase: 'x' }]]);
  });
});

describe('app:// protocol', () => {
  it('serves the built renderer with the CSP header and nothing outside it', async () => {
    const { registerAppScheme, serveRenderer } = await import('../../electron/main/protocol');
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Axis</title>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the page');
    registerAppScheme();
    expect(electron.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    serveRenderer(rendererDir);
    const handle = electron.protocolHandlers.get('app')!;

    const page = await handle(new Request('app://axis/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name)).toBe(value);
    expect(await page.text()).toContain('Axis');

    expect((await handle(new Request('app://axis/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
  });
});

describe('session security', () => {
  it('cancels every request that is not for the app, denies permissions, windows, navigation and webviews', async () => {
    const { installSecurity } = await import('../../electron/main/security');
    installSecurity(undefined);

    const decide = (url: string) =>
      new Promise<boolean>((done) => electron.session.beforeRequest!({ url }, (r) => done(r.cancel)));
    expect(await decide('https://telemetry.example/collect')).toBe(true);
    expect(await decide('http://127.0.0.1:4477/api')).toBe(true);
    expect(await decide('app://axis/index.html')).toBe(false);

    const granted = await new Promise<boolean>((done) => electron.session.permissionRequest!({}, 'media', done));
    expect(granted).toBe(false);
    expect(electron.session.permissionCheck!()).toBe(false);

    // Every new web contents gets the guards.
    const guards = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
      on: (name: string, fn: (event: { preventDefault: () => void }, url?: string) => void) => guards.set(name, fn),
    };
    electron.appListeners.get('web-contents-created')!({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      guards.get(name)!({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'app://axis/index.html')).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
  });
});

describe('desktop command line', () => {
  it('reads the vault folder in both --vault forms', async () => {
    const { vaultArgument } = await import('../../electron/main/args');
    expect(vaultArgument(['electron', '.', '--vault', '/data/v'])).toBe('/data/v');
    expect(vaultArgument(['electron', '.', '--vault=/data/w'])).toBe('/data/w');
    expect(vaultArgument(['electron', '.'])).toBeUndefined();
  });
});

describe('keeping the display awake', () => {
  it('blocks display sleep while a meditation session runs, once, and releases it after', async () => {
    const { EventEmitter } = await import('node:events');
    const { keepDisplayAwakeDuringMeditation } = await import('../../electron/main/power');
    const events = new EventEmitter();
    keepDisplayAwakeDuringMeditation({ events } as never);
    events.emit('event', { type: 'meditation', running: true });
    events.emit('event', { type: 'meditation', running: true });
    expect(electron.power.started).toEqual(['prevent-display-sleep']);
    events.emit('event', { type: 'vault-locked', reason: 'user' });
    events.emit('event', { type: 'meditation', running: false });
    expect(electron.power.stopped).toEqual([1]);
  });
});
