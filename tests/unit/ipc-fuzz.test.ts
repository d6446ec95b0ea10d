import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, METHOD_NAMES, ipcChannel, type MethodName } from '../../electron/contract';
import { registerIpc } from '../../electron/main/ipc';
import { APP_START_URL } from '../../electron/main/securityPolicy';
import { expectClearError, hostileInput, journalSnapshot, openFilledJournal } from '../helpers/hostileInput';
import { removeTempDirs } from '../helpers/tempVault';

/**
 * Property-based hostile input through the desktop app's real IPC handlers (electron/main/ipc.ts)
 * into a real encrypted journal. Electron — the only mock — hands over the handlers the shell
 * registers, and records any save dialog or PDF, which hostile calls must never reach.
 *
 * From the page's own frame, input the contract refuses gets a clear error and changes nothing.
 * From any other frame, every method is refused (FORBIDDEN) before anything is looked at.
 */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  dialogs: 0,
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
      electron.handlers.set(channel, handler),
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: async () => (electron.dialogs++, { canceled: true, filePath: undefined }) },
}));

let app: Awaited<ReturnType<typeof openFilledJournal>>;
let before: string;
/** Calls that got past the shell's own checks into the backend's dispatcher. */
const reached: string[] = [];
let pdfs = 0;
/** The main window's web contents, as far as the shell uses it (printing the report). */
const sender = { printToPDF: async () => (pdfs++, Buffer.from('%PDF')) };

beforeAll(async () => {
  app = await openFilledJournal();
  before = journalSnapshot(app);
  registerIpc((method, input) => {
    reached.push(method);
    return app.dispatch(method, input);
  });
}, 60_000);
afterAll(() => {
  app.close();
  removeTempDirs();
});

function call(method: MethodName, senderFrame: unknown, input: unknown): Promise<unknown> {
  const handler = electron.handlers.get(ipcChannel(method));
  if (!handler) throw new Error(`No IPC handler for ${method}`);
  return handler({ senderFrame, sender }, input);
}

const OWN_FRAME = { url: APP_START_URL, parent: null };

describe('hostile input from the page itself', () => {
  it('registers a handler for every contract method', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it.each([...METHOD_NAMES])(
    '%s answers every hostile input with a clear error',
    async (method: MethodName) => {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          fc.pre(!schema.safeParse(input).success);
          expectClearError((await call(method, OWN_FRAME, input)) as never);
        }),
        { numRuns: 30, seed: 20261125 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(app.backend.vault.isUnlocked).toBe(true);
    },
    60_000,
  );

  it('left the journal exactly as it was, and intact; no save dialog or PDF was made', () => {
    // The calls did go through to the backend (all but the one the shell answers itself).
    expect(new Set(reached)).toEqual(new Set(METHOD_NAMES.filter((method) => method !== 'report.savePdf')));
    expect(journalSnapshot(app)).toBe(before);
    expect(app.backend.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(electron.dialogs).toBe(0);
    expect(pdfs).toBe(0);
  });
});

describe('calls from any other frame', () => {
  const FOREIGN_FRAMES: unknown[] = [
    // Our own page, but inside a frame.
    { url: APP_START_URL, parent: { url: APP_START_URL, parent: null } },
    { url: 'https://evil.example/', parent: null },
    { url: 'http://127.0.0.1:4477/', parent: null },
    { url: 'app://evil/index.html', parent: null },
    { url: 'app://axis.evil/index.html', parent: null },
    { url: 'file:///etc/passwd', parent: null },
    { url: 'blob:app://axis/6f1c2d3e-aaaa-bbbb-cccc-1234567890ab', parent: null },
    { url: 'blob:https://evil.example/6f1c2d3e', parent: null },
    { url: 'devtools://devtools/bundled/inspector.html', parent: null },
    { url: 'data:text/html,<script>1</script>', parent: null },
    { url: 'about:blank', parent: null },
    { url: '', parent: null },
    // The frame is gone (navigated away or destroyed) by the time the call arrives.
    null,
    undefined,
  ];

  const foreignFrame: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(...FOREIGN_FRAMES),
    fc.record({ url: fc.webUrl({ withQueryParameters: true, withFragments: true }), parent: fc.constant(null) }),
    fc.record({ url: fc.constant(APP_START_URL), parent: fc.anything().filter((parent) => parent !== null) }),
  );

  it.each([...METHOD_NAMES])('%s is refused with FORBIDDEN, never reaching the backend', async (method: MethodName) => {
    reached.length = 0;
    for (const frame of FOREIGN_FRAMES) {
      // Even input the contract would take is refused: who asks is checked first.
      for (const input of [undefined, {}, { passphrase: 'lavender otter umbrella 42' }]) {
        expect(await call(method, frame, input), JSON.stringify(frame)).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This request did not come from Axis Journal.' },
        });
      }
    }
    await fc.assert(
      fc.asyncProperty(foreignFrame, hostileInput, async (frame, input) => {
        expect(await call(method, frame, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }),
      { numRuns: 15, seed: 20261126 },
    );
    expect(reached).toEqual([]);
  });

  it('changed nothing and printed nothing', () => {
    expect(journalSnapshot(app)).toBe(before);
    expect(app.backend.vault.isUnlocked).toBe(true);
    expect(electron.dialogs).toBe(0);
    expect(pdfs).toBe(0);
  });
});
